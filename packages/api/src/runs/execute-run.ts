// Executes one claimed run: its spec with the engine on the configured models (or the generated project
// itself), every event stored before it is published; Stop aborts it, Ask-mode answers arrive as
// approval-response events in the log, for either runtime.
import type { ProjectSpec, RunEvent, RunRecord, Store } from '@agent-generator/contracts';
import type { Approvals, ToolsConfig } from '@agent-generator/engine';
import type { Logger } from '../logger';
import { chatRunInput } from './run-input';
import type { RunHub } from './run-hub';
import { RunEventBatcher } from './run-event-batcher';
import { RunLog, type RunEventDraft } from './run-log';
import { runProjectRuntime, type ProjectRuntimeConfig } from './run-project-runtime';
import { engineModels, type EngineModels, type ResolvedRunModel, type ResolveRunModel } from './resolve-run-model';

export interface ExecuteRunOptions {
  readonly store: Store;
  readonly hub: RunHub;
  readonly run: RunRecord;
  readonly resolveModel: ResolveRunModel;
  /** Aborted by Stop (or the worker shutting down). */
  readonly signal: AbortSignal;
  readonly tools?: ToolsConfig | undefined;
  /** Without it, runtime 'project' runs fail with unsupported_runtime. */
  readonly projectRuntime?: ProjectRuntimeConfig | undefined;
  readonly logger: Logger;
}

export const NO_MODEL_MESSAGE = 'No model is configured. Add one in Settings → Providers.';
/** The abort reason of a worker shutting down: the run ends with a run-error, not as cancelled. */
export const WORKER_STOPPED = Symbol('worker-stopped');
const WORKER_STOPPED_EVENT: RunEventDraft = { type: 'run-error', code: 'worker_stopped', message: 'The worker executing this run was shut down before the run finished; start the run again.' };

// A project version never changes once stored, so its spec is read once per store (a chat session
// starts a run per message); the project itself is read every time for its latest version.
const MAX_KEPT_SPECS = 256;
const keptSpecs = new WeakMap<Store, Map<string, ProjectSpec>>();

async function specOf(store: Store, run: RunRecord): Promise<ProjectSpec | undefined> {
  const project = await store.projects.get(run.projectId);
  if (project === undefined) return undefined;
  const kept = keptSpecs.get(store) ?? new Map<string, ProjectSpec>();
  keptSpecs.set(store, kept);
  const key = `${project.id}@${project.latestVersion}`;
  const spec = kept.get(key) ?? (await store.projects.getVersion({ projectId: project.id, version: project.latestVersion }))?.spec;
  if (spec === undefined) return undefined;
  kept.delete(key);
  kept.set(key, spec);
  if (kept.size > MAX_KEPT_SPECS) kept.delete(kept.keys().next().value ?? key);
  return spec;
}

/** run-start carries `notices` only when there are some. */
const noticesOf = (notices: ReadonlyArray<string>): { readonly notices?: string[] } => (notices.length === 0 ? {} : { notices: [...notices] });

function startEvent(run: RunRecord, spec: ProjectSpec | undefined, notices: ReadonlyArray<string> = []): RunEventDraft {
  return { type: 'run-start', project: spec?.slug ?? run.projectId, framework: spec?.framework ?? '', pattern: spec?.pattern ?? '', input: run.input, ...noticesOf(notices) };
}

export async function executeRun(options: ExecuteRunOptions): Promise<void> {
  const { store, hub, run } = options;
  const log = new RunLog({ store, hub, runId: run.id, lastSeq: run.lastSeq });
  const spec = await specOf(store, run);
  // Choices of model passed over: in the server log, and on run-start for the person who started the run.
  const notices: string[] = [];
  const fail = (code: string, message: string) => log.append([startEvent(run, spec, notices), { type: 'run-error', code, message }]);
  if (run.lastSeq >= 0) return void (await log.append([{ type: 'run-error', code: 'interrupted', message: 'The worker running this run stopped before it finished; start it again.' }]));
  if (options.signal.aborted || run.cancelRequested) return void (await log.append([startEvent(run, spec), { type: 'run-end', status: 'cancelled' }]));
  if (spec === undefined) return void (await fail('not_found', 'The project of this run no longer exists.'));
  if (run.runtime === 'project' && options.projectRuntime === undefined) return void (await fail('unsupported_runtime', 'This process cannot run generated projects; use the spec runtime.'));
  let resolved: ResolvedRunModel | undefined;
  let models: EngineModels | undefined;
  try {
    const onFallback = (notice: string): void => {
      notices.push(notice);
      options.logger.warn({ runId: run.id }, notice);
    };
    resolved = await options.resolveModel({ store, run, spec, onFallback });
    if (run.runtime === 'spec' && resolved !== undefined) models = await engineModels(resolved, spec);
  } catch (error) {
    return void (await fail('no_model', `The configured model cannot be used: ${error instanceof Error ? error.message : String(error)}`));
  }
  if (resolved === undefined) return void (await fail('no_model', NO_MODEL_MESSAGE));
  const input = await chatRunInput(store, run);
  if (options.projectRuntime !== undefined && run.runtime === 'project') {
    // The project's own tool wrapper follows the mode and the tool choice; Ask answers reach it from the log.
    const answers = await followAnswers(options);
    try {
      return await runProjectRuntime({ store, run, log, model: resolved, config: options.projectRuntime, signal: options.signal, input, notices, approvals: answers.approvals, answered: answers.answered });
    } finally {
      await answers.stop();
    }
  }
  if (models !== undefined) await runEngine({ ...options, log, spec, models, input, notices });
}

/** Pipes the engine's events into the batcher; the end of the run waits until every one is stored. */
async function pipeEvents(options: { readonly events: AsyncIterable<RunEvent>; readonly batcher: RunEventBatcher; readonly answered: ReadonlySet<string>; readonly signal: AbortSignal; readonly userInput: string; readonly notices: ReadonlyArray<string> }): Promise<void> {
  try {
    for await (const engineEvent of options.events) {
      // The engine sees the message with the session's earlier turns; the log shows what the person sent,
      // and which model choices were passed over.
      const event = engineEvent.type === 'run-start' ? { ...engineEvent, input: options.userInput, ...noticesOf(options.notices) } : engineEvent;
      // The answer is already in the log when a person gave it; the engine's own copy would repeat it.
      if (event.type === 'approval-response' && options.answered.has(event.callId)) continue;
      const stopped = event.type === 'run-end' && event.status === 'cancelled' && options.signal.reason === WORKER_STOPPED;
      await options.batcher.add(stopped ? WORKER_STOPPED_EVENT : event);
    }
  } finally {
    await options.batcher.drained();
  }
}

interface RunAnswers {
  readonly approvals: Approvals;
  /** Call ids a person answered: the runtime's own approval-response for them would repeat the answer. */
  readonly answered: ReadonlySet<string>;
  /** Stops following the log. */
  stop(): Promise<void>;
}

/** Answers stored by whoever received them (any replica) reach the runtime through the log. Only Ask
 * mode asks, so other runs do not follow their own log a second time. */
async function followAnswers(options: Pick<ExecuteRunOptions, 'hub' | 'run' | 'logger'>): Promise<RunAnswers> {
  const { run, hub } = options;
  const { createApprovals } = await import('@agent-generator/engine');
  const approvals = createApprovals();
  const answered = new Set<string>();
  const listening = new AbortController();
  const following = (async () => {
    if (run.permissionMode !== 'ask') return;
    for await (const stored of hub.subscribe(run.id, { afterSeq: run.lastSeq, signal: listening.signal })) {
      if (stored.event.type !== 'approval-response') continue;
      answered.add(stored.event.callId);
      approvals.respond(stored.event.callId, stored.event.approved);
    }
  })().catch((error: unknown) => options.logger.warn({ runId: run.id, error: String(error) }, 'approval listener stopped'));
  return {
    approvals,
    answered,
    stop: async () => {
      listening.abort();
      await following;
    },
  };
}

async function runEngine(options: ExecuteRunOptions & { readonly log: RunLog; readonly spec: ProjectSpec; readonly models: EngineModels; readonly input: string; readonly notices: ReadonlyArray<string> }): Promise<void> {
  const { run, log } = options;
  const { runSpec } = await import('@agent-generator/engine');
  const answers = await followAnswers(options);
  const { approvals, answered } = answers;
  // A failed write stops the engine at once; the run then ends with a run-error if the store still takes one.
  const writeFailed = new AbortController();
  const batcher = new RunEventBatcher({ log, onError: (error) => writeFailed.abort(error) });
  try {
    const signal = AbortSignal.any([options.signal, writeFailed.signal]);
    const events = runSpec({ spec: options.spec, ...options.models, input: options.input, runId: run.id, permissionMode: run.permissionMode, signal, approvals, ...(options.tools ? { tools: options.tools } : {}), ...(run.tools === null ? {} : { enabledTools: run.tools }) });
    await pipeEvents({ events, batcher, answered, signal: options.signal, userInput: run.input, notices: options.notices });
  } catch (error) {
    if (!writeFailed.signal.aborted) throw error;
    options.logger.error({ runId: run.id, error: String(error) }, 'storing run events failed');
    const message = `The run's events could not be stored: ${error instanceof Error ? error.message : String(error)}`;
    // When the store takes nothing at all, the run fails outside the engine and its lease expires.
    await log.append([{ type: 'run-error', code: 'store_failed', message }]).catch(() => Promise.reject(error));
  } finally {
    await answers.stop();
  }
}
