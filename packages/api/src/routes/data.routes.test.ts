import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../test-app';
import { useRouteTestApp } from '../test-support/route-test-app';
import { folderNames } from './data.routes';

const { harness, callers: { editor, viewer } } = useRouteTestApp({ callers: { editor: { role: 'editor' }, viewer: { role: 'viewer', scopes: ['read'] } } });

interface Created {
  project: { id: string; slug: string };
  version: { files: Array<{ path: string; bytes: number }> };
}

async function create(body: object): Promise<Created> {
  const response = await harness.request('/api/projects', { method: 'POST', headers: editor.headers, json: body });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as Created;
}

const usage = async (caller: Caller = viewer) => (await (await harness.request('/api/data/usage', { headers: caller.headers })).json()) as Record<string, number | string>;

describe('storage usage', () => {
  it('counts what the store holds and sizes the files and the database', async () => {
    const before = await usage();
    expect(before).toMatchObject({ databaseKind: 'sqlite', projects: 0, versions: 0, files: 0, fileBytes: 0, storedFileBytes: 0 });
    expect(before.databaseBytes).toBeGreaterThan(0);

    const first = await create({ idea: 'Research a topic on the web and write a weekly digest', selection: { framework: 'crewai' } });
    await create({ idea: 'Triage GitHub issues for a repository', selection: { framework: 'langgraph' } });
    const next = await harness.request(`/api/projects/${first.project.id}/versions`, { method: 'POST', headers: editor.headers, json: { selection: { framework: 'langgraph' } } });
    expect(next.status).toBe(201);

    const after = await usage();
    const stored = await harness.store.usage();
    expect(after).toEqual({ databaseKind: 'sqlite', ...stored });
    expect(after).toMatchObject({ projects: 2, versions: 3 });
    const firstBytes = first.version.files.reduce((sum, file) => sum + file.bytes, 0);
    expect(after.fileBytes).toBeGreaterThan(firstBytes);
    expect(after.storedFileBytes).toBeLessThanOrEqual(after.fileBytes as number);
    expect(after.auditEntries).toBe((await harness.store.audit.list()).total);
    expect(after.databaseBytes).toBeGreaterThan(before.databaseBytes as number);
  });

  it('answers 401 without a credential', async () => {
    const response = await harness.request('/api/data/usage');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });
});

describe('exporting every project', () => {
  it('streams a zip with the latest version of each project in a folder per slug, and audits it', async () => {
    const one = await create({ idea: 'Research a topic on the web and write a weekly digest', selection: { framework: 'crewai' }, name: 'Same name' });
    const two = await create({ idea: 'Answer support emails using our docs', selection: { framework: 'langgraph' }, name: 'Same name' });
    expect(one.project.slug).toBe(two.project.slug);
    const next = await harness.request(`/api/projects/${one.project.id}/versions`, { method: 'POST', headers: editor.headers, json: { selection: { framework: 'langgraph' } } });
    const latest = (await next.json()) as { files: Array<{ path: string }> };

    const response = await harness.request('/api/projects/export', { headers: viewer.headers });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="agent-generator-projects-\d{4}-\d{2}-\d{2}\.zip"$/);
    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const folders = [...new Set(Object.keys(entries).map((name) => name.split('/')[0]))].sort();
    expect(folders).toEqual(['same-name', 'same-name-2']);
    const expected = [...latest.files.map((file) => file.path), ...two.version.files.map((file) => file.path)].length;
    expect(Object.keys(entries)).toHaveLength(expected);
    // Version 2 of the first project is LangGraph: version 1's CrewAI crew file is not exported.
    expect(one.version.files.some((file) => file.path.endsWith('crew.py'))).toBe(true);
    expect(Object.keys(entries).some((name) => name.endsWith('crew.py'))).toBe(false);

    const audit = await harness.store.audit.list({ action: 'projects-export' });
    expect(audit.items[0]).toMatchObject({ actorId: viewer.user.id, details: { projects: 2 } });
  });

  it('answers an empty but valid zip when there are no projects, and 401 without a credential', async () => {
    const response = await harness.request('/api/projects/export', { headers: viewer.headers });
    expect(response.status).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(await response.arrayBuffer())))).toEqual([]);
    expect((await harness.request('/api/projects/export')).status).toBe(401);
  });

  it('gives every project its own folder even when slugs collide with suffixed ones', () => {
    expect(folderNames([{ slug: 'a' }, { slug: 'a' }, { slug: 'a-2' }, { slug: 'a' }])).toEqual(['a', 'a-2', 'a-2-2', 'a-3']);
  });
});
