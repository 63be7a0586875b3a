// Fuzzes the running server from its own OpenAPI document with schemathesis (from PyPI, in a
// cached venv): no 5xx, and every response matches the documented status codes, content types,
// headers and schemas. Runs authenticated as an admin with an API token.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureVenv } from './support/python-venv';
import { ADMIN_EMAIL, ADMIN_PASSWORD, apiToken, signIn, startInProcess, type Client, type InProcessServer } from './server-harness';

const run = promisify(execFile);
const CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_headers_conformance', 'response_schema_conformance'];

let server: InProcessServer;
let token: Client;
let venv: string;

beforeAll(async () => {
  venv = await ensureVenv(['schemathesis==4.32.5']);
  server = await startInProcess({ LOG_LEVEL: 'warn' });
  token = await apiToken(server.url, await signIn(server.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }), ['read', 'write', 'admin']);
}, 1_800_000);

afterAll(async () => {
  await server?.stop();
});

describe('schemathesis against /openapi.json', () => {
  it('finds no server error and no response that breaks the document', async () => {
    const args = [
      '-m',
      'schemathesis.cli',
      'run',
      `${server.url}/openapi.json`,
      '--header',
      `Authorization: ${token.headers.authorization}`,
      '--checks',
      CHECKS.join(','),
      // The examples phase is left out: schemathesis 4.32.5 fails internally (a hypothesis
      // FlakyFailure while drawing from schema examples) before it sends a request. One worker:
      // with two threads, the coverage phase now and then failed the same way while drawing a
      // request body, before sending it.
      '--phases',
      'coverage,fuzzing',
      '--max-examples',
      '15',
      '--seed',
      '20250101',
      '--workers',
      '1',
      '--request-timeout',
      '30',
      // Revoking its own token or demoting its own account would turn the rest of the run into 401s;
      // these operations are covered by api-hostile and the users and tokens tests instead.
      '--exclude-path-regex',
      '^/api/(auth/tokens/\\{id\\}|users/\\{id\\})$',
    ];
    const result = await run(join(venv, 'bin', 'python'), args, { maxBuffer: 64 * 1024 * 1024, timeout: 20 * 60 * 1000, env: { ...process.env, NO_COLOR: '1' } }).catch(
      (error: { stdout?: string; stderr?: string; code?: number }) => ({ stdout: error.stdout ?? '', stderr: `${error.stderr ?? ''}\nexit code ${String(error.code)}` }),
    );
    const output = `${result.stdout}\n${result.stderr}`;
    expect(output, output.slice(-6000)).toMatch(/\d+ generated, \d+ passed/);
    expect(output, output.slice(-6000)).not.toMatch(/\bfailed\b|exit code [1-9]/i);
    const generated = Number(/(\d+) generated/.exec(output)?.[1] ?? 0);
    expect(generated).toBeGreaterThan(500);
    // The run stayed authenticated to the end.
    expect((await token.request('/api/auth/me')).status).toBe(200);
    expect(server.logs.lines.filter((line) => line.msg === 'unexpected error')).toEqual([]);
  }, 1_800_000);
});
