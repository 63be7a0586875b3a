// The WAL checkpointer thread against a real SQLite file: pages written by the serving connection
// reach the database file without that connection checkpointing, and stop() ends the thread.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { BACKSTOP_AUTOCHECKPOINT_PAGES, startWalCheckpointer } from './sqlite-wal-checkpointer';

const directory = mkdtempSync(join(tmpdir(), 'ag-wal-checkpointer-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

it('copies committed pages into the database file from its own thread, then stops', async () => {
  const filename = join(directory, 'wal.db');
  const database = new BetterSqlite3(filename);
  database.pragma('journal_mode = WAL');
  database.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT_PAGES}`);
  database.exec('create table notes (id integer primary key, body text)');
  const insert = database.prepare('insert into notes (body) values (?)');
  database.transaction(() => {
    for (let index = 0; index < 400; index += 1) insert.run('x'.repeat(1000));
  })();
  const before = statSync(filename).size;
  expect(statSync(`${filename}-wal`).size).toBeGreaterThan(300_000);

  const errors: string[] = [];
  const checkpointer = startWalCheckpointer({ filename, intervalMs: 20, onError: (message) => errors.push(message) });
  // The checkpoint extends the file page by page: wait for all of it, not the first page.
  for (let waited = 0; statSync(filename).size <= before + 300_000 && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(statSync(filename).size).toBeGreaterThan(before + 300_000);
  await checkpointer.stop();
  expect(errors).toEqual([]);
  expect((database.prepare('select count(*) as count from notes').get() as { count: number }).count).toBe(400);
  database.close();
});

it('runs beside a store that asks for it and stops when the store closes', async () => {
  const { createStore } = await import('./create-store');
  const filename = join(directory, 'store.db');
  const store = await createStore({ databaseUrl: `sqlite:${filename}`, checkpointInBackground: true });
  const owner = await store.users.create({ email: 'wal@example.com', name: 'Wal', role: 'editor' });
  for (let index = 0; index < 50; index += 1) await store.settings.put({ scope: owner.id, value: { note: 'y'.repeat(4000), index } });
  await store.close();
  expect((await createStore({ databaseUrl: `sqlite:${filename}` }).then(async (reopened) => {
    const settings = await reopened.settings.get(owner.id);
    await reopened.close();
    return settings?.value;
  }))?.index).toBe(49);
});
