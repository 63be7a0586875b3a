// Reads server-sent events (event name and data) from a response body's text, as it arrives: one batch
// per chunk of text, so a reader that falls behind handles what piled up at once.

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

export async function* readSseEventBatches(chunks: AsyncIterable<string>, onProgress: () => void): AsyncGenerator<ReadonlyArray<SseEvent>> {
  let buffer = '';
  for await (const chunk of chunks) {
    onProgress();
    buffer += chunk;
    const blocks = buffer.split(/\r?\n\r?\n/);
    buffer = blocks.pop() ?? '';
    const events = blocks.map(parseEvent).filter((event): event is SseEvent => event !== undefined);
    if (events.length > 0) yield events;
  }
  const last = parseEvent(buffer);
  if (last !== undefined) yield [last];
}

export async function* readSseEvents(body: AsyncIterable<string>, onProgress: () => void): AsyncGenerator<SseEvent> {
  for await (const batch of readSseEventBatches(body, onProgress)) yield* batch;
}
