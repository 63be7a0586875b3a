// Reads server-sent events (event name and data) from a response body, as bytes arrive: one batch per
// read of the body, so a reader that falls behind handles what piled up at once.

export interface SseEvent {
  readonly event: string;
  readonly data: string;
}

function parseEvent(block: string): SseEvent | undefined {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length === 0 ? undefined : { event, data: data.join('\n') };
}

export async function* readSseEventBatches(body: ReadableStream<Uint8Array>, onProgress: () => void): AsyncGenerator<ReadonlyArray<SseEvent>> {
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    onProgress();
    buffer += decoder.decode(next.value, { stream: true });
    const blocks = buffer.split(/\r?\n\r?\n/);
    buffer = blocks.pop() ?? '';
    const events = blocks.map(parseEvent).filter((event): event is SseEvent => event !== undefined);
    if (events.length > 0) yield events;
  }
  const last = parseEvent(buffer + decoder.decode());
  if (last !== undefined) yield [last];
}

export async function* readSseEvents(body: ReadableStream<Uint8Array>, onProgress: () => void): AsyncGenerator<SseEvent> {
  for await (const batch of readSseEventBatches(body, onProgress)) yield* batch;
}
