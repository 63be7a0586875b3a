// A private Docker engine for tests and benchmarks: one dockerd per cache root with its own data
// root and socket and no default bridge, shared by every process of a run through lease files and
// stopped when the last lease is released (scripts/ci/stop-docker-engine.sh stops a leftover one).
import { execFile, spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cacheRoot } from './python-venv';

export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
}

export interface DockerCommandOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

export interface DockerEngine {
  /** The DOCKER_HOST of this engine, `unix://…/docker.sock`. */
  readonly host: string;
  /** The docker client binary and the environment that points it at this engine, for streaming use. */
  readonly client: string;
  readonly env: Readonly<Record<string, string>>;
  /** Runs the docker client (BuildKit on) against this engine; rejects with stderr on a non-zero exit. */
  docker(args: ReadonlyArray<string>, options?: DockerCommandOptions): Promise<CommandResult>;
  /** Gives up this lease; the engine stops when no live process holds one. */
  release(): Promise<void>;
}

// Debian's 20.10 client has BuildKit built in; the newer /usr/local/bin/docker needs a buildx
// plugin for BuildKit, which is not installed here.
const CLIENT = process.env.AG_DOCKER_CLIENT ?? (existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker');
const DAEMON = process.env.AG_DOCKERD ?? '/usr/sbin/dockerd';

function stateDir(): string {
  return join(cacheRoot(), 'docker');
}

// Unix socket paths are limited to 108 bytes, and containerd nests its sockets under the exec root.
function runDir(): string {
  const preferred = join(stateDir(), 'run');
  return preferred.length <= 48 ? preferred : join(tmpdir(), `ag-docker-${createHash('sha256').update(stateDir()).digest('hex').slice(0, 12)}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `action` while holding a lock directory under the cache root; a dead holder's lock is taken over. */
export async function withCacheLock<T>(name: string, action: () => Promise<T>): Promise<T> {
  const lock = join(cacheRoot(), 'locks', `${name}.lock`);
  mkdirSync(join(cacheRoot(), 'locks'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'owner'), String(process.pid));
      break;
    } catch {
      const owner = readPid(join(lock, 'owner'));
      const orphaned = owner === undefined ? Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0) > 30_000 : !isAlive(owner);
      if (orphaned) rmSync(lock, { recursive: true, force: true });
      else await sleep(250);
    }
  }
  try {
    return await action();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function ping(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = request({ socketPath, path: '/_ping', timeout: 2_000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    probe.on('timeout', () => probe.destroy());
    probe.on('error', () => resolve(false));
    probe.end();
  });
}

function logTail(): string {
  const text = existsSync(join(stateDir(), 'dockerd.log')) ? readFileSync(join(stateDir(), 'dockerd.log'), 'utf8') : '';
  return text.split('\n').slice(-15).join('\n');
}

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(200);
  }
  return false;
}

/** True only for the dockerd we started on this data root: a stale pid file may name another process. */
function isOurDaemon(pid: number | undefined): pid is number {
  if (pid === undefined || !isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(`--data-root=${join(stateDir(), 'data')}`);
  } catch {
    return false;
  }
}

function startDaemon(socketPath: string): void {
  if (!existsSync(DAEMON)) throw new Error('dockerd is missing: run `bash scripts/ci/install-docker.sh` first, or set AG_SKIP_DOCKER=1 to skip the container tests');
  const state = stateDir();
  mkdirSync(join(state, 'data'), { recursive: true });
  mkdirSync(runDir(), { recursive: true });
  // Our own config file, so /etc/docker/daemon.json never applies; old build cache is collected.
  writeFileSync(join(state, 'daemon.json'), `${JSON.stringify({ builder: { gc: { enabled: true, defaultKeepStorage: '20GB' } } }, null, 2)}\n`);
  const log = openSync(join(state, 'dockerd.log'), 'w'); // this run's log only
  const daemon = spawn(
    DAEMON,
    [
      `--config-file=${join(state, 'daemon.json')}`,
      `--data-root=${join(state, 'data')}`,
      `--exec-root=${join(runDir(), 'exec')}`,
      `--pidfile=${join(state, 'dockerd.pid')}`,
      `--host=unix://${socketPath}`,
      // Never the default bridge (172.17.0.0/16): builds and containers use host or none.
      '--bridge=none',
      '--iptables=false',
      '--ip6tables=false',
      '--ip-masq=false',
      '--userland-proxy=false',
    ],
    { detached: true, stdio: ['ignore', log, log] },
  );
  daemon.on('error', () => undefined); // a failed start shows up as no answer on the socket, with the log
  daemon.unref();
  closeSync(log);
}

async function stopDaemon(): Promise<void> {
  const pid = readPid(join(stateDir(), 'dockerd.pid'));
  if (!isOurDaemon(pid)) return;
  process.kill(pid, 'SIGTERM');
  if (!(await waitFor(() => !isAlive(pid), 60_000))) throw new Error(`dockerd (pid ${pid}) did not stop within 60 s`);
}

function liveLeases(): string[] {
  const leases = join(stateDir(), 'leases');
  mkdirSync(leases, { recursive: true });
  return readdirSync(leases).filter((lease) => {
    const alive = isAlive(Number.parseInt(lease, 10));
    if (!alive) rmSync(join(leases, lease), { force: true });
    return alive;
  });
}

function clientEnv(host: string): Record<string, string> {
  const inherited = Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return { ...Object.fromEntries(inherited), DOCKER_HOST: host, DOCKER_BUILDKIT: '1' };
}

function runClient(host: string, args: ReadonlyArray<string>, options: DockerCommandOptions = {}): Promise<CommandResult> {
  const env = { ...clientEnv(host), ...options.env };
  return new Promise((resolve, reject) => {
    execFile(CLIENT, args, { env, maxBuffer: 256 * 1024 * 1024, timeout: options.timeoutMs ?? 10 * 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`docker ${args.slice(0, 2).join(' ')} failed (${error.message.split('\n')[0] ?? ''}):\n${stderr.slice(-4_000)}`));
      else resolve({ stdout, stderr });
    });
  });
}

/** Starts the private engine (or joins the one already running) and takes a lease on it. */
export async function acquireDockerEngine(): Promise<DockerEngine> {
  const socketPath = join(runDir(), 'docker.sock');
  const host = `unix://${socketPath}`;
  const lease = join(stateDir(), 'leases', `${process.pid}-${randomUUID()}`);
  await withCacheLock('docker-engine', async () => {
    liveLeases();
    if (!(await ping(socketPath))) {
      if (!isOurDaemon(readPid(join(stateDir(), 'dockerd.pid')))) startDaemon(socketPath);
      if (!(await waitFor(() => ping(socketPath), 90_000))) throw new Error(`dockerd did not answer on ${socketPath}; its log ends with:\n${logTail()}`);
    }
    writeFileSync(lease, `${process.pid}\n`);
  });
  let released = false;
  return {
    host,
    client: CLIENT,
    env: clientEnv(host),
    docker: (args, options) => runClient(host, args, options),
    async release() {
      if (released) return;
      released = true;
      await withCacheLock('docker-engine', async () => {
        rmSync(lease, { force: true });
        if (liveLeases().length === 0) await stopDaemon();
      });
    },
  };
}

export interface ImageBuild {
  /** The build context: a generated project's directory. */
  readonly context: string;
  readonly tag: string;
  /** Passed as --build-arg BASE_IMAGE. */
  readonly baseImage: string;
}

/** Builds a generated project's Dockerfile with BuildKit on the host network (pip reaches PyPI). */
export async function buildImage(engine: DockerEngine, build: ImageBuild): Promise<CommandResult> {
  return engine.docker(['build', '--network', 'host', '--progress', 'plain', '--build-arg', `BASE_IMAGE=${build.baseImage}`, '--tag', build.tag, build.context], { timeoutMs: 45 * 60_000 });
}
