// What the runs and chat routes accept and answer, and the WebSocket messages in both directions.
import { textField, type ChatSessionRecord, type RunRecord } from '@agent-generator/contracts';
import { z } from '@hono/zod-openapi';
import { TimestampSchema } from '../schemas/common.schemas';

export const PermissionModeSchema = z.enum(['safe', 'dev', 'ask']);
export const RuntimeSchema = z.enum(['spec', 'project']);
export const RunStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
const ModelChoiceSchema = z.object({ provider: z.string().min(1).max(64), id: z.string().min(1).max(200) });
const InputSchema = textField(100_000).pipe(z.string().min(1, 'a message of at least one character'));

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
    createdBy: run.createdBy,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
  };
}

export const RunEventEnvelopeSchema = z
  .object({ type: z.literal('event'), runId: z.string(), seq: z.number().int(), event: z.record(z.string(), z.unknown()) })
  .openapi('RunEventEnvelope', { description: 'One stored RunEvent (see the event protocol) with its run and sequence number.' });

export const StartRunBodySchema = z.object({ input: InputSchema, runtime: RuntimeSchema.optional(), permissionMode: PermissionModeSchema.optional(), model: ModelChoiceSchema.optional() });
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
export const UpdateSessionBodySchema = z.strictObject({ title: z.string().trim().min(1).max(200).optional(), permissionMode: PermissionModeSchema.optional(), model: ModelChoiceSchema.nullable().optional() });

/** What a client sends over a chat WebSocket. */
export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), text: InputSchema }),
  z.object({ type: z.literal('approval'), callId: z.string().min(1).max(200), approved: z.boolean() }),
  z.object({ type: z.literal('resume'), runId: z.string().min(1).max(100), afterSeq: z.number().int().min(-1) }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;
