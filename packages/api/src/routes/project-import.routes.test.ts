import { randomBytes } from 'node:crypto';
import { planProject } from '@agent-generator/core';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { declareSize, markEncrypted, zipOf } from '../services/project-import.test-zips';
import { useRouteTestApp } from '../test-support/route-test-app';

const { harness, callers: { editor } } = useRouteTestApp({ callers: { editor: { role: 'editor' } } });

interface Created {
  project: { id: string; name: string; framework: string; latestVersion: number };
  version: { version: number; spec: unknown; rendererVersion: string; files: Array<{ path: string; sha256: string }> };
}

const ZIP = { 'content-type': 'application/zip' };

const importZip = (body: Uint8Array, headers: Record<string, string> = editor.headers, contentType = ZIP) =>
  harness.request('/api/projects/import', { method: 'POST', headers: { ...headers, ...contentType }, body: body.slice() });

async function created(response: Response): Promise<Created> {
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as Created;
}

async function download(projectId: string): Promise<Uint8Array> {
  const response = await harness.request(`/api/projects/${projectId}/download`, { headers: editor.headers });
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

const crewSpec = () => planProject('Research a topic on the web and write a weekly digest', { framework: 'crewai' }).spec;

const projectCount = async () => (await harness.store.projects.list({})).total;

describe('POST /api/projects/import with zips the product downloads', () => {
  it.each([
    ['crewai', 'Research a topic on the web and write a weekly digest'],
    ['langgraph', 'A supervisor that delegates customer questions to a researcher and a writer'],
    ['watsonx-orchestrate', 'A marketing supervisor agent with a content curator that uses web search'],
  ])('creates an equal %s project from its own download', async (framework, idea) => {
    const selection = framework === 'watsonx-orchestrate' ? { framework, provider: 'watsonx' } : { framework };
    const original = await created(await harness.request('/api/projects', { method: 'POST', headers: editor.headers, json: { idea, selection } }));
    const zip = await download(original.project.id);
    const slug = Object.keys(unzipSync(zip))[0]?.split('/')[0];
    expect(Object.keys(unzipSync(zip))).toContain(`${slug}/agent-generator.json`);

    const imported = await created(await importZip(zip));
    expect(imported.project.id).not.toBe(original.project.id);
    expect(imported.project).toMatchObject({ name: original.project.name, framework, latestVersion: 1 });
    expect(imported.version.version).toBe(1);
    expect(imported.version.spec).toEqual(original.version.spec);
    expect(imported.version.files).toEqual(original.version.files);
    expect(await download(imported.project.id)).toEqual(zip);
    const audit = await harness.store.audit.list({ action: 'project-import' });
    expect(audit.items.map((entry) => entry.targetId)).toEqual([imported.project.id]);
  });

  it('finds agent-generator.json at the root of a zip as well (the CLI --zip or a re-zipped folder)', async () => {
    const spec = crewSpec();
    const imported = await created(await importZip(zipOf({ 'agent-generator.json': JSON.stringify(spec), 'README.md': '# hi' })));
    expect(imported.version.spec).toEqual(spec);
  });

  it('asks a browser session for the CSRF token and refuses viewers', async () => {
    const zip = zipOf({ 'agent-generator.json': JSON.stringify(crewSpec()) });
    const session = await harness.sessionFor(await harness.createUser('editor'));
    const cookieOnly = { cookie: session.headers.cookie ?? '' };
    expect((await importZip(zip, cookieOnly)).status).toBe(403);
    const viewer = await harness.tokenFor(await harness.createUser('viewer'), ['read']);
    expect((await importZip(zip, viewer.headers)).status).toBe(403);
    expect((await importZip(zip, {})).status).toBe(401);
    expect(await projectCount()).toBe(0);
    await created(await importZip(zip, session.headers));
  });
});

describe('POST /api/projects/import with hostile uploads', () => {
  const spec = () => JSON.stringify(crewSpec());
  const cases: ReadonlyArray<readonly [string, () => Uint8Array, number, RegExp]> = [
    ['not a zip', () => new TextEncoder().encode('{"version":1} is JSON, not a zip'), 400, /not a readable zip/],
    ['a truncated zip', () => zipOf({ 'p/agent-generator.json': spec(), 'p/src/a.py': 'x = 1\n'.repeat(2000) }).subarray(0, 900), 400, /not a readable zip/],
    ['a zip bomb that declares its size', () => zipOf({ 'p/agent-generator.json': ' '.repeat(21 * 1024 * 1024) }), 413, /more than 20 MB/],
    ['a zip bomb whose header lies', () => declareSize(zipOf({ 'p/agent-generator.json': ' '.repeat(8 * 1024 * 1024) }), { name: 'p/agent-generator.json', size: 100 }), 413, /unpacks to more than/],
    ['a path traversal name', () => zipOf({ 'p/agent-generator.json': spec(), 'p/../../etc/passwd': 'root' }), 400, /would land outside/],
    ['a manifest that is not JSON', () => zipOf({ 'p/agent-generator.json': 'name: not json' }), 400, /is not JSON/],
    ['a spec that fails validation', () => zipOf({ 'p/agent-generator.json': JSON.stringify({ ...JSON.parse(spec()), agents: [] }) }), 400, /not a valid spec: agents/],
    ['a zip without a manifest', () => zipOf({ 'p/README.md': '# no spec here' }), 400, /has no agent-generator.json/],
    ['an export of several projects', () => zipOf({ 'a/agent-generator.json': spec(), 'b/agent-generator.json': spec() }), 400, /holds 2 projects/],
    ['an encrypted manifest', () => markEncrypted(zipOf({ 'p/agent-generator.json': spec() }), 'p/agent-generator.json'), 400, /is encrypted/],
    ['a body over the size limit', () => randomBytes(1024 * 1024 + 1), 413, /too large/],
  ];

  it.each(cases)('answers %s with a clear error and creates nothing', async (_label, make, status, message) => {
    const response = await importZip(make());
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect({ status: response.status, message: body.error.message }).toEqual({ status, message: expect.stringMatching(message) });
    expect(await projectCount()).toBe(0);
    expect((await harness.store.audit.list({ action: 'project-import' })).total).toBe(0);
  });

  it('takes application/octet-stream too, and refuses another content type and a spec the catalog cannot generate', async () => {
    const zip = zipOf({ 'p/agent-generator.json': spec() });
    await created(await importZip(zip, editor.headers, { 'content-type': 'application/octet-stream' }));
    expect(await projectCount()).toBe(1);
    const wrongType = await importZip(zip, editor.headers, { 'content-type': 'application/json' });
    expect(wrongType.status).toBe(400);
    expect(await wrongType.text()).toContain('Content-Type: application/zip');
    const local = { ...crewSpec(), framework: 'watsonx-orchestrate', pattern: 'supervisor', model: { provider: 'ollama', id: 'llama3.1:8b' } };
    const incompatible = await importZip(zipOf({ 'p/agent-generator.json': JSON.stringify(local) }));
    expect(incompatible.status).toBe(422);
    expect(await projectCount()).toBe(1);
  });
});
