// Finds the PostgreSQL server binaries (initdb, pg_ctl, createdb) and the user to run them as.
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

export interface PostgresBinaries {
  readonly initdb: string;
  readonly pgCtl: string;
  readonly createdb: string;
}

// Debian installs the server outside PATH, one folder per major version.
const DEBIAN_ROOT = '/usr/lib/postgresql';

function binDirFromPath(): string | undefined {
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(directory, 'initdb');
    if (directory !== '' && existsSync(candidate)) return dirname(realpathSync(candidate));
  }
  return undefined;
}

function binDirFromDebian(): string | undefined {
  if (!existsSync(DEBIAN_ROOT)) return undefined;
  const versions = readdirSync(DEBIAN_ROOT)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(DEBIAN_ROOT, name, 'bin', 'initdb')))
    .sort((left, right) => Number(right) - Number(left));
  return versions[0] === undefined ? undefined : join(DEBIAN_ROOT, versions[0], 'bin');
}

/** `AGENT_GENERATOR_PG_BIN`, else the folder of `initdb` on PATH, else the newest Debian install. */
export function findPostgresBinaries(): PostgresBinaries {
  const directory = process.env.AGENT_GENERATOR_PG_BIN ?? binDirFromPath() ?? binDirFromDebian();
  if (directory === undefined) {
    throw new Error('PostgreSQL server binaries not found: install the Debian package "postgresql" or set AGENT_GENERATOR_PG_BIN');
  }
  const binaries = { initdb: join(directory, 'initdb'), pgCtl: join(directory, 'pg_ctl'), createdb: join(directory, 'createdb') };
  for (const path of Object.values(binaries)) {
    if (!existsSync(path)) throw new Error(`PostgreSQL binary missing: ${path}`);
  }
  return binaries;
}

export interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

/** PostgreSQL refuses to run as root, so as root we run it as the `postgres` (or `nobody`) account. */
export function unprivilegedAccount(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const accounts = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .filter((fields) => fields.length >= 4);
  for (const name of ['postgres', 'nobody']) {
    const fields = accounts.find((entry) => entry[0] === name);
    if (fields !== undefined) return { uid: Number(fields[2]), gid: Number(fields[3]) };
  }
  throw new Error('running as root and no "postgres" or "nobody" account exists to run PostgreSQL as');
}
