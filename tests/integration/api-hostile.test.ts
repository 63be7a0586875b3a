// Hostile input for every body, query parameter and path parameter the OpenAPI document lists:
// wrong types, huge strings, odd unicode, injection attempts, malformed and oversized bodies.
// Every answer must be below 500, and every refusal must carry the error shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, apiToken, signIn, startInProcess, type Client, type InProcessServer } from './server-harness';

type Schema = { $ref?: string; type?: string; properties?: Record<string, Schema>; items?: Schema };
interface Parameter {
  readonly name: string;
  readonly in: string;
}
interface Operation {
  readonly method: string;
  readonly path: string;
  readonly parameters: ReadonlyArray<Parameter>;
  readonly body: Schema | undefined;
}

const STRINGS = [
  '',
  ' ',
  'x'.repeat(200_000),
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '${jndi:ldap://127.0.0.1/a}',
  '{{7*7}}',
  '\u0000\u0001\u001b[31m',
  '\u202e\u0644\u0627 \ud83d\udca9 \u0301\u0301\u0301',
  'Robert\'); DROP TABLE projects;--',
  '%00%2e%2e%2f',
  '\\\\?\\C:\\Windows',
];
const VALUES: ReadonlyArray<unknown> = [...STRINGS, null, -1, 0, 1e308, Number.MAX_SAFE_INTEGER + 2, true, [], [1, 'a', null], {}, { __proto__: { admin: true } }, { constructor: { prototype: { polluted: true } } }];
const QUERY_VALUES = ['', 'abc', '-1', '0', '1.5', '1e309', '99999999999999999999999', "' OR '1'='1", '%00', '\u{1F4A9}', 'x'.repeat(10_000), '[]', 'null', 'true'];
const PATH_VALUES = ["'; DROP TABLE users; --", '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(3000), '%F0%9F%92%A9', '%00', '%', '0', '-1', 'null', '{{id}}'];

let server: InProcessServer;
let admin: Client;
let operations: Operation[];
let schemas: Record<string, Schema>;
let checked = 0;

function resolve(schema: Schema | undefined): Schema | undefined {
  const name = schema?.$ref?.split('/').pop();
  return name ? resolve(schemas[name]) : schema;
}

function urlOf(operation: Operation, overrides: Record<string, string> = {}, query = ''): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => overrides[name] ?? (name === 'provider' ? 'github' : 'no-such-id'));
  return `${path}${query}`;
}

async function expectSafe(response: Response, label: string): Promise<void> {
  checked += 1;
  const text = await response.text();
  expect(response.status, `${label} → ${response.status} ${text.slice(0, 300)}`).toBeLessThan(500);
  if (response.status >= 400) {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    expect(typeof body.error?.code, label).toBe('string');
    expect(typeof body.error?.message, label).toBe('string');
    expect(typeof body.error?.details, label).toBe('object');
  }
}

function sendJson(operation: Operation, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Response> {
  return admin.request(urlOf(operation), { method: operation.method.toUpperCase(), headers, body });
}

beforeAll(async () => {
  server = await startInProcess();
  const session = await signIn(server.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  admin = await apiToken(server.url, session, ['read', 'write', 'admin']);
  const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
    components: { schemas: Record<string, Schema> };
  };
  schemas = document.components.schemas;
  operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method, path, parameters: operation.parameters ?? [], body: operation.requestBody?.content['application/json']?.schema })),
  );
});

afterAll(async () => {
  await server.stop();
});

describe('hostile input', () => {
  it('never breaks a request body: wrong types, odd strings, malformed and oversized JSON', async () => {
    const withBodies = operations.filter((operation) => operation.body !== undefined);
    expect(withBodies.length).toBeGreaterThan(10);
    for (const operation of withBodies) {
      const label = `${operation.method.toUpperCase()} ${operation.path}`;
      for (const value of VALUES) await expectSafe(await sendJson(operation, JSON.stringify(value)), `${label} body=${JSON.stringify(value).slice(0, 40)}`);
      const properties = resolve(operation.body)?.properties ?? {};
      for (const field of Object.keys(properties)) {
        for (const value of VALUES) await expectSafe(await sendJson(operation, JSON.stringify({ [field]: value })), `${label} ${field}=${JSON.stringify(value).slice(0, 40)}`);
      }
      for (const raw of ['{"a":', '{"a":1}}', '\u0000', '[[[[[[[[[[', `${'['.repeat(5000)}${']'.repeat(5000)}`, '{"idea": "\\ud800"}', '{"__proto__": {"isAdmin": true}}']) {
        await expectSafe(await sendJson(operation, raw), `${label} raw=${raw.slice(0, 20)}`);
      }
      await expectSafe(await sendJson(operation, 'idea=x', { 'content-type': 'application/x-www-form-urlencoded' }), `${label} as a form`);
      await expectSafe(await sendJson(operation, '{}', { 'content-type': 'text/plain' }), `${label} as text`);
      const oversized = await sendJson(operation, JSON.stringify({ idea: 'x'.repeat(2 * 1024 * 1024) }));
      expect(oversized.status, `${label} oversized`).toBe(413);
      await expectSafe(oversized, `${label} oversized`);
    }
  }, 300_000);

  it('never breaks on hostile query parameters', async () => {
    const withQuery = operations.filter((operation) => operation.parameters.some((parameter) => parameter.in === 'query'));
    expect(withQuery.length).toBeGreaterThan(5);
    for (const operation of withQuery) {
      for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'query')) {
        for (const value of QUERY_VALUES) {
          const query = `?${new URLSearchParams({ [parameter.name]: value }).toString()}&${parameter.name}=2`;
          await expectSafe(await admin.request(urlOf(operation, {}, query), { method: operation.method.toUpperCase() }), `${operation.path} ${parameter.name}=${value.slice(0, 30)}`);
        }
      }
    }
  }, 300_000);

  it('never breaks on hostile path parameters', async () => {
    const withPath = operations.filter((operation) => operation.parameters.some((parameter) => parameter.in === 'path'));
    for (const operation of withPath) {
      for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'path')) {
        for (const value of PATH_VALUES) {
          const method = operation.method.toUpperCase();
          const init = method === 'GET' || method === 'DELETE' ? { method } : { method, json: {} };
          await expectSafe(await admin.request(urlOf(operation, { [parameter.name]: value }), init), `${method} ${operation.path} ${parameter.name}=${value.slice(0, 30)}`);
        }
      }
    }
  }, 300_000);

  it('stayed healthy throughout', async () => {
    expect(checked).toBeGreaterThan(1000);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const unexpected = server.logs.lines.filter((line) => line.msg === 'unexpected error');
    expect(unexpected).toEqual([]);
  });
});
