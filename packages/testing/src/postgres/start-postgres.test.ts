// The throwaway PostgreSQL cluster: serves, creates databases, stops and cleans up.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPostgresBinaries } from './postgres-binaries';
import { startPostgres, type PostgresCluster } from './start-postgres';

function psql(url: string, query: string): string {
  const psqlPath = join(dirname(findPostgresBinaries().initdb), 'psql');
  return execFileSync(psqlPath, ['-X', '-A', '-t', '-d', url, '-c', query], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

describe('startPostgres', () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(async () => {
    await cluster.stop();
  });

  it('serves on 127.0.0.1 at a non-default port', () => {
    expect(cluster.host).toBe('127.0.0.1');
    expect(cluster.port).toBeGreaterThan(0);
    expect(psql(cluster.url(), 'select 40 + 2')).toBe('42');
  });

  it('creates separate databases on demand', async () => {
    const first = await cluster.createDatabase();
    const second = await cluster.createDatabase();
    expect(first).not.toBe(second);
    psql(first, 'create table marker (id int)');
    expect(psql(first, "select count(*) from information_schema.tables where table_name = 'marker'")).toBe('1');
    expect(psql(second, "select count(*) from information_schema.tables where table_name = 'marker'")).toBe('0');
  });

  it('stops the server and removes its files', async () => {
    const other = await startPostgres();
    const dataDirectory = psql(other.url(), 'show data_directory');
    expect(existsSync(dataDirectory)).toBe(true);
    await other.stop();
    expect(existsSync(dataDirectory)).toBe(false);
    expect(() => psql(other.url(), 'select 1')).toThrow();
    await other.stop();
  });
});

describe('a test process killed before it stops its cluster', () => {
  it('leaves no server and no files behind', async () => {
    const outfile = join(repositoryRoot, 'node_modules', '.cache', 'agent-generator-tests', `postgres-orphan-${process.pid}.mjs`);
    await build({
      stdin: { contents: ORPHAN_SOURCE, resolveDir: import.meta.dirname, sourcefile: 'orphan.ts', loader: 'ts' },
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'error',
    });
    const child = spawn(process.execPath, [outfile], { stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
    const dataDirectory = psql(url, 'show data_directory');
    child.kill('SIGKILL');
    rmSync(outfile, { force: true });
    const deadline = Date.now() + 30_000;
    while (existsSync(dataDirectory) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 250));
    expect(existsSync(dataDirectory)).toBe(false);
    expect(() => psql(url, 'select 1')).toThrow();
  });
});

const repositoryRoot = resolve(import.meta.dirname, '../../../..');
const ORPHAN_SOURCE = `
import { startPostgres } from './start-postgres';
const cluster = await startPostgres();
console.log(cluster.url());
setInterval(() => undefined, 1000);
`;
