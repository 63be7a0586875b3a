// Server benchmark (`npm run bench server`): cold start to ready, then autocannon on loopback at
// 100 connections against GET /api/projects (50 projects) and POST /api/plan, with idle and loaded
// memory. The server runs as its own process from the production bundle; nothing here fails on time.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { median, printTable } from './stats';

// The bench runs bundled from a temp dir, so paths are taken from the repository root it is started in.
const ROOT = process.cwd();
const ADMIN = { email: 'bench@example.com', password: 'a benchmark admin password' };
const CONNECTIONS = 100;
const DURATION_SECONDS = 10;
const COLD_STARTS = 5;

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  readonly readyMs: number;
  readonly dataDir: string;
}

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

// utime + stime of a process in seconds (Linux clock ticks are 1/100 s).
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function start(bundle: string): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ag-bench-'));
  const port = await freePort();
  const began = performance.now();
  const child = spawn(process.execPath, [bundle], {
    env: { PATH: process.env.PATH ?? '', HOME: dataDir, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it was ready`);
    const ready = await fetch(`${url}/readyz`).then((response) => response.ok, () => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { child, url, readyMs: performance.now() - began, dataDir };
}

async function stop(server: Started): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
  rmSync(server.dataDir, { recursive: true, force: true });
}

async function adminToken(url: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const cookie = login.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const created = await fetch(`${url}/api/auth/tokens`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'bench', scopes: ['read', 'write'] }) });
  return ((await created.json()) as { token: string }).token;
}

async function load(options: { url: string; method: 'GET' | 'POST'; headers: Record<string, string>; body?: string; pid: number }) {
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMegabytes(options.pid))), 200);
  const cpuBefore = cpuSeconds(options.pid);
  const result = await autocannon({ url: options.url, method: options.method, headers: options.headers, ...(options.body ? { body: options.body } : {}), connections: CONNECTIONS, duration: DURATION_SECONDS });
  clearInterval(sampler);
  // CPU the server spent per answer: unlike req/s, this barely depends on what else the machine runs.
  const cpuMsPerRequest = ((cpuSeconds(options.pid) - cpuBefore) * 1000) / Math.max(1, result.requests.total);
  return { result, peakRss, cpuMsPerRequest };
}

export default async function serverBench(): Promise<void> {
  const bundle = join(ROOT, 'apps/server/dist/bench/server.js');
  execFileSync(process.execPath, [join(ROOT, 'apps/server/build.mjs'), '--outfile', bundle]);

  const coldStarts: number[] = [];
  for (let run = 0; run < COLD_STARTS; run += 1) {
    const server = await start(bundle);
    coldStarts.push(server.readyMs);
    await stop(server);
  }

  const server = await start(bundle);
  const pid = server.child.pid ?? 0;
  const token = await adminToken(server.url);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  for (let index = 0; index < 50; index += 1) {
    const response = await fetch(`${server.url}/api/projects`, { method: 'POST', headers, body: JSON.stringify({ idea: `Research topic ${index} on the web and write a weekly digest`, name: `Bench ${index}` }) });
    if (response.status !== 201) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idleRss = rssMegabytes(pid);

  const list = await load({ url: `${server.url}/api/projects`, method: 'GET', headers, pid });
  const plan = await load({ url: `${server.url}/api/plan`, method: 'POST', headers, body: JSON.stringify({ idea: 'Triage support emails, look up answers in our docs and draft replies', selection: { framework: 'langgraph' } }), pid });
  await stop(server);
  rmSync(join(ROOT, 'apps/server/dist/bench'), { recursive: true, force: true });

  const row = (name: string, run: Awaited<ReturnType<typeof load>>, target: string) => ({
    benchmark: name,
    'req/s': run.result.requests.average,
    'p50 ms': run.result.latency.p50,
    'p99 ms': run.result.latency.p99,
    'non-2xx': run.result.non2xx,
    errors: run.result.errors,
    'peak RSS MB': run.peakRss,
    'server CPU ms/req': run.cpuMsPerRequest,
    'req/s per idle core': 1000 / run.cpuMsPerRequest,
    target,
  });
  console.log(`cold start to ready (median of ${COLD_STARTS}): ${median(coldStarts).toFixed(0)} ms (target < 1500 ms); runs: ${coldStarts.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  console.log(`idle RSS after seeding 50 projects: ${idleRss.toFixed(1)} MB (target < 150 MB)\n`);
  printTable([
    row('GET /api/projects (50 projects)', list, '≥ 3000 req/s, p99 < 30 ms'),
    row('POST /api/plan', plan, '—'),
  ]);
  console.log(`\n${CONNECTIONS} connections, ${DURATION_SECONDS} s each, autocannon on loopback, SQLite in a temp dir, token auth.`);
  console.log(`load average during the run: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (req/s and latency need an otherwise idle machine; "req/s per idle core" is 1000 / server CPU ms per request).`);
}
