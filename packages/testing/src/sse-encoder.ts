// Server-sent events framing as OpenAI streams it: one `data:` line per JSON chunk, then [DONE].

export const SSE_DONE = 'data: [DONE]\n\n';

export function encodeSseData(value: unknown): string {
  return `data: ${JSON.stringify(value)}\n\n`;
}

/** The `data` payloads of a complete SSE text, in order, `[DONE]` included; for raw-stream tests. */
export function decodeSseData(text: string): ReadonlyArray<string> {
  return text
    .split(/\r?\n\r?\n/)
    .filter((event) => event.trim().length > 0)
    .map((event) =>
      event
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice('data:'.length).replace(/^ /, ''))
        .join('\n'),
    );
}
