// The HTTP plumbing every provider loopback server shares: listen on 127.0.0.1, record, close.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody, sendJson } from './http-io';
import { parseBodyText, recordHeaders, REDACTED, type RecordedRequest } from './recorded-request';
import type { ReplyTarget } from './reply-writer';

/** One request as a provider route sees it: parsed URL, headers, body and where to answer. */
export interface LoopbackExchange {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: string;
  readonly body: { readonly body: unknown; readonly isJson: boolean };
  readonly target: ReplyTarget;
}

/** Credential headers of other providers, on top of those recordHeaders already redacts. */
const EXTRA_CREDENTIAL_HEADERS = ['x-goog-api-key', 'x-amz-security-token'];

export interface LoopbackHttp {
  readonly origin: string;
  readonly port: number;
  readonly requests: ReadonlyArray<RecordedRequest>;
  close(): Promise<void>;
}

export async function startLoopbackHttp(options: {
  readonly handle: (exchange: LoopbackExchange) => Promise<void>;
  /** Called when a handler throws, to record the failure. */
  readonly onFailure: (message: string) => void;
  /** Rewrites a body before it is recorded, to keep credentials sent in bodies out of `requests`. */
  readonly redactBody?: (path: string, body: unknown) => unknown;
  readonly port?: number;
  readonly now?: () => number;
}): Promise<LoopbackHttp> {
  const now = options.now ?? Date.now;
  const requests: RecordedRequest[] = [];
  const closing = new AbortController();
  let counter = 0;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const clientGone = new AbortController();
    response.on('close', () => clientGone.abort());
    const target: ReplyTarget = { response, signal: AbortSignal.any([closing.signal, clientGone.signal]), headers: { 'x-request-id': `req_loopback_${(counter += 1)}` } };
    const url = new URL(request.url ?? '/', 'http://loopback');
    const method = request.method ?? 'GET';
    let rawBody: string | undefined;
    try {
      rawBody = await readBody(request);
    } catch {
      return; // the client went away while sending its body
    }
    const body = parseBodyText(rawBody ?? '');
    const headers = recordHeaders(request.headers);
    for (const name of EXTRA_CREDENTIAL_HEADERS) if (headers[name] !== undefined) headers[name] = REDACTED;
    const recordedBody = options.redactBody === undefined ? body.body : options.redactBody(url.pathname, body.body);
    requests.push({ method, path: url.pathname, headers, body: recordedBody, time: new Date(now()) });
    if (rawBody === undefined) return sendJson(response, { status: 413, body: { message: 'The request body is too large.' } });
    await options.handle({ method, path: url.pathname, query: url.searchParams, headers: request.headers, rawBody, body, target });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.onFailure(`the loopback server failed on ${request.method ?? ''} ${request.url ?? ''}: ${error instanceof Error ? error.message : String(error)}`);
      if (response.headersSent) response.destroy();
      else sendJson(response, { status: 500, body: { message: 'loopback server error' } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
