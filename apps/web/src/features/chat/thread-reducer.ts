// Folds a chat's RunEvents into what the thread shows: per run, the user's message, the agents' text,
// tool-call cards, approvals, usage and times. Pure; every number comes from an event.
import type { RunEvent } from '@agent-generator/contracts';

export interface ToolCallCard {
  readonly kind: 'tool';
  readonly callId: string;
  readonly tool: string;
  readonly arguments: unknown;
  readonly stepId: string | undefined;
  readonly startedAt: string;
  readonly result?: unknown;
  readonly isError?: boolean;
  readonly durationMs?: number;
  /** Set in Ask mode: waiting for the user, or their answer. */
  readonly approval?: 'pending' | 'approved' | 'refused';
}

export interface TextBlock {
  readonly kind: 'text';
  readonly id: string;
  readonly stepId: string | undefined;
  /** The agent that wrote it, from its step-start. */
  readonly agent: string | undefined;
  /** The model that agent ran on ("provider/model"), from its step-start. */
  readonly model: string | undefined;
  readonly text: string;
}

export type AssistantItem = TextBlock | ToolCallCard;
export type RunPhase = 'running' | 'succeeded' | 'cancelled' | 'failed';

export interface Usage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number;
  /** Model calls whose usage came without a price: the cost is then a lower bound. */
  readonly unpriced: number;
  readonly model: string | undefined;
}

export interface RunThread {
  readonly runId: string;
  readonly input: string | undefined;
  readonly phase: RunPhase;
  readonly items: ReadonlyArray<AssistantItem>;
  readonly usage: Usage;
  readonly startedAt: string | undefined;
  readonly endedAt: string | undefined;
  readonly output: string | undefined;
  readonly error: { readonly code: string; readonly message: string } | undefined;
  /** What run-start told about the run's model choice (a choice passed over, and what ran instead). */
  readonly notices: ReadonlyArray<string>;
  /** The tools the run's spec offered, from run-start; undefined for runs from before it said so. */
  readonly specTools: ReadonlyArray<string> | undefined;
  readonly steps: Readonly<Record<string, StepInfo>>;
  /** The last seq folded in; -1 before the first. */
  readonly lastSeq: number;
  /** Events that arrived ahead of a missing seq, folded in once it arrives. */
  readonly waiting: Readonly<Record<number, RunEvent>>;
}

export interface StepInfo {
  readonly agent: string | undefined;
  readonly task: string | undefined;
  readonly model: string | undefined;
}

export interface ThreadState {
  /** Run ids in the order they appeared. */
  readonly order: ReadonlyArray<string>;
  readonly runs: Readonly<Record<string, RunThread>>;
}

export const emptyThread: ThreadState = { order: [], runs: {} };
const NO_USAGE: Usage = { inputTokens: 0, outputTokens: 0, costUsd: 0, unpriced: 0, model: undefined };

function newRun(runId: string): RunThread {
  return { runId, input: undefined, phase: 'running', items: [], usage: NO_USAGE, startedAt: undefined, endedAt: undefined, output: undefined, error: undefined, notices: [], specTools: undefined, steps: {}, lastSeq: -1, waiting: {} };
}

function updateTool(items: ReadonlyArray<AssistantItem>, event: { readonly callId: string; readonly tool: string; readonly at: string }, change: (card: ToolCallCard) => ToolCallCard): ReadonlyArray<AssistantItem> {
  const index = items.findIndex((item) => item.kind === 'tool' && item.callId === event.callId);
  if (index === -1) return [...items, change({ kind: 'tool', callId: event.callId, tool: event.tool, arguments: undefined, stepId: undefined, startedAt: event.at })];
  return items.map((item, position) => (position === index && item.kind === 'tool' ? change(item) : item));
}

function appendText(run: RunThread, event: Extract<RunEvent, { type: 'text-delta' }>): ReadonlyArray<AssistantItem> {
  const last = run.items.at(-1);
  if (last?.kind === 'text' && last.stepId === event.stepId) return [...run.items.slice(0, -1), { ...last, text: last.text + event.delta }];
  const step = event.stepId === undefined ? undefined : run.steps[event.stepId];
  return [...run.items, { kind: 'text', id: `${run.runId}:${event.seq}`, stepId: event.stepId, agent: step?.agent, model: step?.model, text: event.delta }];
}

/** One event applied to one run, in seq order. */
export function applyEvent(run: RunThread, event: RunEvent): RunThread {
  switch (event.type) {
    case 'run-start':
      return { ...run, input: event.input, startedAt: event.at, notices: event.notices ?? [], specTools: event.tools };
    case 'step-start':
      return { ...run, steps: { ...run.steps, [event.stepId]: { agent: event.agent, task: event.task, model: event.model } } };
    case 'text-delta':
      return { ...run, items: appendText(run, event) };
    case 'tool-call-start':
      return { ...run, items: updateTool(run.items, event, (card) => ({ ...card, arguments: event.arguments, stepId: event.stepId, startedAt: event.at })) };
    case 'tool-call-end':
      return { ...run, items: updateTool(run.items, event, (card) => ({ ...card, result: event.result, isError: event.isError, durationMs: event.durationMs })) };
    case 'approval-request':
      return { ...run, items: updateTool(run.items, event, (card) => ({ ...card, arguments: card.arguments ?? event.arguments, approval: card.approval ?? 'pending' })) };
    case 'approval-response':
      return { ...run, items: updateTool(run.items, { ...event, tool: '' }, (card) => ({ ...card, approval: event.approved ? 'approved' : 'refused' })) };
    case 'usage': {
      const usage = run.usage;
      return {
        ...run,
        usage: {
          inputTokens: usage.inputTokens + event.inputTokens,
          outputTokens: usage.outputTokens + event.outputTokens,
          costUsd: usage.costUsd + (event.costUsd ?? 0),
          unpriced: usage.unpriced + (event.costUsd === undefined ? 1 : 0),
          model: event.model ?? usage.model,
        },
      };
    }
    case 'step-end':
      return run;
    case 'run-end':
      return { ...run, phase: event.status, output: event.output, endedAt: event.at };
    case 'run-error':
      return { ...run, phase: 'failed', error: { code: event.code, message: event.message }, endedAt: event.at };
  }
}

/** Folds one event of any run: duplicates and already-seen seqs are ignored, early ones wait for the gap to close. */
export function threadReducer(state: ThreadState, event: RunEvent): ThreadState {
  const existing = state.runs[event.runId];
  let run = existing ?? newRun(event.runId);
  if (event.seq <= run.lastSeq || run.waiting[event.seq] !== undefined) return state;
  if (event.seq > run.lastSeq + 1) return withRun(state, { ...run, waiting: { ...run.waiting, [event.seq]: event } });
  run = { ...applyEvent(run, event), lastSeq: event.seq };
  for (let next = run.waiting[run.lastSeq + 1]; next !== undefined; next = run.waiting[run.lastSeq + 1]) {
    const waiting = Object.fromEntries(Object.entries(run.waiting).filter(([seq]) => Number(seq) !== next.seq));
    run = { ...applyEvent(run, next), lastSeq: next.seq, waiting };
  }
  return withRun(state, run);
}

function withRun(state: ThreadState, run: RunThread): ThreadState {
  const known = state.runs[run.runId] !== undefined;
  return { order: known ? state.order : [...state.order, run.runId], runs: { ...state.runs, [run.runId]: run } };
}

/** Folds a list of events (e.g. a stored log) into a state. */
export function foldEvents(events: ReadonlyArray<RunEvent>, state: ThreadState = emptyThread): ThreadState {
  return events.reduce(threadReducer, state);
}

export function runsOf(state: ThreadState): ReadonlyArray<RunThread> {
  return state.order.flatMap((runId) => state.runs[runId] ?? []);
}

/** Usage summed over every run of the thread. */
export function totalUsage(state: ThreadState): Usage {
  return runsOf(state).reduce<Usage>(
    (sum, run) => ({
      inputTokens: sum.inputTokens + run.usage.inputTokens,
      outputTokens: sum.outputTokens + run.usage.outputTokens,
      costUsd: sum.costUsd + run.usage.costUsd,
      unpriced: sum.unpriced + run.usage.unpriced,
      model: run.usage.model ?? sum.model,
    }),
    NO_USAGE,
  );
}

/** The models a run's agents ran on, once each, in the order their steps started. */
export function runModels(run: RunThread): ReadonlyArray<string> {
  return [...new Set(Object.values(run.steps).flatMap((step) => (step.model === undefined ? [] : [step.model])))];
}

/** The newest tool calls first, across runs. */
export function recentToolCalls(state: ThreadState, limit: number): ReadonlyArray<ToolCallCard> {
  return runsOf(state)
    .flatMap((run) => run.items.filter((item): item is ToolCallCard => item.kind === 'tool'))
    .reverse()
    .slice(0, limit);
}

/** Milliseconds a run took, or has taken until `now` while it runs; undefined before run-start. */
export function elapsedMs(run: RunThread, now: number): number | undefined {
  if (run.startedAt === undefined) return undefined;
  const end = run.endedAt === undefined ? now : Date.parse(run.endedAt);
  return Math.max(0, end - Date.parse(run.startedAt));
}
