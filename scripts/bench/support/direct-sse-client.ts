// The baseline client: asks the loopback model for a streamed completion over plain HTTP (no
// server in between) and records each content delta's arrival time into a trace.
import { request as httpRequest } from 'node:http';
import type { StreamTrace } from './stream-trace';

interface CompletionChunk {
  readonly choices?: ReadonlyArray<{ readonly delta?: { readonly content?: string | null } }>;
}

/** Resolves when the stream ends ([DONE] or the response closes); failures are written into the trace. */
export function streamDirect(options: { readonly url: string; readonly apiKey: string; readonly text: string; readonly trace: StreamTrace }): Promise<void> {
  const { trace } = options;
  const body = JSON.stringify({ model: 'loopback-model', stream: true, messages: [{ role: 'user', content: options.text }] });
  return new Promise((resolve) => {
    trace.sentAt = performance.now();
    const outgoing = httpRequest(`${options.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${options.apiKey}` } }, (response) => {
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (part: string) => {
        const time = performance.now();
        buffer += part;
        const events = buffer.split('\n\n');
        buffer = events.pop() ?? '';
        for (const event of events) {
          const data = event.replace(/^data: /, '');
          if (data === '[DONE]') {
            trace.ended = true;
            continue;
          }
          const content = (JSON.parse(data) as CompletionChunk).choices?.[0]?.delta?.content;
          if (typeof content === 'string' && content !== '') trace.tokens.push({ text: content, time });
        }
      });
      response.on('close', () => {
        if (!trace.ended) trace.error ??= `the stream closed early (status ${response.statusCode ?? 0})`;
        resolve();
      });
    });
    outgoing.on('error', (error) => {
      trace.error ??= error.message;
      resolve();
    });
    outgoing.end(body);
  });
}
