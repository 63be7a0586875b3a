import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../test-app';

let harness: TestApp;
let editor: Caller;
beforeAll(async () => {
  harness = await createTestApp({ maxBodyBytes: 2048 });
  editor = await harness.tokenFor(await harness.createUser('editor'));
});
afterAll(() => harness.close());

function chunkedPost(path: string, chunks: ReadonlyArray<string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${harness.origin}${path}`, { method: 'POST', headers: { ...editor.headers, 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    for (const chunk of chunks) outgoing.write(chunk);
    outgoing.end();
  });
}

describe('request body limit', () => {
  it('refuses a declared Content-Length over the limit with 413 before reading it', async () => {
    const response = await harness.request('/api/plan', { method: 'POST', headers: editor.headers, json: { idea: 'x'.repeat(4000) } });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('counts chunked bodies as they stream in', async () => {
    const small = await chunkedPost('/api/plan', ['{"idea":', '"Write a weekly digest of robotics papers"}']);
    expect(small.status).toBe(200);
    const large = await chunkedPost('/api/plan', ['{"idea":"', 'x'.repeat(1500), 'y'.repeat(1500), '"}']);
    expect(large.status).toBe(413);
    expect(JSON.parse(large.body)).toMatchObject({ error: { code: 'payload_too_large' } });
  });
});
