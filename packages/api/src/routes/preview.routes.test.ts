import { createHash } from 'node:crypto';
import { UserError } from '@agent-generator/contracts';
import { planProject } from '@agent-generator/core';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../test-app';
import { useRouteTestApp } from '../test-support/route-test-app';
import { manifestOf } from './preview.routes';

const { harness, callers: { viewer, editor } } = useRouteTestApp({ lifetime: 'file', callers: { viewer: { role: 'viewer', scopes: ['read'] }, editor: { role: 'editor' } } });

interface Preview {
  rendererVersion: string;
  totalBytes: number;
  files: Array<{ path: string; bytes: number; sha256: string; executable: boolean }>;
  diagnostics: Array<{ severity: string }>;
}

const { spec } = planProject('Research a topic on the web every week and write a markdown digest', { framework: 'langgraph' });
const preview = (body: unknown, caller: Caller = viewer) => harness.request('/api/preview', { method: 'POST', headers: caller.headers, json: body });
const previewFile = (body: unknown, caller: Caller = viewer) => harness.request('/api/preview/file', { method: 'POST', headers: caller.headers, json: body });

describe('previewing the files of a spec', () => {
  it('answers exactly the manifest that generating the same spec stores, and stores nothing', async () => {
    const response = await preview({ spec });
    expect(response.status, await response.clone().text()).toBe(200);
    const tree = (await response.json()) as Preview;
    expect((await harness.store.projects.list()).total).toBe(0);
    expect(tree.rendererVersion).toMatch(/^langgraph@/);
    expect(tree.totalBytes).toBe(tree.files.reduce((sum, file) => sum + file.bytes, 0));
    expect(tree.files.map((file) => file.path)).toEqual(tree.files.map((file) => file.path).sort());

    const created = await harness.request('/api/projects', { method: 'POST', headers: editor.headers, json: { spec } });
    const stored = (await created.json()) as { version: { rendererVersion: string; files: Preview['files'] } };
    expect(tree.files).toEqual(stored.version.files);
    expect(tree.rendererVersion).toBe(stored.version.rendererVersion);
  });

  it('serves each file with its sha256 as ETag, the main module naming the project', async () => {
    const tree = (await (await preview({ spec })).json()) as Preview;
    const main = tree.files.find((file) => file.path.endsWith('/__main__.py'));
    expect(main?.path).toBe(`src/${spec.slug.replaceAll('-', '_')}/__main__.py`);
    const response = await previewFile({ spec, path: main?.path });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const content = await response.text();
    expect(content).toContain(spec.slug);
    expect(createHash('sha256').update(content).digest('hex')).toBe(main?.sha256);
    expect(response.headers.get('etag')).toBe(`"${main?.sha256}"`);
  });

  it('renders the spec being edited, with a selection applied on top', async () => {
    const edited = { ...spec, name: 'Edited digest', slug: 'edited-digest' };
    const tree = (await (await preview({ spec: edited, selection: { framework: 'crewai', pattern: 'sequential' } })).json()) as Preview;
    expect(tree.rendererVersion).toMatch(/^crewai@/);
    expect(tree.files.some((file) => file.path.startsWith('src/edited_digest/'))).toBe(true);
    const readme = await (await previewFile({ spec: edited, path: 'README.md' })).text();
    expect(readme).toContain('Edited digest');
  });

  it('lets a viewer preview but not a token without the read scope, nor an anonymous caller', async () => {
    expect((await preview({ spec })).status).toBe(200);
    const writeOnly = await harness.tokenFor(await harness.createUser('editor'), ['write']);
    expect((await preview({ spec }, writeOnly)).status).toBe(403);
    const anonymous = await harness.request('/api/preview', { method: 'POST', json: { spec } });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('needs the CSRF header from a browser session, like every other POST', async () => {
    const session = await harness.sessionFor(await harness.createUser('viewer'));
    const { 'x-csrf-token': csrf, ...cookieOnly } = session.headers;
    expect(csrf).toBeTruthy();
    expect((await harness.request('/api/preview', { method: 'POST', headers: cookieOnly, json: { spec } })).status).toBe(403);
    expect((await preview({ spec }, session)).status).toBe(200);
  });
});

describe('hostile and broken input', () => {
  it('answers 400 with the issues for something that is not a spec', async () => {
    for (const body of [{}, { spec: 'a string' }, { spec: [1, 2] }, { spec: null }, 'not json at all']) {
      const response = await harness.request('/api/preview', { method: 'POST', headers: { ...viewer.headers, 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    }
    const broken = await preview({ spec: { ...spec, agents: [] } });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { code: 'invalid_input', details: { field: 'spec', issues: expect.arrayContaining([expect.objectContaining({ path: 'agents' })]) } } });
    const unknownFramework = await preview({ spec, selection: { framework: 'skynet' } });
    expect(unknownFramework.status).toBe(400);
  });

  it('refuses an incompatible selection with 422 and the diagnostics', async () => {
    const response = await preview({ spec, selection: { framework: 'watsonx-orchestrate', hyperscaler: 'aws', pattern: 'group-chat' } });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { code: string; details: { diagnostics: Array<{ severity: string }> } } };
    expect(body.error.code).toBe('incompatible_selection');
    expect(body.error.details.diagnostics.some((row) => row.severity === 'err')).toBe(true);
  });

  it('answers 404 for a path the spec does not generate, traversal included, without echoing it whole', async () => {
    for (const path of ['../../etc/passwd', '/README.md', 'README.md/..', `src/${'x'.repeat(900)}.py`]) {
      const response = await previewFile({ spec, path });
      expect(response.status, path.slice(0, 40)).toBe(404);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('not_found');
      expect(body.error.message.length).toBeLessThan(500);
    }
    expect((await previewFile({ spec, path: '' })).status).toBe(400);
    expect((await previewFile({ spec, path: 'x'.repeat(1001) })).status).toBe(400);
  });

  it('renders a spec at every size limit, hostile text included, within the preview cap', async () => {
    const hostile = '"""; import os; os.system("rm -rf /") #\u0000 </script> ${{ secrets }}';
    const agents = Array.from({ length: 12 }, (_, index) => ({ ...spec.agents[0], id: `agent_${index}`, role: `Role ${index} ${hostile}`.slice(0, 200), goal: hostile.repeat(15).slice(0, 1000), backstory: hostile.repeat(30).slice(0, 2000), tools: [] }));
    const big = { ...spec, agents, tasks: spec.tasks.map((task) => ({ ...task, agent: 'agent_0', description: hostile.repeat(30).slice(0, 2000) })) };
    const started = performance.now();
    const response = await preview({ spec: big });
    expect(response.status, await response.clone().text()).toBe(200);
    const tree = (await response.json()) as Preview;
    expect(tree.totalBytes).toBeLessThan(4 * 1024 * 1024);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('refuses a rendered project over the size limit with 413', () => {
    const files = [{ path: 'a.txt', content: 'x'.repeat(2048) }];
    expect(manifestOf(files, 4096).totalBytes).toBe(2048);
    try {
      manifestOf(files, 1024);
      expect.unreachable('a project over the limit must be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      expect(error).toMatchObject({ code: 'payload_too_large', details: { totalBytes: 2048, limit: 1024 } });
    }
  });
});

describe('installed renderers', () => {
  it('lists one renderer per catalog framework with its version and the patterns it generates', async () => {
    const response = await harness.request('/api/renderers', { headers: viewer.headers });
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: Array<{ framework: string; name: string; version: string; patterns: Array<{ id: string; support: string }> }> };
    const catalog = (await (await harness.request('/api/compatibility', { headers: viewer.headers })).json()) as { frameworks: Array<{ id: string; patterns: Record<string, string> }> };
    expect(items.map((item) => item.framework)).toEqual(catalog.frameworks.map((framework) => framework.id));
    for (const item of items) {
      expect(item.version).toMatch(/^\d+\.\d+/);
      const framework = catalog.frameworks.find((entry) => entry.id === item.framework);
      const generated = Object.entries(framework?.patterns ?? {}).filter(([, support]) => support !== 'unsupported');
      expect(item.patterns).toEqual(generated.map(([id, support]) => ({ id, support })));
    }
    const tree = (await (await preview({ spec })).json()) as Preview;
    expect(tree.rendererVersion).toBe(`langgraph@${items.find((item) => item.framework === 'langgraph')?.version}`);
    expect((await harness.request('/api/renderers')).status).toBe(401);
  });

  it('documents the new routes in the OpenAPI document with their access rule', async () => {
    const document = (await (await harness.request('/openapi.json')).json()) as { paths: Record<string, Record<string, { 'x-access': unknown }>> };
    expect(document.paths['/api/preview']?.post?.['x-access']).toEqual({ role: 'viewer', scope: 'read' });
    expect(document.paths['/api/preview/file']?.post?.['x-access']).toEqual({ role: 'viewer', scope: 'read' });
    expect(document.paths['/api/renderers']?.get?.['x-access']).toEqual({ role: 'viewer', scope: 'read' });
  });
});
