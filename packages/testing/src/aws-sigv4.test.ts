import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifySigV4 } from './aws-sigv4';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

/** Signs the way the AWS documentation describes, independently of the verifier's code path. */
function sign(options: { readonly path: string; readonly body: string; readonly secret: string }): Record<string, string> {
  const amzDate = '20250102T030405Z';
  const host = '127.0.0.1:8080';
  const bodyHash = createHash('sha256').update(options.body).digest('hex');
  const canonicalPath = options.path.split('/').map((segment) => encodeURIComponent(segment)).join('/');
  const canonical = ['POST', canonicalPath, '', `content-type:application/json\nhost:${host}\nx-amz-date:${amzDate}\n`, 'content-type;host;x-amz-date', bodyHash].join('\n');
  const scope = '20250102/us-east-1/bedrock/aws4_request';
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  let key: Buffer | string = `AWS4${options.secret}`;
  for (const part of ['20250102', 'us-east-1', 'bedrock', 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return { 'content-type': 'application/json', host, 'x-amz-date': amzDate, authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/${scope}, SignedHeaders=content-type;host;x-amz-date, Signature=${signature}` };
}

describe('verifySigV4', () => {
  const path = '/model/anthropic.claude-v2%3A1/converse';
  const body = '{"messages":[]}';
  const check = (headers: Record<string, string>, requestBody = body) =>
    verifySigV4({ method: 'POST', rawPath: path, query: new URLSearchParams(), headers, body: requestBody, credentials, service: 'bedrock', region: 'us-east-1' });

  it('accepts a correct signature (path segments encoded twice)', () => {
    expect(check(sign({ path, body, secret: credentials.secretAccessKey }))).toBeUndefined();
  });

  it('rejects a wrong secret, a changed body and a missing header', () => {
    expect(check(sign({ path, body, secret: 'not-the-secret' }))?.type).toBe('InvalidSignatureException');
    expect(check(sign({ path, body, secret: credentials.secretAccessKey }), '{"messages":[1]}')?.type).toBe('InvalidSignatureException');
    expect(check({})?.type).toBe('MissingAuthenticationTokenException');
  });
});
