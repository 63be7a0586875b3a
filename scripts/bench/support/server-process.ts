// The production server bundle as a child process for benchmarks: build, start on a free port with
// SQLite in a temp dir, sign in the admin for an API token, read its RSS and CPU time, stop it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BENCH_ADMIN = { email: 'bench@example.com', password: 'a benchmark admin password' };

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly url: string;
  readonly dataDir: string;
}

/** Bundles apps/server into `outDir` (inside the repository, so external modules resolve). */
export function buildServerBundle(options: { readonly root: string; readonly outDir: string }): string {
  const bundle = join(options.root, options.outDir, 'server.js');
  execFileSync(process.execPath, [join(options.root, 'apps/server/build.mjs'), '--outfile', bundle]);
  return bundle;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function startServerProcess(options: { readonly bundle: string; readonly env: Readonly<Record<string, string>>; readonly nodeArgs?: ReadonlyArray<string> }): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ag-bench-chat-'));
  const port = await freePort();
  const env = { PATH: process.env.PATH ?? '', HOME: dataDir, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_EMAIL: BENCH_ADMIN.email, ADMIN_PASSWORD: BENCH_ADMIN.password, ...options.env };
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.bundle], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it was ready`);
    const ready = await fetch(`${url}/readyz`).then((response) => response.ok, () => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { child, pid: child.pid ?? 0, url, dataDir };
}

export async function stopServerProcess(server: ServerProcess): Promise<void> {
  if (server.child.exitCode === null) {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
  }
  rmSync(server.dataDir, { recursive: true, force: true });
}

export function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** utime + stime of a process in seconds (Linux clock ticks are 1/100 s). */
/** A process's user and system (kernel: sockets, file writes) CPU seconds so far, from /proc. */
export function cpuSplit(pid: number): { readonly user: number; readonly system: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
}

/** Signs in the bootstrap admin and creates an API token with read, write and admin scopes. */
export async function adminToken(url: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BENCH_ADMIN) });
  const cookie = login.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const created = await fetch(`${url}/api/auth/tokens`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'chat-bench', scopes: ['read', 'write', 'admin'] }),
  });
  if (!created.ok) throw new Error(`creating the API token failed: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
}
