// POST /api/projects/:id/runs with the tools the run may offer its model: kept on the run (and on
// GET /api/runs/:id), omitted means every tool (null); hostile tool lists → 400 and no run.
import { beforeEach, describe, expect, it } from 'vitest';
import { useRouteTestApp } from '../test-support/route-test-app';

const { harness, callers: { owner } } = useRouteTestApp({ callers: { owner: { role: 'editor' } } });
let projectId: string;
beforeEach(async () => {
  const created = await harness.request('/api/projects', { method: 'POST', headers: owner.headers, json: { idea: 'Research a topic and write a digest', selection: { framework: 'crewai' } } });
  projectId = ((await created.json()) as { project: { id: string } }).project.id;
});

const start = (body: unknown) => harness.request(`/api/projects/${projectId}/runs`, { method: 'POST', headers: owner.headers, json: body });
const runCount = async () => ((await (await harness.request('/api/runs', { headers: owner.headers })).json()) as { total: number }).total;

describe('POST /api/projects/:id/runs with tools', () => {
  it('keeps the chosen tools (once each) on the run and answers them from GET /api/runs/:id', async () => {
    const response = await start({ input: 'hi', tools: ['web_search', 'calculator', 'web_search'] });
    expect(response.status).toBe(201);
    const run = (await response.json()) as { id: string; tools: unknown };
    expect(run.tools).toEqual(['web_search', 'calculator']);
    const read = await harness.request(`/api/runs/${run.id}`, { headers: owner.headers });
    expect(await read.json()).toMatchObject({ id: run.id, tools: ['web_search', 'calculator'] });
  });

  it('an empty list (every tool off) stays empty; no list is null (every tool of the spec)', async () => {
    expect(await (await start({ input: 'hi', tools: [] })).json()).toMatchObject({ tools: [] });
    expect(await (await start({ input: 'hi' })).json()).toMatchObject({ tools: null });
  });

  it.each([
    ['200 names', Array.from({ length: 200 }, (_, index) => `tool_${index}`)],
    ['a 1 kB name', ['x'.repeat(1024)]],
    ['a path', ['../x']],
    ['not a list', 'calculator'],
    ['an object', { calculator: true }],
    ['a NUL byte', ['calc\u0000ulator']],
    ['upper case', ['Calculator']],
    ['null', null],
  ])('refuses %s with 400 and creates no run', async (_name, tools) => {
    const response = await start({ input: 'hi', tools });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toMatch(/tools must be a list of at most 64 tool names, each 1 to 64 characters of a-z, 0-9, _ and -/);
    expect(await runCount()).toBe(0);
  });
});
