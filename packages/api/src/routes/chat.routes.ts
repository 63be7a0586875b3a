// Test (Chat): sessions with an agent (a project); each message over the session's WebSocket starts
// a run whose events stream back as `{ type: 'event', runId, seq, event }`.
import type { ProjectId } from '@agent-generator/contracts';
import { UserError } from '@agent-generator/contracts';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import type { AppServices } from '../app-services';
import { EDITOR_WRITE, VIEWER_READ } from '../auth/access';
import { requirePrincipal } from '../auth/require-access';
import { definedFields } from '../http/defined-fields';
import { defineRoute, json } from '../openapi/define-route';
import { IdParamsSchema, pageOf, PagingQuerySchema } from '../schemas/common.schemas';
import { ChatSessionSchema, CreateSessionBodySchema, RunSchema, runView, sessionView, UpdateSessionBodySchema } from '../runs/run-schemas';
import { runsOf } from '../runs/run-services';
import { runSocketEvents } from '../runs/run-socket';
import { checkSocketOrigin, upgradeTo } from '../runs/run-upgrade';

const tags = ['chat'];

const create = defineRoute(EDITOR_WRITE, {
  method: 'post',
  path: '/api/chat/sessions',
  tags,
  summary: 'Start a chat session with an agent (a project)',
  request: { body: { required: true, content: { 'application/json': { schema: CreateSessionBodySchema } } } },
  responses: { 201: json(z.object({ sessionId: z.string(), agentId: z.string() }), 'The new session; agentId is the project id') },
});
const list = defineRoute(VIEWER_READ, { method: 'get', path: '/api/chat/sessions', tags, summary: 'Your recent chat sessions', request: { query: PagingQuerySchema }, responses: { 200: json(pageOf(ChatSessionSchema), 'Sessions, most recent first') } });
const getSession = defineRoute(VIEWER_READ, {
  method: 'get',
  path: '/api/chat/sessions/{id}',
  tags,
  summary: 'A chat session with its runs, oldest first',
  request: { params: IdParamsSchema },
  responses: { 200: json(z.object({ session: ChatSessionSchema, runs: z.array(RunSchema) }), 'The session') },
});
const update = defineRoute(EDITOR_WRITE, {
  method: 'patch',
  path: '/api/chat/sessions/{id}',
  tags,
  summary: 'Change a session’s title, permission mode or model; the next message runs with them',
  request: { params: IdParamsSchema, body: { required: true, content: { 'application/json': { schema: UpdateSessionBodySchema } } } },
  responses: { 200: json(ChatSessionSchema, 'The session as changed') },
});
const stream = defineRoute(VIEWER_READ, {
  method: 'get',
  path: '/api/chat/sessions/{id}/stream',
  tags,
  summary: 'The session as a WebSocket: send {type:"message",text} / {type:"approval",callId,approved} / {type:"resume",runId,afterSeq}',
  description: 'Answers 426 to a plain GET. The server sends `{ type: "event", runId, seq, event }` and `{ type: "error", error }`.',
  request: { params: IdParamsSchema },
  responses: { 101: { description: 'Switching to the WebSocket' } },
});
const stop = defineRoute(EDITOR_WRITE, {
  method: 'post',
  path: '/api/chat/sessions/{id}/stop',
  tags,
  summary: 'Stop the session’s queued and running runs',
  request: { params: IdParamsSchema },
  responses: { 200: json(z.object({ stopped: z.array(z.string()) }), 'The runs asked to stop') },
});

export function registerChatRoutes(app: OpenAPIHono<AppEnv>, services: AppServices): void {
  const runs = runsOf(services);
  const { store } = services;

  app.openapi(create, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    const input = context.req.valid('json');
    const project = await store.projects.get(input.projectId as ProjectId);
    if (project === undefined) throw new UserError('not_found', `Project ${input.projectId} does not exist.`, { entity: 'project', id: input.projectId });
    const session = await store.chatSessions.create({
      projectId: project.id,
      userId: principal.user.id,
      title: project.name,
      runtime: input.runtime ?? 'spec',
      permissionMode: input.permissionMode ?? 'safe',
      model: input.model ?? null,
    });
    return context.json({ sessionId: session.id, agentId: project.id }, 201);
  });

  app.openapi(list, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    const page = await store.chatSessions.list({ ...definedFields(context.req.valid('query')), userId: principal.user.id });
    return context.json({ ...page, items: page.items.map(sessionView) }, 200);
  });

  app.openapi(getSession, async (context) => {
    const session = await runs.session(context.req.valid('param').id, await requirePrincipal(context.get('principal')));
    const page = await store.runs.list({ sessionId: session.id, limit: 500 });
    return context.json({ session: sessionView(session), runs: [...page.items].reverse().map(runView) }, 200);
  });

  app.openapi(update, async (context) => {
    const session = await runs.session(context.req.valid('param').id, await requirePrincipal(context.get('principal')));
    const changed = await store.chatSessions.update(session.id, definedFields(context.req.valid('json')));
    return context.json(sessionView(changed), 200);
  });

  app.openapi(stream, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    const session = await runs.session(context.req.valid('param').id, principal);
    checkSocketOrigin({ principal, origin: context.req.header('origin'), publicUrl: services.deps.auth.publicUrl });
    return upgradeTo(context, runSocketEvents({ runs, principal, logger: services.logger, target: { kind: 'chat', session } }));
  });

  app.openapi(stop, async (context) => {
    const session = await runs.session(context.req.valid('param').id, await requirePrincipal(context.get('principal')));
    const [queued, running] = await Promise.all([store.runs.list({ sessionId: session.id, status: 'queued' }), store.runs.list({ sessionId: session.id, status: 'running' })]);
    const stopped = await Promise.all([...queued.items, ...running.items].map((run) => runs.stop(run.id)));
    return context.json({ stopped: stopped.map((run) => run.id) }, 200);
  });
}
