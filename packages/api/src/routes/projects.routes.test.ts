import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../test-app';
import { useRouteTestApp } from '../test-support/route-test-app';

const { harness, callers: { editor } } = useRouteTestApp({ callers: { editor: { role: 'editor' } } });

interface Created {
  project: { id: string; name: string; slug: string; framework: string; latestVersion: number };
  version: { version: number; spec: Record<string, unknown> & { slug: string; framework: string }; files: Array<{ path: string; bytes: number; sha256: string }>; diagnostics: Array<{ severity: string }> };
  hints: unknown[];
}

async function create(body: object, caller: Caller = editor): Promise<Response> {
  return harness.request('/api/projects', { method: 'POST', headers: caller.headers, json: body });
}

async function created(body: object): Promise<Created> {
  const response = await create(body);
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as Created;
}

describe('creating projects', () => {
  it('plans from an idea, renders, stores version 1 with a manifest, and audits it', async () => {
    const result = await created({ idea: 'Research a topic on the web and write a weekly digest', selection: { framework: 'crewai' } });
    expect(result.project).toMatchObject({ framework: 'crewai', latestVersion: 1 });
    expect(result.version.version).toBe(1);
    expect(result.version.files.length).toBeGreaterThan(5);
    expect(result.version.files.map((file) => file.path)).toContain('pyproject.toml');
    expect(result.hints.length).toBeGreaterThan(0);
    const audit = await harness.store.audit.list({ action: 'project-create' });
    expect(audit.items[0]).toMatchObject({ targetId: result.project.id, actorId: editor.user.id });
  });

  it('generates from a spec, migrating an old one', async () => {
    const { version } = await created({ idea: 'Answer support emails using our docs', selection: { framework: 'langgraph' } });
    const again = await created({ spec: version.spec, name: 'Support bot copy' });
    expect(again.project.name).toBe('Support bot copy');
    expect(again.version.spec.framework).toBe('langgraph');
    // Version 0 (the predecessor's shape): no version field, snake_case task keys.
    const tasks = (version.spec.tasks as Array<Record<string, unknown>>).map(({ expectedOutput, ...task }) => ({ ...task, expected_output: expectedOutput }));
    const legacy = await created({ spec: { ...version.spec, version: undefined, tasks } });
    expect(legacy.version.spec.version).toBe(1);
    expect((legacy.version.spec.tasks as Array<{ expectedOutput: string }>)[0]?.expectedOutput).toBe(tasks[0]?.expected_output);
  });

  it('refuses an incompatible selection with 422 and the diagnostics that explain it', async () => {
    const response = await create({ idea: 'Plan a trip', selection: { framework: 'watsonx-orchestrate', hyperscaler: 'aws', pattern: 'group-chat' } });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { code: string; details: { diagnostics: Array<{ severity: string; alternatives: unknown[] }> } } };
    expect(body.error.code).toBe('incompatible_selection');
    const errors = body.error.details.diagnostics.filter((row) => row.severity === 'err');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((row) => row.alternatives.length > 0)).toBe(true);
  });

  it('refuses both or neither of idea and spec, and an invalid spec, naming the problem', async () => {
    expect((await create({})).status).toBe(400);
    expect((await create({ idea: 'x', spec: {} })).status).toBe(400);
    const invalid = await create({ spec: { version: 1, name: 'x' } });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { code: 'invalid_input', details: { field: 'spec' } } });
  });

  it('is refused to viewers', async () => {
    const viewer = await harness.tokenFor(await harness.createUser('viewer'), ['read']);
    const response = await create({ idea: 'Write a weekly digest' }, viewer);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden', details: { requiredRole: 'editor', role: 'viewer' } } });
  });
});

describe('listing, changing and deleting projects', () => {
  it('searches, filters by framework, sorts and pages', async () => {
    await created({ idea: 'Summarise arXiv papers about robotics', selection: { framework: 'crewai' }, name: 'Alpha papers' });
    await created({ idea: 'Triage GitHub issues for a repository', selection: { framework: 'langgraph' }, name: 'Beta triage' });
    await created({ idea: 'Draft replies to customer emails', selection: { framework: 'crewai' }, name: 'Gamma mail' });
    const list = async (query: string) => (await (await harness.request(`/api/projects?${query}`, { headers: editor.headers })).json()) as { items: Array<{ name: string }>; total: number };
    expect((await list('framework=crewai')).total).toBe(2);
    expect((await list('search=TRIAGE')).items.map((item) => item.name)).toEqual(['Beta triage']);
    expect((await list('sort=name&order=asc')).items.map((item) => item.name)).toEqual(['Alpha papers', 'Beta triage', 'Gamma mail']);
    const page = await list('sort=name&order=desc&limit=1&offset=1');
    expect(page).toMatchObject({ total: 3, items: [{ name: 'Beta triage' }] });
    expect((await harness.request('/api/projects?limit=0', { headers: editor.headers })).status).toBe(400);
  });

  it('renames, then deletes', async () => {
    const { project } = await created({ idea: 'Watch competitor prices daily' });
    const renamed = await harness.request(`/api/projects/${project.id}`, { method: 'PATCH', headers: editor.headers, json: { name: 'Price watch', slug: 'price-watch' } });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ name: 'Price watch', slug: 'price-watch' });
    expect((await harness.request(`/api/projects/${project.id}`, { method: 'DELETE', headers: editor.headers })).status).toBe(204);
    const gone = await harness.request(`/api/projects/${project.id}`, { headers: editor.headers });
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ error: { code: 'not_found', details: { entity: 'project' } } });
  });
});

describe('versions, diff, files and download', () => {
  it('re-renders a new selection as version 2 and diffs it against version 1', async () => {
    const { project } = await created({ idea: 'Research a topic and write a report', selection: { framework: 'crewai' } });
    const next = await harness.request(`/api/projects/${project.id}/versions`, { method: 'POST', headers: editor.headers, json: { selection: { framework: 'langgraph' } } });
    expect(next.status, await next.clone().text()).toBe(201);
    expect(await next.json()).toMatchObject({ version: 2, spec: { framework: 'langgraph' } });
    const versions = (await (await harness.request(`/api/projects/${project.id}/versions`, { headers: editor.headers })).json()) as { items: Array<{ version: number; framework: string }> };
    expect(versions.items.map((item) => [item.version, item.framework])).toEqual([
      [2, 'langgraph'],
      [1, 'crewai'],
    ]);
    const detail = (await (await harness.request(`/api/projects/${project.id}`, { headers: editor.headers })).json()) as { project: { latestVersion: number; framework: string } };
    expect(detail.project).toMatchObject({ latestVersion: 2, framework: 'langgraph' });
    const diff = (await (await harness.request(`/api/projects/${project.id}/diff?from=1&to=2`, { headers: editor.headers })).json()) as { files: Array<{ path: string; status: string; patch: string }> };
    expect(diff.files.length).toBeGreaterThan(0);
    expect(diff.files.some((file) => file.status === 'added')).toBe(true);
    const modified = diff.files.find((file) => file.status === 'modified');
    expect(modified?.patch).toMatch(new RegExp(`^--- a/${modified?.path}\\n\\+\\+\\+ b/${modified?.path}\\n@@ -\\d+,\\d+ \\+\\d+,\\d+ @@`));
    expect((await harness.request(`/api/projects/${project.id}/diff?from=1&to=9`, { headers: editor.headers })).status).toBe(404);
  });

  it('serves the file tree, each file with its hash as ETag, and a zip with the same contents', async () => {
    const { project, version } = await created({ idea: 'Monitor news about a company and alert on Slack', selection: { framework: 'crewai' } });
    const tree = (await (await harness.request(`/api/projects/${project.id}/files`, { headers: editor.headers })).json()) as { version: number; totalBytes: number; files: Array<{ path: string; bytes: number; sha256: string }> };
    expect(tree.version).toBe(1);
    expect(tree.totalBytes).toBe(tree.files.reduce((sum, file) => sum + file.bytes, 0));
    const nested = tree.files.find((file) => file.path.includes('/'));
    expect(nested).toBeDefined();
    const file = await harness.request(`/api/projects/${project.id}/files/${nested?.path}`, { headers: editor.headers });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const content = await file.text();
    expect(createHash('sha256').update(content).digest('hex')).toBe(nested?.sha256);
    expect(file.headers.get('etag')).toBe(`"${nested?.sha256}"`);
    const cached = await harness.request(`/api/projects/${project.id}/files/${nested?.path}`, { headers: { ...editor.headers, 'if-none-match': `"${nested?.sha256}"` } });
    expect(cached.status).toBe(304);
    expect((await harness.request(`/api/projects/${project.id}/files/nope/missing.py`, { headers: editor.headers })).status).toBe(404);

    const download = await harness.request(`/api/projects/${project.id}/download`, { headers: editor.headers });
    expect(download.headers.get('content-type')).toBe('application/zip');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="${version.spec.slug}-v1.zip"`);
    const entries = unzipSync(new Uint8Array(await download.arrayBuffer()));
    expect(Object.keys(entries).sort()).toEqual(tree.files.map((entry) => `${version.spec.slug}/${entry.path}`).sort());
    for (const entry of tree.files) {
      const bytes = entries[`${version.spec.slug}/${entry.path}`];
      expect(createHash('sha256').update(bytes ?? new Uint8Array()).digest('hex')).toBe(entry.sha256);
    }
  });
});
