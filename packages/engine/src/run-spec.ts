// The spec runtime's main loop: starts a run, runs its pattern, and ends the event stream with
// exactly one run-end or run-error, also when the caller cancels or the time limit strikes.
import { UserError, type ProjectSpec, type RunEvent } from '@agent-generator/contracts';
import { randomUUID } from 'node:crypto';
import { EventChannel } from './event-channel';
import { patternRunners } from './patterns/index';
import { createRunContext, type RunContextOptions } from './run-context';
import { describeFailure } from './run-failure';
import { timeLimitError } from './run-limits';
import { DEFAULT_LIMITS, type RunLimits, type RunSpecOptions } from './run-options';

const RUN_ID = /^[A-Za-z0-9_-]{1,128}$/;
// setTimeout fires at once for delays past 2^31 - 1 ms (about 24.8 days).
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Runs a ProjectSpec with a real model and tools; every event follows RunEventSchema. */
export async function* runSpec(options: RunSpecOptions): AsyncGenerator<RunEvent, void, undefined> {
  const runId = options.runId ?? randomUUID();
  const limits: RunLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const channel = new EventChannel({ runId, now: options.now ?? (() => new Date()) });
  const controller = new AbortController();
  const { spec } = options;
  channel.emit({ type: 'run-start', project: spec.slug, framework: spec.framework, pattern: spec.pattern, input: options.input, tools: offeredTools(spec) });

  // Cancellation and the time limit end the stream at once; the aborted work winds down behind it.
  const cancel = (): void => {
    channel.finish({ type: 'run-end', status: 'cancelled' });
    controller.abort(new Error('The run was cancelled.'));
  };
  const timer = setTimeout(() => {
    const error = timeLimitError(limits);
    channel.finish({ type: 'run-error', ...describeFailure(error) });
    controller.abort(error);
  }, Math.min(limits.timeoutMs, MAX_TIMER_MS));
  options.signal?.addEventListener('abort', cancel, { once: true });
  if (options.signal?.aborted === true) cancel();

  if (!channel.closed) {
    execute({ options, runId, limits, channel, signal: controller.signal }).then(
      (output) => channel.finish({ type: 'run-end', status: 'succeeded', output }),
      (error: unknown) => channel.finish({ type: 'run-error', ...describeFailure(error) }),
    );
  }
  try {
    yield* channel;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
    controller.abort(new Error('The run ended.'));
  }
}

/** The spec's tools that some agent uses, in the order of the spec's tools list (the person's choice is not applied). */
function offeredTools(spec: ProjectSpec): string[] {
  const used = new Set(spec.agents.flatMap((agent) => agent.tools));
  return spec.tools.flatMap((tool) => (used.has(tool.id) ? [tool.id] : []));
}

async function execute(context: RunContextOptions): Promise<string> {
  const { options, runId, limits } = context;
  if (!RUN_ID.test(runId)) throw new UserError('invalid_input', 'A run id may only contain letters, digits, "-" and "_" (at most 128).');
  if (!(limits.maxSteps > 0 && limits.maxTokens > 0 && limits.timeoutMs > 0)) throw new UserError('invalid_input', 'The step, token and time limits must be positive.');
  if (options.permissionMode === 'ask' && options.approvals === undefined) {
    throw new UserError('invalid_input', 'Ask mode needs an approvals object (createApprovals()) to answer approval requests.');
  }
  const runContext = createRunContext(context);
  return patternRunners[options.spec.pattern](runContext);
}
