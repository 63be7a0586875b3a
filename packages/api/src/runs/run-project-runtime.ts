// Runtime 'project': the project's latest stored version runs itself (its venv cached under the
// configured directory) on the run's model, following the run's permission mode and tool choice, and
// the events it prints go to the run's log.
import type { RunRecord, Store } from '@agent-generator/contracts';
import type { Approvals } from '@agent-generator/engine';
import type { ResolvedRunModel } from './resolve-run-model';
import type { RunEventDraft, RunLog } from './run-log';

type StartDraft = Extract<RunEventDraft, { type: 'run-start' }>;

export interface ProjectRuntimeConfig {
  /** Where project venvs are cached, keyed by their requirements (DATA_DIR/venvs on the server). */
  readonly venvCacheDir: string;
  /** Wall-clock limit of one project process (default 10 minutes; the venv install is not counted). */
  readonly timeoutMs?: number;
  /** The interpreter venvs are built with (default python3). */
  readonly python?: string;
}

const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;

export interface ProjectRuntimeRun {
  readonly store: Store;
  readonly run: RunRecord;
  readonly log: RunLog;
  readonly model: ResolvedRunModel;
  readonly config: ProjectRuntimeConfig;
  readonly signal: AbortSignal;
  readonly input: string;
  /** Model choices passed over; the project's own run-start carries them to the person, as the engine's does. */
  readonly notices: ReadonlyArray<string>;
  /** Where Ask mode's answers, followed from the run's log, arrive. */
  readonly approvals: Approvals;
  /** Call ids a person answered (their approval-response is in the log already). */
  readonly answered: ReadonlySet<string>;
}

export async function runProjectRuntime(options: ProjectRuntimeRun): Promise<void> {
  const { store, run, log, config } = options;
  // The server's notices first, then the runtime's own (a first run installs the project's packages).
  const withNotices = <Start extends { readonly notices?: string[] | undefined }>(start: Start): Start => (options.notices.length === 0 ? start : { ...start, notices: [...options.notices, ...(start.notices ?? [])] });
  const project = await store.projects.get(run.projectId);
  const files = project && (await store.projects.readFiles({ projectId: project.id, version: project.latestVersion }));
  if (files === undefined) return void (await log.append([withNotices<StartDraft>({ type: 'run-start', project: run.projectId, framework: '', pattern: '', input: run.input }), { type: 'run-error', code: 'not_found', message: 'The files of this project no longer exist.' }]));
  const { runProject } = await import('@agent-generator/engine');
  const controls = { permissionMode: run.permissionMode, approvals: options.approvals, ...(run.tools === null ? {} : { enabledTools: run.tools }) };
  const events = runProject({ files, input: options.input, model: await options.model.projectModel(), runId: run.id, venvCacheDir: config.venvCacheDir, signal: options.signal, timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS, ...controls, ...(config.python === undefined ? {} : { python: config.python }) });
  for await (const event of events) {
    // The answer is already in the log when a person gave it; the runtime's own copy would repeat it.
    if (event.type === 'approval-response' && options.answered.has(event.callId)) continue;
    await log.append([event.type === 'run-start' ? withNotices(event) : event]);
  }
}
