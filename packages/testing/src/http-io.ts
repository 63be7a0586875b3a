// Reading request bodies and writing JSON answers on node:http, shared by every route.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorReplyPlan } from './error-responses';

const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** The raw body, or undefined when it exceeds the size limit (the caller answers 413). */
export async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of request) {
    const buffer = Buffer.isBuffer(part) ? part : Buffer.from(String(part));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    parts.push(buffer);
  }
  return Buffer.concat(parts).toString('utf8');
}

export function sendJson(response: ServerResponse, options: { readonly status: number; readonly body: unknown; readonly headers?: Readonly<Record<string, string>> }): void {
  if (response.destroyed || response.headersSent) return;
  const text = JSON.stringify(options.body);
  response.writeHead(options.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...options.headers });
  response.end(text);
}

export function sendError(response: ServerResponse, plan: ErrorReplyPlan): void {
  sendJson(response, { status: plan.status, body: { error: plan.body }, ...(plan.headers === undefined ? {} : { headers: plan.headers }) });
}

/** Writes one piece of a stream, waiting for the socket to drain when its buffer is full. */
export async function writeWithBackpressure(response: ServerResponse, text: string): Promise<void> {
  if (response.destroyed) return;
  if (response.write(text)) return;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

/** Waits `milliseconds`; resolves false early when the signal aborts. */
export function pause(milliseconds: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (milliseconds <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, milliseconds);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
