// Checks an AWS Signature Version 4 Authorization header the way AWS does, from the request as received.
import { createHash, createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/;

const rfc3986 = (text: string): string => encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: string | Buffer, text: string): Buffer => createHmac('sha256', key).update(text, 'utf8').digest();

/** Non-S3 services sign each path segment URI-encoded twice: the client's encoding, then once more. */
function canonicalUri(rawPath: string): string {
  return rawPath.split('/').map((segment) => rfc3986(segment)).join('/');
}

function canonicalQuery(query: URLSearchParams): string {
  return [...query.entries()]
    .map(([name, value]) => [rfc3986(name), rfc3986(value)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function headerValue(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim().replace(/\s+/g, ' ');
}

/** Undefined when the signature is valid for these credentials; otherwise what AWS would say. */
export function verifySigV4(options: {
  readonly method: string;
  readonly rawPath: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly credentials: AwsCredentials;
  readonly service: string;
  /** When set, the credential scope must name this region. */
  readonly region?: string;
}): { readonly status: number; readonly type: string; readonly message: string } | undefined {
  const match = AUTHORIZATION.exec(headerValue(options.headers, 'authorization'));
  if (match === null) return { status: 403, type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' };
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match as unknown as [string, string, string, string, string, string, string];
  if (accessKeyId !== options.credentials.accessKeyId) return { status: 403, type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' };
  if (service !== options.service) return { status: 403, type: 'InvalidSignatureException', message: `Credential should be scoped to correct service: '${options.service}'.` };
  if (options.region !== undefined && region !== options.region) return { status: 403, type: 'InvalidSignatureException', message: `Credential should be scoped to a valid region, not '${region}'.` };
  const amzDate = headerValue(options.headers, 'x-amz-date');
  const names = signedHeaders.split(';');
  const canonicalRequest = [
    options.method.toUpperCase(),
    canonicalUri(options.rawPath),
    canonicalQuery(options.query),
    `${names.map((name) => `${name}:${headerValue(options.headers, name)}`).join('\n')}\n`,
    signedHeaders,
    headerValue(options.headers, 'x-amz-content-sha256') || sha256(options.body),
  ].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, `${date}/${region}/${service}/aws4_request`, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${options.credentials.secretAccessKey}`, date), region), service), 'aws4_request');
  if (createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex') === signature) return undefined;
  return {
    status: 403,
    type: 'InvalidSignatureException',
    message: 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
  };
}
