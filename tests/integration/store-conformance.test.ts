// Runs the store conformance suite against a real SQLite file and a real PostgreSQL started here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '@agent-generator/contracts';
import { createStore, storeConformanceCases, type StoreConformanceContext } from '@agent-generator/store';
import { startPostgres, type PostgresCluster } from '@agent-generator/testing';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';

interface Harness {
  readonly context: StoreConformanceContext;
  closeAll(): Promise<void>;
}

function harness(newDatabaseUrl: () => Promise<string>): Harness {
  const open: Store[] = [];
  return {
    context: {
      async open(options = {}) {
        const store = await createStore({ databaseUrl: await newDatabaseUrl(), ...options });
        open.push(store);
        return store;
      },
    },
    async closeAll() {
      await Promise.all(open.splice(0).map((store) => store.close()));
    },
  };
}

describe('store conformance on SQLite', () => {
  const directory = mkdtempSync(join(tmpdir(), 'ag-store-sqlite-'));
  let counter = 0;
  const sqlite = harness(async () => `sqlite:${join(directory, `case-${++counter}.db`)}`);
  afterEach(() => sqlite.closeAll());
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  for (const testCase of storeConformanceCases) {
    it(testCase.name, () => testCase.run(sqlite.context));
  }
});

describe('store conformance on PostgreSQL', () => {
  let cluster: PostgresCluster | undefined;
  const postgres = harness(async () => {
    if (!cluster) throw new Error('PostgreSQL did not start');
    return cluster.createDatabase();
  });
  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterEach(() => postgres.closeAll());
  afterAll(async () => {
    await cluster?.stop();
  });

  for (const testCase of storeConformanceCases) {
    it(testCase.name, () => testCase.run(postgres.context));
  }
});
