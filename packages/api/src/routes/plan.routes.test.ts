import { describe, expect, it } from 'vitest';
import { useRouteTestApp } from '../test-support/route-test-app';

const { harness, callers: { viewer } } = useRouteTestApp({ lifetime: 'file', callers: { viewer: { role: 'viewer', scopes: ['read'] } } });

describe('catalog, evaluation and planning', () => {
  it('serves the whole catalog', async () => {
    const catalog = (await (await harness.request('/api/compatibility', { headers: viewer.headers })).json()) as Record<string, Array<{ id: string }>>;
    expect(Object.keys(catalog).sort()).toEqual(['exportTargets', 'frameworks', 'hyperscalers', 'models', 'patterns', 'providers', 'tools']);
    expect(catalog.frameworks?.map((framework) => framework.id)).toContain('langgraph');
  });

  it('evaluates a selection into diagnostics with alternatives for every error', async () => {
    const response = await harness.request('/api/compatibility/evaluate', { method: 'POST', headers: viewer.headers, json: { framework: 'watsonx-orchestrate', hyperscaler: 'aws', pattern: 'group-chat' } });
    const body = (await response.json()) as { hasErrors: boolean; diagnostics: Array<{ severity: string; alternatives: unknown[]; step: string }> };
    expect(body.hasErrors).toBe(true);
    for (const row of body.diagnostics.filter((diagnostic) => diagnostic.severity === 'err')) expect(row.alternatives.length).toBeGreaterThan(0);
    const unknown = await harness.request('/api/compatibility/evaluate', { method: 'POST', headers: viewer.headers, json: { framework: 'skynet' } });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: { code: 'invalid_input', details: { target: 'body', issues: [{ path: 'framework' }] } } });
  });

  it('plans an idea, keeping explicit choices, and stores nothing', async () => {
    const response = await harness.request('/api/plan', { method: 'POST', headers: viewer.headers, json: { idea: 'Search the web for new papers and email me a weekly digest', selection: { framework: 'strands', hyperscaler: 'aws' } } });
    expect(response.status).toBe(200);
    const plan = (await response.json()) as { spec: { framework: string; hyperscaler: string; agents: unknown[] }; hints: unknown[]; diagnostics: unknown[] };
    expect(plan.spec).toMatchObject({ framework: 'strands', hyperscaler: 'aws' });
    expect(plan.spec.agents.length).toBeGreaterThan(0);
    expect(plan.diagnostics.length).toBeGreaterThan(0);
    expect((await harness.store.projects.list()).total).toBe(0);
    const tooLong = await harness.request('/api/plan', { method: 'POST', headers: viewer.headers, json: { idea: 'x '.repeat(3000) } });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({ error: { code: 'invalid_input', message: expect.stringContaining('the limit is 4000') } });
  });

  it('publishes the OpenAPI 3.1 document and a reference page without scripts', async () => {
    const document = (await (await harness.request('/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, { 'x-access': unknown }>> };
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/api/plan']?.post?.['x-access']).toEqual({ role: 'viewer', scope: 'read' });
    expect(document.paths['/api/users']?.post?.['x-access']).toEqual({ role: 'admin', scope: 'admin' });
    expect(document.paths['/healthz']?.get?.['x-access']).toBe('public');
    const page = await (await harness.request('/docs')).text();
    expect(page).toContain('<code>/api/projects/{id}/diff</code>');
    expect(page).not.toContain('<script');
  });
});
