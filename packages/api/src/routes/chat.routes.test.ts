import { beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../test-app';
import { useRouteTestApp } from '../test-support/route-test-app';

const { harness, callers: { owner } } = useRouteTestApp({ callers: { owner: { role: 'editor' } } });
let sessionId: string;
beforeEach(async () => {
  const created = await harness.request('/api/projects', { method: 'POST', headers: owner.headers, json: { idea: 'Research a topic and write a digest', selection: { framework: 'crewai' } } });
  const { project } = (await created.json()) as { project: { id: string } };
  const session = await harness.request('/api/chat/sessions', { method: 'POST', headers: owner.headers, json: { projectId: project.id } });
  expect(session.status).toBe(201);
  sessionId = ((await session.json()) as { sessionId: string }).sessionId;
});

const patch = (body: unknown, caller: Caller = owner, id = sessionId) => harness.request(`/api/chat/sessions/${id}`, { method: 'PATCH', headers: caller.headers, json: body });

describe('PATCH /api/chat/sessions/:id', () => {
  it('changes the permission mode, model and title that the next message runs with', async () => {
    const response = await patch({ permissionMode: 'ask', model: { provider: 'openai-compatible', id: 'loop-large' }, title: 'Ask mode' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: sessionId, permissionMode: 'ask', model: { provider: 'openai-compatible', id: 'loop-large' }, title: 'Ask mode' });
    const stored = await harness.request(`/api/chat/sessions/${sessionId}`, { headers: owner.headers });
    expect(await stored.json()).toMatchObject({ session: { permissionMode: 'ask', title: 'Ask mode' } });
    expect(await (await patch({ model: null })).json()).toMatchObject({ model: null, permissionMode: 'ask' });
  });

  it('switches the runtime the next message runs on, and back', async () => {
    expect(await (await patch({ runtime: 'project' })).json()).toMatchObject({ id: sessionId, runtime: 'project' });
    const stored = await harness.request(`/api/chat/sessions/${sessionId}`, { headers: owner.headers });
    expect(await stored.json()).toMatchObject({ session: { runtime: 'project', permissionMode: 'safe' } });
    expect(await (await patch({ runtime: 'spec' })).json()).toMatchObject({ runtime: 'spec' });
  });

  it.each([
    ['an unknown mode', { permissionMode: 'root' }],
    ['an unknown runtime', { runtime: 'python' }],
    ['a runtime that is not a string', { runtime: ['project'] }],
    ['an unknown field', { runtime: 'project', owner: 'me' }],
    ['an empty title', { title: '   ' }],
    ['a 10 kB title', { title: 'x'.repeat(10_000) }],
    ['a model without an id', { model: { provider: 'openai' } }],
    ['not an object', ['ask']],
  ])('refuses %s with 400 and changes nothing', async (_name, body) => {
    const response = await patch(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_input' } });
    const stored = await harness.request(`/api/chat/sessions/${sessionId}`, { headers: owner.headers });
    expect(await stored.json()).toMatchObject({ session: { permissionMode: 'safe' } });
  });

  it("answers 404 for another person's session or an unknown id, and 403 for a viewer", async () => {
    const stranger = await harness.tokenFor(await harness.createUser('editor'));
    expect((await patch({ permissionMode: 'dev' }, stranger)).status).toBe(404);
    expect((await patch({ permissionMode: 'dev' }, owner, 'no-such-session')).status).toBe(404);
    const viewer = await harness.tokenFor(await harness.createUser('viewer'), ['read']);
    expect((await patch({ permissionMode: 'dev' }, viewer)).status).toBe(403);
  });
});
