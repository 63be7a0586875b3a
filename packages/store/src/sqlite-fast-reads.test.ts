// The SQLite fast path's remembered project pages against writes from another process's connection:
// two stores on one file stand for two replicas.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Store } from '@agent-generator/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { createOwner, sampleVersion } from './conformance/conformance-case';
import { createStore } from './create-store';

const directory = mkdtempSync(join(tmpdir(), 'ag-fast-reads-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function twoStores(name: string): Promise<{ readonly file: string; readonly one: Store; readonly two: Store }> {
  const file = join(directory, `${name}.db`);
  return { file, one: await createStore({ databaseUrl: `sqlite:${file}` }), two: await createStore({ databaseUrl: `sqlite:${file}` }) };
}

const names = async (store: Store) => (await store.projects.list({ sort: 'name', order: 'asc' })).items.map((project) => project.name);

describe('remembered project pages on SQLite', () => {
  it('answer the same page while nothing changes, and see every write at once, from this connection or another', async () => {
    const { file, one, two } = await twoStores('replicas');
    const ownerId = await createOwner(one);
    const create = (store: Store, name: string) => store.projects.create({ ownerId, name, slug: name, idea: 'i', version: sampleVersion({ createdBy: ownerId, label: name }) });

    const alpha = await create(one, 'alpha');
    const first = await one.projects.list({ sort: 'name', order: 'asc' });
    expect(await one.projects.list({ sort: 'name', order: 'asc' })).toBe(first);
    expect(Object.isFrozen(first.items[0])).toBe(true);

    await create(two, 'beta');
    expect(await names(one)).toEqual(['alpha', 'beta']);
    await two.projects.update(alpha.project.id, { name: 'aardvark' });
    expect(await names(one)).toEqual(['aardvark', 'beta']);
    await one.projects.delete(alpha.project.id);
    expect(await names(two)).toEqual(['beta']);
    expect(await names(one)).toEqual(['beta']);

    // A writer that is not a store at all (another program on the file) is seen too.
    const raw = new BetterSqlite3(file);
    raw.prepare("update projects set name = 'bravo', name_key = 'bravo'").run();
    raw.close();
    expect(await names(one)).toEqual(['bravo']);
    await Promise.all([one.close(), two.close()]);
  });
});
