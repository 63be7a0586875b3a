// What the runs and chat routes accept and answer, and the WebSocket messages in both directions.
import { textField, type ChatSessionRecord, type RunRecord } from '@agent-generator/contracts';
import { z } from '@hono/zod-openapi';
import { TimestampSchema } from '../schemas/common.schemas';

export const PermissionModeSchema = z.enum(['safe', 'dev', 'ask']);
export const RuntimeSchema = z.enum(['spec', 'project']);
export const RunStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
const ModelChoiceSchema = z.object({ provider: z.string().min(1).max(64), id: z.string().min(1).max(200) });
const InputSchema = textField(100_000).pipe(z.string().min(1, 'a message of at least one character'));
const TOOL_NAME = /^[a-z0-9_-]{1,64}$/;
const TOOLS_MESSAGE = 'tools must be a list of at most 64 tool names, each 1 to 64 characters of a-z, 0-9, _ and -';
/** The tools a run may offer its model; names the spec does not use are ignored. Omitted: every tool of the spec. */
export const ToolNamesSchema = z
  .array(z.string({ error: TOOLS_MESSAGE }).regex(TOOL_NAME, TOOLS_MESSAGE), { error: TOOLS_MESSAGE })
  .max(64, TOOLS_MESSAGE)
  .openapi({ description: 'The tool names the run may offer its model (at most 64, each [a-z0-9_-]{1,64}); unknown names are ignored. Omitted: every tool of the spec.', example: ['calculator', 'web_search'] });

/** The names once each, in the order given. */
export const distinctTools = (tools: ReadonlyArray<string> | undefined): ReadonlyArray<string> | null => (tools === undefined ? null : [...new Set(tools)]);

export const RunSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    sessionId: z.string().nullable(),
    runtime: RuntimeSchema,
    permissionMode: PermissionModeSchema,
    status: RunStatusSchema,
    input: z.string(),
    output: z.string().nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    totals: z.object({ inputTokens: z.number().int(), outputTokens: z.number().int(), costUsd: z.number().optional() }),
    lastSeq: z.number().int(),
    cancelRequested: z.boolean(),
    model: ModelChoiceSchema.nullable(),
    tools: z.array(z.string()).nullable().openapi({ description: 'The tool names the run could offer its model; null: every tool of the spec.' }),
    createdBy: z.string(),
    createdAt: TimestampSchema,
    startedAt: TimestampSchema.nullable(),
    endedAt: TimestampSchema.nullable(),
  })
  .openapi('Run');

export function runView(run: RunRecord): z.infer<typeof RunSchema> {
  return {
    id: run.id,
    projectId: run.projectId,
    sessionId: run.sessionId,
    runtime: run.runtime,
    permissionMode: run.permissionMode,
    status: run.status,
    input: run.input,
    output: run.output,
    error: run.error,
    totals: { ...run.totals },
    lastSeq: run.lastSeq,
    cancelRequested: run.cancelRequested,
    model: run.model,
    tools: run.tools === null ? null : [...run.tools],
    createdBy: run.createdBy,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
  };
}

export const RunEventEnvelopeSchema = z
  .object({ type: z.literal('event'), runId: z.string(), seq: z.number().int(), event: z.record(z.string(), z.unknown()) })
  .openapi('RunEventEnvelope', { description: 'One stored RunEvent (see the event protocol) with its run and sequence number.' });

export const StartRunBodySchema = z.object({ input: InputSchema, runtime: RuntimeSchema.optional(), permissionMode: PermissionModeSchema.optional(), model: ModelChoiceSchema.optional(), tools: ToolNamesSchema.optional() });
export const ListRunsQuerySchema = z.object({
  projectId: z.string().max(100).optional(),
  sessionId: z.string().max(100).optional(),
  status: RunStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000_000).optional(),
});
export const AfterQuerySchema = z.object({ after: z.coerce.number().int().min(-1).max(Number.MAX_SAFE_INTEGER).optional() });
export const EventsQuerySchema = AfterQuerySchema.extend({ limit: z.coerce.number().int().min(1).max(5000).optional() });
export const ApprovalBodySchema = z.object({ callId: z.string().min(1).max(200), approved: z.boolean() });

export const ChatSessionSchema = z
  .object({
    id: z.string(),
    projectId: z.string(),
    title: z.string(),
    runtime: RuntimeSchema,
    permissionMode: PermissionModeSchema,
    model: ModelChoiceSchema.nullable(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .openapi('ChatSession');

export function sessionView(session: ChatSessionRecord): z.infer<typeof ChatSessionSchema> {
  const { id, projectId, title, runtime, permissionMode, model, createdAt, updatedAt } = session;
  return { id, projectId, title, runtime, permissionMode, model, createdAt, updatedAt };
}

export const CreateSessionBodySchema = z.object({ projectId: z.string().min(1).max(100), permissionMode: PermissionModeSchema.optional(), model: ModelChoiceSchema.optional(), runtime: RuntimeSchema.optional() });
/** What PATCH /api/chat/sessions/:id may change; the next message runs with it. */
export const UpdateSessionBodySchema = z.strictObject({ title: z.string().trim().min(1).max(200).optional(), runtime: RuntimeSchema.optional(), permissionMode: PermissionModeSchema.optional(), model: ModelChoiceSchema.nullable().optional() });

/** What a client sends over a chat WebSocket. */
export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), text: InputSchema, tools: ToolNamesSchema.optional() }),
  z.object({ type: z.literal('approval'), callId: z.string().min(1).max(200), approved: z.boolean() }),
  z.object({ type: z.literal('resume'), runId: z.string().min(1).max(100), afterSeq: z.number().int().min(-1) }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

/** Why a chat socket message was refused: the tools rule when the tools were wrong, else the shapes it takes. */
export function clientMessageProblem(error: unknown): string {
  const toolsWrong = error instanceof z.ZodError && error.issues.some((issue) => issue.path[0] === 'tools');
  return toolsWrong ? `${TOOLS_MESSAGE}.` : 'Send JSON: {"type":"message","text","tools"?}, {"type":"approval","callId","approved"} or {"type":"resume","runId","afterSeq"}.';
}
