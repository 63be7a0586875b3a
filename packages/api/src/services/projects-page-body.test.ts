import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, ProjectRecord, Role, Store } from '@agent-generator/contracts';
import { renderProject } from '@agent-generator/renderers';
import { createStore } from '@agent-generator/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newApiToken } from '../auth/secret-token';
import { createApp } from '../create-app';
import { matchesEtag, projectsPageBody } from './projects-page-body';

interface Listing {
  readonly items: ReadonlyArray<{ readonly id: string; readonly name: string; readonly ownerId: string }>;
  readonly total: number;
}

let directory: string;
let store: Store;
let app: ReturnType<typeof createApp>;

beforeEach(async () => {
  directory = mkdtempSync(join(tmpdir(), 'ag-page-body-'));
  store = await createStore({ databaseUrl: `sqlite:${join(directory, 'test.db')}` });
  app = createApp({
    store,
    renderProject,
    system: { version: '9.9.9-test', startedAt: new Date('2025-01-01T00:00:00Z') },
    auth: { sessionSecret: 'a-test-session-secret-of-at-least-32-characters', sessionMaxAgeMs: 3_600_000, publicUrl: 'http://127.0.0.1:8080', loginMaxFailures: 5, oauthProviders: [], oauthSignupRole: 'none' },
  });
});
afterEach(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

let people = 0;
async function caller(role: Role): Promise<{ readonly id: string; readonly headers: Record<string, string> }> {
  people += 1;
  const user = await store.users.create({ email: `person${people}@example.com`, name: `${role} ${people}`, role, passwordHash: null });
  const secret = newApiToken();
  await store.apiTokens.create({ userId: user.id, name: 'test', prefix: secret.prefix, tokenHash: secret.hash, scopes: ['read', 'write'] });
  return { id: user.id, headers: { authorization: `Bearer ${secret.token}` } };
}

function call(path: string, init: { readonly headers: Record<string, string>; readonly method?: string; readonly json?: unknown }): Promise<Response> {
  const headers = { ...init.headers, ...(init.json === undefined ? {} : { 'content-type': 'application/json' }) };
  return Promise.resolve(app.fetch(new Request(`http://127.0.0.1${path}`, { method: init.method ?? 'GET', headers, ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }) })));
}

async function list(headers: Record<string, string>, query = ''): Promise<Listing> {
  const response = await call(`/api/projects${query}`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as Listing;
}

async function createProject(headers: Record<string, string>, name: string): Promise<string> {
  const response = await call('/api/projects', { method: 'POST', headers, json: { idea: 'Research a topic on the web and write a weekly digest', name } });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { project: { id: string } }).project.id;
}

describe('the cached project listing', () => {
  it('shows every write through the API at once: create, rename, delete', async () => {
    const editor = await caller('editor');
    expect((await list(editor.headers)).total).toBe(0);
    const id = await createProject(editor.headers, 'First');
    // Listed twice: the second answer comes from the cache and must be the same.
    expect((await list(editor.headers)).items.map((item) => item.name)).toEqual(['First']);
    expect((await list(editor.headers)).items.map((item) => item.name)).toEqual(['First']);
    expect((await call(`/api/projects/${id}`, { method: 'PATCH', headers: editor.headers, json: { name: 'Renamed' } })).status).toBe(200);
    expect((await list(editor.headers)).items.map((item) => item.name)).toEqual(['Renamed']);
    expect((await call(`/api/projects/${id}`, { method: 'DELETE', headers: editor.headers })).status).toBe(204);
    expect(await list(editor.headers)).toMatchObject({ items: [], total: 0 });
  });

  it('shows a write made by a second Store on the same database file at once', async () => {
    const editor = await caller('editor');
    await createProject(editor.headers, 'Ours');
    expect((await list(editor.headers)).total).toBe(1);
    const other = await createStore({ databaseUrl: `sqlite:${join(directory, 'test.db')}` });
    try {
      const [first] = (await other.projects.list()).items;
      if (first === undefined) throw new Error('the second store sees no project');
      await other.projects.update(first.id, { name: 'Renamed elsewhere' });
      expect((await list(editor.headers)).items.map((item) => item.name)).toEqual(['Renamed elsewhere']);
      await other.projects.delete(first.id);
      expect((await list(editor.headers)).total).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('never answers one person\'s "owner=me" page to another', async () => {
    const ada = await caller('editor');
    const bob = await caller('editor');
    await createProject(ada.headers, 'Ada only');
    expect((await list(ada.headers, '?owner=me')).items.map((item) => item.name)).toEqual(['Ada only']);
    expect(await list(bob.headers, '?owner=me')).toMatchObject({ items: [], total: 0 });
    await createProject(bob.headers, 'Bob only');
    expect((await list(ada.headers, '?owner=me')).items.map((item) => item.ownerId)).toEqual([ada.id]);
    expect((await list(bob.headers, '?owner=me')).items.map((item) => item.ownerId)).toEqual([bob.id]);
    // Everyone who may read sees every project in the unfiltered listing, viewers too.
    const viewer = await caller('viewer');
    expect((await list(viewer.headers)).total).toBe(2);
    expect(await list(viewer.headers, '?owner=me')).toMatchObject({ items: [], total: 0 });
  });

  it('answers 304 to the current ETag and 200 with a new one after a change', async () => {
    const editor = await caller('editor');
    await createProject(editor.headers, 'Tagged');
    const first = await call('/api/projects', { headers: editor.headers });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await call('/api/projects', { headers: { ...editor.headers, 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    await createProject(editor.headers, 'Another');
    const changed = await call('/api/projects', { headers: { ...editor.headers, 'if-none-match': etag ?? '' } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(((await changed.json()) as Listing).total).toBe(2);
  });
});

describe('projectsPageBody', () => {
  const project: ProjectRecord = Object.freeze({
    id: 'p1',
    ownerId: 'u1',
    name: 'A',
    slug: 'a',
    framework: 'crewai',
    pattern: 'sequential',
    idea: 'An idea',
    latestVersion: 1,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  }) as ProjectRecord;

  it('serializes a frozen page once and a mutable one every time', () => {
    const frozen: Page<ProjectRecord> = Object.freeze({ items: Object.freeze([project]), total: 1, limit: 50, offset: 0 });
    expect(projectsPageBody(frozen)).toBe(projectsPageBody(frozen));
    expect(JSON.parse(Buffer.from(projectsPageBody(frozen).json).toString('utf8'))).toEqual({ items: [project], total: 1, limit: 50, offset: 0 });
    const mutable = { items: [project], total: 1, limit: 50, offset: 0 };
    const before = projectsPageBody(mutable);
    mutable.items = [];
    const after = projectsPageBody(mutable);
    expect(after).not.toBe(before);
    expect(after.etag).not.toBe(before.etag);
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    expect(matchesEtag(undefined, '"a"')).toBe(false);
    expect(matchesEtag('"b", "a"', '"a"')).toBe(true);
    expect(matchesEtag('W/"a"', '"a"')).toBe(true);
    expect(matchesEtag('*', '"a"')).toBe(true);
    expect(matchesEtag('"b"', '"a"')).toBe(false);
  });
});
