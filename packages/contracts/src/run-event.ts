// The one streaming protocol: engine, generated projects, server and clients all speak it.
import { z } from 'zod';

const base = {
  runId: z.string().min(1),
  /** Per-run sequence number, starting at 0, without gaps. */
  seq: z.number().int().nonnegative(),
  /** ISO-8601 time the event was produced. */
  at: z.string(),
};

const UsageSchema = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  /** US dollars, from the catalog's prices; absent when the model has no known price. */
  costUsd: z.number().nonnegative().optional(),
});

export const RunEventSchema = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('run-start'),
    project: z.string(),
    framework: z.string(),
    pattern: z.string(),
    input: z.string(),
    /** Sentences for the person who started the run, e.g. a model choice that was passed over and what runs instead; plain text naming provider and model ids, never a secret. */
    notices: z.array(z.string()).optional(),
    /** The tool ids the run's spec offers its agents, before the person's choice, in the spec's order; absent from older runs and project runs. */
    tools: z.array(z.string()).optional(),
  }),
  z.object({
    ...base,
    type: z.literal('step-start'),
    stepId: z.string(),
    kind: z.enum(['agent', 'task']),
    agent: z.string().optional(),
    task: z.string().optional(),
    /** The model the step's agent runs on, as "provider/model". */
    model: z.string().optional(),
  }),
  z.object({ ...base, type: z.literal('text-delta'), stepId: z.string().optional(), delta: z.string() }),
  z.object({ ...base, type: z.literal('tool-call-start'), callId: z.string(), tool: z.string(), arguments: z.unknown(), stepId: z.string().optional() }),
  z.object({ ...base, type: z.literal('tool-call-end'), callId: z.string(), tool: z.string(), result: z.unknown(), isError: z.boolean(), durationMs: z.number().nonnegative() }),
  z.object({ ...base, type: z.literal('approval-request'), callId: z.string(), tool: z.string(), arguments: z.unknown() }),
  z.object({ ...base, type: z.literal('approval-response'), callId: z.string(), approved: z.boolean() }),
  z.object({ ...base, type: z.literal('usage'), ...UsageSchema.shape, model: z.string().optional() }),
  z.object({ ...base, type: z.literal('step-end'), stepId: z.string(), output: z.string().optional() }),
  z.object({ ...base, type: z.literal('run-end'), status: z.enum(['succeeded', 'cancelled']), output: z.string().optional() }),
  z.object({ ...base, type: z.literal('run-error'), code: z.string(), message: z.string() }),
]);
export type RunEvent = z.infer<typeof RunEventSchema>;
export type RunEventType = RunEvent['type'];

/** JSON Schema of one RunEvent line, used to validate what generated projects emit. */
export function runEventJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(RunEventSchema) as Record<string, unknown>;
}
