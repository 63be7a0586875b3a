// Concurrency of the store: many writers on one SQLite file, and several processes migrating one database at once.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { ProjectId, UserId } from '@agent-generator/contracts';
import { planProject } from '@agent-generator/core';
import { createStore } from '@agent-generator/store';
import { startPostgres, type PostgresCluster } from '@agent-generator/testing';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repositoryRoot = resolve(import.meta.dirname, '../..');

// A child process that opens a store (running migrations) at an agreed instant, then optionally writes.
const WORKER_SOURCE = `
import { createStore } from '@agent-generator/store';
import { planProject } from '@agent-generator/core';
const [databaseUrl, startAt, writes, label] = process.argv.slice(2);
await new Promise((done) => setTimeout(done, Math.max(0, Number(startAt) - Date.now())));
const store = await createStore({ databaseUrl });
const owner = await store.users.create({ email: label + '@example.com', name: label, role: 'editor' });
const { spec } = planProject('Summarise support tickets every morning and post a digest');
await Promise.all(Array.from({ length: Number(writes) }, (_, index) => store.transaction(async (tx) => {
  // Reading before writing is what makes a deferred SQLite transaction fail under a concurrent writer.
  await tx.projects.list({ limit: 1 });
  const { project } = await tx.projects.create({ ownerId: owner.id, name: label + '-' + index, slug: 'p', idea: 'i', version: { spec, rendererVersion: 't', diagnostics: [], files: [{ path: 'README.md', content: label + index }], createdBy: owner.id } });
  await tx.audit.append({ actorId: owner.id, action: 'project-create', targetType: 'project', targetId: project.id });
})));
console.log(JSON.stringify({ migrations: await store.appliedMigrations() }));
await store.close();
`;

/** Every process reports the same applied migrations, each once, starting with the ones this suite knows. */
function expectMigratedOnce(migrations: ReadonlyArray<ReadonlyArray<string>>): ReadonlyArray<string> {
  const [first = []] = migrations;
  for (const list of migrations) expect(list).toEqual(first);
  expect(new Set(first).size).toBe(first.length);
  expect(first.slice(0, 2)).toEqual(['0001-initial', '0002-rate-limits']);
  return first;
}

async function bundleWorker(): Promise<string> {
  // Inside node_modules so the bundle resolves the native drivers it leaves external.
  const directory = join(repositoryRoot, 'node_modules', '.cache', 'agent-generator-tests');
  mkdirSync(directory, { recursive: true });
  const outfile = join(directory, `store-worker-${process.pid}.mjs`);
  await build({
    stdin: { contents: WORKER_SOURCE, resolveDir: repositoryRoot, sourcefile: 'store-worker.ts', loader: 'ts' },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'pg'],
    logLevel: 'error',
  });
  return outfile;
}

/** Starts `count` processes that all open the database at the same instant, each writing `writes` projects. */
async function racingProcesses(options: { readonly worker: string; readonly databaseUrl: string; readonly count: number; readonly writes: number }): Promise<string[][]> {
  const startAt = Date.now() + 1500;
  const results = await Promise.all(
    Array.from({ length: options.count }, (_, index) =>
      run(process.execPath, [options.worker, options.databaseUrl, String(startAt), String(options.writes), `worker${index}`], { timeout: 120_000 }),
    ),
  );
  return results.map((result) => (JSON.parse(result.stdout) as { migrations: string[] }).migrations);
}

async function countRows(databaseUrl: string): Promise<{ readonly projects: number; readonly audit: number; readonly users: number; readonly migrations: ReadonlyArray<string> }> {
  const store = await createStore({ databaseUrl });
  try {
    const [projects, audit, users, migrations] = await Promise.all([store.projects.list({ limit: 1 }), store.audit.list({ limit: 1 }), store.users.count(), store.appliedMigrations()]);
    return { projects: projects.total, audit: audit.total, users, migrations };
  } finally {
    await store.close();
  }
}

describe('store concurrency', () => {
  const directory = mkdtempSync(join(tmpdir(), 'ag-store-concurrency-'));
  let worker: string;
  let cluster: PostgresCluster | undefined;

  beforeAll(async () => {
    [worker, cluster] = await Promise.all([bundleWorker(), startPostgres()]);
  });
  afterAll(async () => {
    await cluster?.stop();
    rmSync(directory, { recursive: true, force: true });
    if (worker) rmSync(worker, { force: true });
  });

  it('200 concurrent project creations, each with an audit row, on one SQLite file: no errors, every row present', async () => {
    const databaseUrl = `sqlite:${join(directory, 'two-hundred.db')}`;
    const store = await createStore({ databaseUrl });
    const owner = await store.users.create({ email: 'owner@example.com', name: 'Owner', role: 'editor' });
    const { spec } = planProject('Research a topic on the web and write a short report about it');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, (_, index) =>
        store.transaction(async (tx) => {
          const files = [{ path: 'README.md', content: `# project ${index}\n` }, { path: 'shared.txt', content: 'same for all\n' }];
          const { project } = await tx.projects.create({ ownerId: owner.id as UserId, name: `Project ${index}`, slug: 'p', idea: 'i', version: { spec, rendererVersion: 't', diagnostics: [], files, createdBy: owner.id } });
          await tx.audit.append({ actorId: owner.id, action: 'project-create', targetType: 'project', targetId: project.id });
          return project.id;
        }),
      ),
    );
    const failures = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(failures).toEqual([]);
    const ids = new Set(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : '')));
    expect(ids.size).toBe(200);
    expect((await store.projects.list({ limit: 1 })).total).toBe(200);
    const audit = await store.audit.list({ action: 'project-create', limit: 500 });
    expect(audit.total).toBe(200);
    expect(new Set(audit.items.map((entry) => entry.targetId))).toEqual(ids);
    expect(await store.projects.readFile({ projectId: [...ids][123] as ProjectId, version: 1, path: 'shared.txt' })).toBe('same for all\n');
    await store.close();
  });

  it('four processes migrating and writing one new SQLite file at once: migrations applied once, no "database is locked"', async () => {
    const databaseUrl = `sqlite:${join(directory, 'racing.db')}`;
    const migrations = await racingProcesses({ worker, databaseUrl, count: 4, writes: 25 });
    expect(migrations).toHaveLength(4);
    expect(await countRows(databaseUrl)).toEqual({ projects: 100, audit: 100, users: 4, migrations: expectMigratedOnce(migrations) });
  });

  it('four processes migrating and writing one new PostgreSQL database at once: migrations applied once', async () => {
    if (!cluster) throw new Error('PostgreSQL did not start');
    const databaseUrl = await cluster.createDatabase();
    const migrations = await racingProcesses({ worker, databaseUrl, count: 4, writes: 25 });
    expect(migrations).toHaveLength(4);
    expect(await countRows(databaseUrl)).toEqual({ projects: 100, audit: 100, users: 4, migrations: expectMigratedOnce(migrations) });
  });

  it('two stores in one process on one PostgreSQL database share data', async () => {
    if (!cluster) throw new Error('PostgreSQL did not start');
    const databaseUrl = await cluster.createDatabase();
    const [first, second] = await Promise.all([createStore({ databaseUrl }), createStore({ databaseUrl })]);
    const user = await first.users.create({ email: 'shared@example.com', name: 'Shared', role: 'viewer' });
    expect((await second.users.findByEmail('SHARED@example.com'))?.id).toBe(user.id);
    await Promise.all([first.close(), second.close()]);
  });
});
