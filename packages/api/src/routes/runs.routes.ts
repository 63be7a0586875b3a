// Runs: start one for a project, list and read them, their event log, live over WebSocket or SSE,
// Stop, and Ask-mode approvals. Every event is replayed from the store, then streamed live.
import type { ProjectId, RunId } from '@agent-generator/contracts';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import type { AppServices } from '../app-services';
import { EDITOR_WRITE, VIEWER_READ } from '../auth/access';
import { requirePrincipal } from '../auth/require-access';
import { definedFields } from '../http/defined-fields';
import { defineRoute, json } from '../openapi/define-route';
import { IdParamsSchema, pageOf } from '../schemas/common.schemas';
import { AfterQuerySchema, ApprovalBodySchema, distinctTools, EventsQuerySchema, ListRunsQuerySchema, RunEventEnvelopeSchema, RunSchema, runView, StartRunBodySchema } from '../runs/run-schemas';
import { runsOf } from '../runs/run-services';
import { streamRunEvents, resumePoint } from '../runs/run-sse';
import { runSocketEvents } from '../runs/run-socket';
import { checkSocketOrigin, isUpgrade, upgradeTo } from '../runs/run-upgrade';

const tags = ['runs'];
/** One server-sent event as a reader parses it: its name, id and data line (JSON of an envelope). */
const SseEventSchema = z.object({ event: z.string().optional(), id: z.string().optional(), data: z.string(), retry: z.number().int().optional() }).openapi('ServerSentEvent');
const body = <Schema extends z.ZodType>(schema: Schema) => ({ required: true, content: { 'application/json': { schema } } });

const start = defineRoute(EDITOR_WRITE, {
  method: 'post',
  path: '/api/projects/{id}/runs',
  tags,
  summary: 'Queue a run of the project with an input',
  request: { params: IdParamsSchema, body: body(StartRunBodySchema) },
  responses: { 201: json(RunSchema, 'The queued run') },
});
const list = defineRoute(VIEWER_READ, { method: 'get', path: '/api/runs', tags, summary: 'Runs, newest first, filtered and paged', request: { query: ListRunsQuerySchema }, responses: { 200: json(pageOf(RunSchema), 'One page of runs') } });
const getRun = defineRoute(VIEWER_READ, {
  method: 'get',
  path: '/api/runs/{id}',
  tags,
  summary: 'A run; opened as a WebSocket (`?after=<seq>`), its events as `{ type: "event", runId, seq, event }`',
  request: { params: IdParamsSchema, query: AfterQuerySchema },
  responses: { 200: json(RunSchema, 'The run'), 101: { description: 'Switching to the WebSocket stream' } },
});
const events = defineRoute(VIEWER_READ, {
  method: 'get',
  path: '/api/runs/{id}/events',
  tags,
  summary: 'The stored events after a sequence number',
  request: { params: IdParamsSchema, query: EventsQuerySchema },
  responses: { 200: json(z.object({ items: z.array(RunEventEnvelopeSchema) }), 'Events in order') },
});
const stream = defineRoute(VIEWER_READ, {
  method: 'get',
  path: '/api/runs/{id}/stream',
  tags,
  summary: 'Server-sent events of a run; `id:` is the seq, resumes after Last-Event-ID or `?after=`',
  request: { params: IdParamsSchema, query: AfterQuerySchema },
  responses: { 200: { description: 'An event stream: `event: event`, `id:` the seq, `data:` one RunEventEnvelope as JSON', content: { 'text/event-stream': { schema: SseEventSchema } } } },
});
const stop = defineRoute(EDITOR_WRITE, { method: 'post', path: '/api/runs/{id}/stop', tags, summary: 'Stop a run (it ends as cancelled)', request: { params: IdParamsSchema }, responses: { 200: json(RunSchema, 'The run, with cancelRequested') } });
const approve = defineRoute(EDITOR_WRITE, {
  method: 'post',
  path: '/api/runs/{id}/approvals',
  tags,
  summary: 'Approve or refuse a tool call waiting in Ask mode',
  request: { params: IdParamsSchema, body: body(ApprovalBodySchema) },
  responses: { 202: json(z.object({ seq: z.number().int() }), 'The answer is stored as an approval-response event') },
});

export function registerRunsRoutes(app: OpenAPIHono<AppEnv>, services: AppServices): void {
  const runs = runsOf(services);

  app.openapi(start, async (context) => {
    const principal = await requirePrincipal(context.get('principal'));
    const input = context.req.valid('json');
    const run = await runs.start({
      projectId: context.req.valid('param').id as ProjectId,
      input: input.input,
      runtime: input.runtime ?? 'spec',
      permissionMode: input.permissionMode ?? 'safe',
      model: input.model ?? null,
      tools: distinctTools(input.tools),
      createdBy: principal.user.id,
    });
    return context.json(runView(run), 201);
  });

  app.openapi(list, async (context) => {
    const query = context.req.valid('query');
    const page = await services.store.runs.list(definedFields({ ...query, projectId: query.projectId as ProjectId | undefined, sessionId: query.sessionId as never }));
    return context.json({ ...page, items: page.items.map(runView) }, 200);
  });

  app.openapi(getRun, async (context) => {
    const run = await runs.get(context.req.valid('param').id);
    if (!isUpgrade(context)) return context.json(runView(run), 200);
    const principal = await requirePrincipal(context.get('principal'));
    checkSocketOrigin({ principal, origin: context.req.header('origin'), publicUrl: services.deps.auth.publicUrl });
    const afterSeq = context.req.valid('query').after ?? -1;
    return upgradeTo(context, runSocketEvents({ runs, principal, logger: services.logger, target: { kind: 'run', runId: run.id, afterSeq } }));
  });

  app.openapi(events, async (context) => {
    const run = await runs.get(context.req.valid('param').id);
    const { after, limit } = context.req.valid('query');
    const stored = await services.store.runs.events(run.id, { afterSeq: after ?? -1, ...(limit === undefined ? {} : { limit }) });
    return context.json({ items: stored.map((item) => ({ type: 'event' as const, runId: item.runId, seq: item.seq, event: { ...item.event } as Record<string, unknown> })) }, 200);
  });

  app.openapi(stream, async (context) => {
    const run = await runs.get(context.req.valid('param').id);
    const afterSeq = resumePoint({ lastEventId: context.req.header('last-event-id'), after: context.req.valid('query').after });
    return streamRunEvents(context, { hub: runs.hub, runId: run.id as RunId, afterSeq });
  });

  app.openapi(stop, async (context) => context.json(runView(await runs.stop(context.req.valid('param').id)), 200));

  app.openapi(approve, async (context) => {
    const answer = context.req.valid('json');
    const seq = await runs.answer({ runId: context.req.valid('param').id, callId: answer.callId, approved: answer.approved });
    return context.json({ seq }, 202);
  });
}
