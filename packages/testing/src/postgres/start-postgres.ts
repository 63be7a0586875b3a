// Starts a throwaway PostgreSQL cluster for tests: its own temp dir, 127.0.0.1, a free port.
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgresBinaries, unprivilegedAccount, type RunAs } from './postgres-binaries';

export interface PostgresCluster {
  readonly host: string;
  readonly port: number;
  /** The superuser; authentication is `trust` on loopback. */
  readonly user: string;
  /** Connection URL of a database (default `postgres`). */
  url(database?: string): string;
  /** Creates a database (a unique name when none is given) and answers its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Stops the server and deletes its files. Safe to call twice. */
  stop(): Promise<void>;
}

const USER = 'postgres';
const HOST = '127.0.0.1';

function run(command: string, args: ReadonlyArray<string>, account: RunAs | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const options = { env: { ...process.env, LC_ALL: 'C', PGUSER: USER }, ...(account ?? {}) };
    execFile(command, args, options, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

let databaseCounter = 0;

/** initdb into a temp dir, then pg_ctl start on 127.0.0.1 with a free port (retried if taken meanwhile). */
export async function startPostgres(): Promise<PostgresCluster> {
  const binaries = findPostgresBinaries();
  const account = unprivilegedAccount();
  const root = mkdtempSync(join(tmpdir(), 'ag-postgres-'));
  if (account) chownSync(root, account.uid, account.gid);
  const dataDir = join(root, 'data');
  const removeFiles = (): void => rmSync(root, { recursive: true, force: true });
  try {
    await run(binaries.initdb, ['-D', dataDir, '-U', USER, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'], account);
  } catch (error) {
    removeFiles();
    throw error;
  }
  const port = await startServer({ pgCtl: binaries.pgCtl, dataDir, root, account });
  const watchdog = startWatchdog({ pgCtl: binaries.pgCtl, dataDir, root, account });
  let stopped = false;
  const stopNow = (): void => {
    if (stopped) return;
    stopped = true;
    watchdog.kill();
    spawnSync(binaries.pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w'], { stdio: 'ignore', ...(account ?? {}) });
    removeFiles();
  };
  // A test run that dies before stop() must not leave a server behind.
  process.once('exit', stopNow);
  const url = (database = 'postgres'): string => `postgres://${USER}@${HOST}:${port}/${database}`;
  return {
    host: HOST,
    port,
    user: USER,
    url,
    async createDatabase(name) {
      databaseCounter += 1;
      const database = name ?? `test_${process.pid}_${databaseCounter}`;
      await run(binaries.createdb, ['-h', HOST, '-p', String(port), '-U', USER, database], account);
      return url(database);
    },
    async stop() {
      process.removeListener('exit', stopNow);
      stopNow();
    },
  };
}

interface ServerOptions {
  readonly pgCtl: string;
  readonly dataDir: string;
  readonly root: string;
  readonly account: RunAs | undefined;
}

// pg_ctl detaches the server, so a test process killed before stop() would leave it running.
// This shell outlives us for exactly that case: when our pid disappears it stops the server.
const WATCHDOG = `while [ -d "/proc/$WATCHED_PID" ]; do sleep 1; done
"$PG_CTL" stop -D "$PG_DATA" -m immediate -w >/dev/null 2>&1
rm -rf "$PG_ROOT"`;

function startWatchdog(options: ServerOptions): ChildProcess {
  const env = { ...process.env, WATCHED_PID: String(process.pid), PG_CTL: options.pgCtl, PG_DATA: options.dataDir, PG_ROOT: options.root };
  const child = spawn('sh', ['-c', WATCHDOG], { detached: true, stdio: 'ignore', env, ...(options.account ?? {}) });
  child.unref();
  return child;
}

async function startServer(options: ServerOptions): Promise<number> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const port = await freePort();
    // fsync off: test data need not survive a power cut, and it keeps the suite fast.
    const settings = `-h ${HOST} -p ${port} -k ${options.root} -c fsync=off -c full_page_writes=off -c max_connections=200`;
    try {
      await run(options.pgCtl, ['start', '-D', options.dataDir, '-w', '-t', '60', '-l', join(options.root, 'server.log'), '-o', settings], options.account);
      return port;
    } catch (error) {
      lastError = error;
    }
  }
  rmSync(options.root, { recursive: true, force: true });
  throw lastError;
}
