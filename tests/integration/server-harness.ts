// Test support for the server's integration tests: the server in this process (startServer) or as
// its own process (the esbuild bundle `agent-generator serve` ships), on 127.0.0.1 with a free
// port, with helpers to sign in and call it over real HTTP.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { createLogger, loadConfig, startServer, type RunningServer } from '@agent-generator/server';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

export const ADMIN_EMAIL = 'admin@example.com';
export const ADMIN_PASSWORD = 'an admin password for tests';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `ag-${prefix}-`));
}

/** JSON lines a logger wrote, parsed. */
export class LogCapture extends Writable {
  readonly lines: Array<Record<string, unknown>> = [];
  readonly raw: string[] = [];
  override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      this.raw.push(line);
      this.lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    callback();
  }
}

export interface InProcessServer extends RunningServer {
  readonly logs: LogCapture;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/** startServer in this process with a temp DATA_DIR (SQLite) and a first admin. */
export async function startInProcess(env: Record<string, string> = {}): Promise<InProcessServer> {
  const dataDir = env.DATA_DIR ?? tempDir('server');
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_EMAIL, ADMIN_PASSWORD, LOG_LEVEL: 'info', ...env });
  const logs = new LogCapture();
  const logger = createLogger({ level: config.logLevel, destination: logs });
  const server = await startServer(config, { logger });
  return {
    ...server,
    logs,
    dataDir,
    async stop() {
      await server.close();
      if (env.DATA_DIR === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Client {
  readonly headers: Record<string, string>;
  request(path: string, init?: RequestInit & { readonly json?: unknown }): Promise<Response>;
}

export function client(origin: string, headers: Record<string, string> = {}): Client {
  return {
    headers,
    request(path, init = {}) {
      const { json, ...rest } = init;
      const merged = new Headers({ ...headers });
      new Headers(rest.headers).forEach((value, key) => merged.set(key, value));
      if (json !== undefined) merged.set('content-type', 'application/json');
      return fetch(`${origin}${path}`, { redirect: 'manual', ...rest, headers: merged, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
    },
  };
}

/** Signs in with a password and answers a client carrying the session cookie and CSRF header. */
export async function signIn(origin: string, credentials: { readonly email: string; readonly password: string }): Promise<Client> {
  const response = await client(origin).request('/api/auth/login', { method: 'POST', json: credentials });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return client(origin, { cookie, 'x-csrf-token': csrfToken });
}

/** An API token with the given scopes, created through the API by a signed-in client. */
export async function apiToken(origin: string, owner: Client, scopes: ReadonlyArray<string>): Promise<Client> {
  const response = await owner.request('/api/auth/tokens', { method: 'POST', json: { name: `test ${scopes.join('+')}`, scopes } });
  if (response.status !== 201) throw new Error(`token creation failed: ${response.status} ${await response.text()}`);
  const { token } = (await response.json()) as { token: string };
  return client(origin, { authorization: `Bearer ${token}` });
}

/** Creates a user of a role (as the admin) and signs them in. */
export async function personWithRole(origin: string, admin: Client, role: 'admin' | 'editor' | 'viewer'): Promise<Client> {
  const email = `${role}-${Math.random().toString(36).slice(2)}@example.com`;
  const password = `${role} password for tests`;
  const response = await admin.request('/api/users', { method: 'POST', json: { email, name: role, role, password } });
  if (response.status !== 201) throw new Error(`user creation failed: ${response.status} ${await response.text()}`);
  return signIn(origin, { email, password });
}

// ---------------------------------------------------------------- the server as its own process

/** Bundles the server the way `npm run build` does, into a file of this test run. */
export async function buildServerBundle(name: string): Promise<string> {
  const directory = join(root, 'apps/server/dist/test');
  mkdirSync(directory, { recursive: true });
  const outfile = join(directory, `${name}-${process.pid}.js`);
  await run(process.execPath, [join(root, 'apps/server/build.mjs'), '--outfile', outfile]);
  return outfile;
}

/** Deletes a bundle built by buildServerBundle, with its source map. */
export function removeBundle(bundle: string): void {
  rmSync(bundle, { force: true });
  rmSync(`${bundle}.map`, { force: true });
}

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly output: string[];
  /** Resolves with the exit code (or signal) once the process has ended. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
}

/** Starts `node <bundle>` with this environment and waits for its "ready" log line. */
export async function spawnServer(bundle: string, env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [bundle], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not log that it is ready within 30 s:\n${output.join('')}`));
    }, 30_000);
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      buffer += chunk.toString('utf8');
      const ready = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"agent-generator is ready"/.exec(buffer);
      if (ready?.[1]) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${String(code)}) before it was ready:\n${output.join('')}`));
    });
  });
  return { url, child, output, exited };
}
