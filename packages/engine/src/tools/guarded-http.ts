// HTTP for the tools: resolves names itself and refuses private addresses (also after redirects
// and DNS tricks, since the check runs on the address actually connected to), with size and time limits.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { ipLiteralOf, isPrivateAddress, privateAddressMessage } from './network-guard';
import { ToolError } from './tool';

export interface GuardedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly allowPrivateNetwork: boolean;
}

export interface GuardedResponse {
  readonly status: number;
  readonly url: string;
  readonly contentType: string;
  readonly body: Buffer;
  /** The body was longer than `maxBytes` and was cut there. */
  readonly truncated: boolean;
}

const MAX_REDIRECTS = 3;

/** Sends one request, following up to three redirects for GET and HEAD. */
export async function guardedRequest(request: GuardedRequest): Promise<GuardedResponse> {
  const signal = AbortSignal.any([request.signal, AbortSignal.timeout(request.timeoutMs)]);
  let url = checkedUrl(request.url, request.allowPrivateNetwork);
  for (let redirects = 0; ; redirects += 1) {
    const response = await send({ ...request, signal }, url).catch((error: unknown) => {
      if (request.signal.aborted) throw error;
      if (signal.aborted) throw new ToolError(`${url.host} did not answer within ${request.timeoutMs / 1000} s`);
      throw error instanceof ToolError ? error : new ToolError(`could not reach ${url.host}: ${error instanceof Error ? error.message : String(error)}`);
    });
    const location = response.location;
    const follow = location !== undefined && [301, 302, 303, 307, 308].includes(response.status) && (request.method === 'GET' || request.method === 'HEAD');
    if (!follow || redirects >= MAX_REDIRECTS) return response;
    url = checkedUrl(new URL(location, url).toString(), request.allowPrivateNetwork);
  }
}

function checkedUrl(text: string, allowPrivateNetwork: boolean): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ToolError(`"${text.slice(0, 200)}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ToolError(`only http and https URLs are allowed, not ${url.protocol}`);
  const literal = ipLiteralOf(url.hostname);
  if (literal !== undefined && !allowPrivateNetwork && isPrivateAddress(literal)) throw new ToolError(privateAddressMessage(url.hostname, literal));
  return url;
}

// Resolves like dns.lookup, then refuses the whole answer if any address is private.
function guardedLookup(allowPrivateNetwork: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = allowPrivateNetwork ? undefined : addresses.find((entry) => isPrivateAddress(entry.address));
      if (refused !== undefined) return callback(new ToolError(privateAddressMessage(hostname, refused.address)), '', 0);
      if (options.all === true) return callback(null, addresses);
      const first = addresses[0];
      if (first === undefined) return callback(new ToolError(`${hostname} has no address`), '', 0);
      return callback(null, first.address, first.family);
    });
  };
}

function send(request: GuardedRequest, url: URL): Promise<GuardedResponse & { readonly location: string | undefined }> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = client(url, { method: request.method, headers: request.headers, signal: request.signal, lookup: guardedLookup(request.allowPrivateNetwork) }, (incoming) => {
      readLimited(incoming, request.maxBytes).then(({ body, truncated }) => {
        const location = incoming.headers.location;
        resolve({ status: incoming.statusCode ?? 0, url: url.toString(), contentType: String(incoming.headers['content-type'] ?? ''), body, truncated, location });
      }, reject);
    });
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

function readLimited(incoming: IncomingMessage, maxBytes: number): Promise<{ body: Buffer; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (body: Buffer, truncated: boolean): void => {
      settled = true;
      resolve({ body, truncated });
    };
    incoming.on('data', (chunk: Buffer) => {
      if (settled) return;
      chunks.push(chunk);
      size += chunk.length;
      if (size <= maxBytes) return;
      settle(Buffer.concat(chunks).subarray(0, maxBytes), true);
      incoming.destroy();
    });
    incoming.on('end', () => settled || settle(Buffer.concat(chunks), false));
    incoming.on('error', (error) => settled || reject(error));
    incoming.on('aborted', () => settled || reject(new ToolError('the connection closed before the answer was complete')));
  });
}
