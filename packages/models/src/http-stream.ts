// A provider's streamed answer as text chunks. Without an injected fetch, node:http(s) on keep-alive
// agents carries it: a 'data' event costs about a third of what fetch's web stream costs per chunk,
// and a chat server reads one chunk per token per stream (ADR 0010). Text that arrives while the
// reader is busy is handed over as one chunk. An injected fetch (tests, proxies) is used as is.
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { startDeadline, type Deadline } from './deadline';
import { callFailure, openProviderCall, type ProviderCall } from './http-call';
import { httpFailureError } from './provider-error';

export interface ProviderStream {
  /** The body as text, in order; ends when the server ends it, throws when the connection fails. */
  readonly chunks: AsyncIterable<string>;
  readonly deadline: Deadline;
}

/** Text waiting for a slow reader beyond this pauses the socket until the reader catches up. */
const MAX_PENDING_CHARS = 1 << 20;
const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

function headersOf(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]])));
}

function requestHeaders(init: RequestInit, body: string): Record<string, string> {
  const given = init.headers instanceof Headers ? Object.fromEntries(init.headers.entries()) : Array.isArray(init.headers) ? Object.fromEntries(init.headers) : { ...init.headers };
  return { ...given, 'content-length': String(Buffer.byteLength(body)) };
}

/** The response body as an async iterable of text: what piled up since the last read comes as one chunk. */
function textChunks(response: IncomingMessage): AsyncIterable<string> {
  let pending = '';
  let ended = false;
  let failure: { readonly error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  response.setEncoding('utf8');
  response.on('data', (text: string) => {
    pending += text;
    if (pending.length > MAX_PENDING_CHARS) response.pause();
    notify();
  });
  response.on('end', () => {
    ended = true;
    notify();
  });
  response.on('error', (error) => {
    failure ??= { error };
    notify();
  });
  // Closed without an end: the connection was cut (or aborted); the caller classifies the error.
  response.on('close', () => {
    if (!ended) failure ??= { error: Object.assign(new Error('the connection closed before the answer ended'), { code: 'ECONNRESET' }) };
    notify();
  });
  return {
    async *[Symbol.asyncIterator]() {
      try {
        for (;;) {
          if (pending.length > 0) {
            const text = pending;
            pending = '';
            if (response.isPaused()) response.resume();
            yield text;
            continue;
          }
          if (failure !== undefined) throw failure.error;
          if (ended) return;
          await new Promise<void>((resolve) => (wake = resolve));
        }
      } finally {
        if (!ended) response.destroy();
      }
    },
  };
}

/** Reads the whole body of a failed answer (capped, as a provider's error page can be large). */
function bodyText(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      if (text.length < 64 * 1024) text += chunk;
    });
    response.on('end', () => resolve(text));
    response.on('error', () => resolve(text));
    response.on('close', () => resolve(text));
  });
}

/**
 * Sends the request. A kept-alive connection the server closed just before we reused it fails with
 * ECONNRESET before any answer: that request is sent once more on a new connection.
 */
function send(call: ProviderCall, deadline: Deadline, attempt = 0): Promise<IncomingMessage> {
  const url = new URL(call.url);
  const body = typeof call.init.body === 'string' ? call.init.body : '';
  const secure = url.protocol === 'https:';
  const options = { method: call.init.method ?? 'POST', headers: requestHeaders(call.init, body), agent: secure ? agents.https : agents.http, signal: deadline.signal };
  return new Promise((resolve, reject) => {
    const request = (secure ? httpsRequest : httpRequest)(url, options, resolve);
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (attempt === 0 && request.reusedSocket && error.code === 'ECONNRESET' && !deadline.signal.aborted) resolve(send(call, deadline, attempt + 1));
      else reject(error);
    });
    request.end(body);
  });
}

async function openOverNode(call: ProviderCall): Promise<ProviderStream> {
  const deadline = startDeadline({ timeoutMs: call.context.timeoutMs, ...(call.signal === undefined ? {} : { signal: call.signal }) });
  try {
    const response = await send(call, deadline);
    const status = response.statusCode ?? 0;
    if (status < 200 || status > 299) throw httpFailureError(call.context, { status, headers: headersOf(response.headers), body: await bodyText(response) });
    return { chunks: textChunks(response), deadline };
  } catch (error) {
    deadline.dispose();
    throw callFailure({ context: call.context, error, deadline, signal: call.signal });
  }
}

async function* decoded(body: ReadableStream<Uint8Array> | null): AsyncGenerator<string> {
  if (body === null) return;
  const decoder = new TextDecoder();
  const reader = body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) yield decoder.decode(next.value, { stream: true });
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

/** Sends the request; resolves with a 2xx answer whose text the caller reads under `deadline`. */
export async function openProviderStream(call: ProviderCall): Promise<ProviderStream> {
  if (call.fetch === undefined) return openOverNode(call);
  const { response, deadline } = await openProviderCall(call);
  return { chunks: decoded(response.body), deadline };
}
