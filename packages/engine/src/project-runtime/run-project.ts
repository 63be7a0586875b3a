// The project runtime: runs a generated Python project itself (in its cached venv) with live events
// on, and relays the RunEvents it prints as one well-formed stream under the caller's run id.
import { RunEventSchema, UserError, type FileTree, type RunEvent } from '@agent-generator/contracts';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Approvals } from '../approvals';
import type { PermissionMode } from '../run-options';
import { childEnv } from './child-env';
import { ensureProjectVenv, projectVenvReady } from './ensure-project-venv';
import { modelEnv, type ProjectModel } from './model-env';
import { packageName, projectMetadata, writeProjectFiles } from './project-files';
import { projectApprovals } from './project-approvals';
import { exitFailure, runtimeFailure, timeLimitFailure } from './project-failure';
import { startProjectProcess } from './project-process';
import { createRedactor, type Redactor } from './redact';
import { RelayChannel } from './relay-channel';

const RUN_ID = /^[A-Za-z0-9_-]{1,128}$/;
const INPUT_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
// One command-line argument may not exceed 128 KiB on Linux; stay well below it.
const MAX_INPUT_LENGTH = 100_000;
const MAX_TIMER_MS = 2 ** 31 - 1;
const DEFAULT_APPROVAL_TIMEOUT_MS = 120_000;

export interface RunProjectOptions {
  readonly files: FileTree;
  /** Text for the project's first input (`run TEXT`). */
  readonly input: string;
  /** Further inputs by name (`--input name=value`). */
  readonly inputs?: Readonly<Record<string, string>>;
  readonly model: ProjectModel;
  readonly runId: string;
  readonly venvCacheDir: string;
  readonly signal?: AbortSignal;
  /** Wall-clock limit of the project process (the venv install is not counted). */
  readonly timeoutMs: number;
  /** The interpreter venvs are built with (default `python3`). */
  readonly python?: string;
  /** pip's output while the venv is being created. */
  readonly onProgress?: (line: string) => void;
  readonly now?: () => Date;
  /** AGENT_PERMISSION_MODE for the project's tool wrapper; absent = dev (every tool runs, as outside our runtime). */
  readonly permissionMode?: PermissionMode;
  /** AGENT_ENABLED_TOOLS: the tool ids the person left on; absent = all. */
  readonly enabledTools?: ReadonlyArray<string>;
  /** Where Ask mode's answers arrive; without it every approval request is refused. */
  readonly approvals?: Approvals;
  /** How long an approval request waits before it counts as refused (default 120 s). */
  readonly approvalTimeoutMs?: number;
}

function commandArguments(pkg: string, options: RunProjectOptions): string[] {
  const pairs = Object.entries(options.inputs ?? {});
  const badName = pairs.find(([name]) => !INPUT_NAME.test(name));
  if (badName !== undefined) throw new UserError('invalid_input', `Input names are identifiers (letters, digits, "_"); got ${JSON.stringify(badName[0].slice(0, 80))}.`);
  const total = options.input.length + pairs.reduce((sum, [name, value]) => sum + name.length + value.length, 0);
  if (total > MAX_INPUT_LENGTH) throw new UserError('payload_too_large', `The input is too long for a project run (at most ${MAX_INPUT_LENGTH} characters); shorten it.`);
  // `--` ends the options, so text that starts with "-" is still the text.
  return ['-m', pkg, 'run', '--events', ...pairs.flatMap(([name, value]) => ['--input', `${name}=${value}`]), '--', options.input];
}

/** run-start's notice when the project's packages must be installed before it can run. */
export const INSTALL_NOTICE = "The project's Python packages are being installed (the first run with these dependencies only); that can take a few minutes. Later runs reuse them.";

interface Execution {
  readonly options: RunProjectOptions;
  readonly channel: RelayChannel;
  readonly redact: Redactor;
  /** Registers how to stop the running process (replaced once it starts). */
  readonly onStop: (stop: () => void) => void;
}

/** The tool wrapper's controls (events.py's instrument_tool): only those the caller set. */
function permissionEnv(options: RunProjectOptions): Record<string, string> {
  return {
    ...(options.permissionMode === undefined ? {} : { AGENT_PERMISSION_MODE: options.permissionMode }),
    ...(options.enabledTools === undefined ? {} : { AGENT_ENABLED_TOOLS: options.enabledTools.join(',') }),
  };
}

function relayLine(line: string, channel: RelayChannel, onEvent: (event: RunEvent) => void): void {
  if (!line.startsWith('{')) return;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return;
  }
  const parsed = RunEventSchema.safeParse(value);
  if (!parsed.success) return;
  channel.relay(parsed.data);
  onEvent(parsed.data);
}

async function execute(context: Execution, pkg: string): Promise<void> {
  const { options, channel, redact } = context;
  const args = commandArguments(pkg, options);
  const dir = await mkdtemp(join(tmpdir(), 'ag-project-run-'));
  // Ends waiting approval requests when the run is over, however it ended.
  const ended = new AbortController();
  try {
    await writeProjectFiles(options.files, dir);
    await mkdir(join(dir, 'workspace'), { recursive: true });
    // Installing can take minutes: the run starts at once and says why nothing else happens yet.
    if (!(await projectVenvReady({ files: options.files, cacheDir: options.venvCacheDir, ...(options.python === undefined ? {} : { python: options.python }) }))) channel.begin([INSTALL_NOTICE]);
    const venv = await ensureProjectVenv({ files: options.files, cacheDir: options.venvCacheDir, ...(options.python === undefined ? {} : { python: options.python }), ...(options.signal === undefined ? {} : { signal: options.signal }), ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }) });
    if (channel.finished) return;
    const env = childEnv({ ...modelEnv(options.model), ...permissionEnv(options), WORKSPACE_DIR: join(dir, 'workspace'), PYTHONPATH: join(dir, 'src'), PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1', PYTHONIOENCODING: 'utf-8' });
    const asking = options.permissionMode === 'ask' && options.approvals !== undefined;
    // Answers go to the child's stdin; the first request can only come once the child runs.
    const answer = projectApprovals({ channel, runId: options.runId, permissionMode: options.permissionMode ?? 'dev', approvals: options.approvals, timeoutMs: options.approvalTimeoutMs ?? DEFAULT_APPROVAL_TIMEOUT_MS, signal: ended.signal, now: options.now ?? (() => new Date()), writeLine: (line) => child.writeLine(line) });
    const child = startProjectProcess({ python: venv.python, args, cwd: dir, env, keepInput: asking, onStdoutLine: (line) => relayLine(line, channel, answer) });
    context.onStop(child.stop);
    const timer = setTimeout(() => {
      channel.finish({ type: 'run-error', ...timeLimitFailure(options.timeoutMs) });
      child.stop();
    }, Math.min(options.timeoutMs, MAX_TIMER_MS));
    const exit = await child.exited.finally(() => clearTimeout(timer));
    channel.finish({ type: 'run-error', ...exitFailure(exit, redact) });
  } finally {
    ended.abort();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs the project once with `input`; yields its events as they come, ending with exactly one run-end or run-error. */
export async function* runProject(options: RunProjectOptions): AsyncGenerator<RunEvent, void, undefined> {
  const redact = createRedactor(options.model.apiKey);
  let pkg: string | undefined;
  let startError: unknown;
  try {
    pkg = packageName(options.files);
  } catch (error) {
    startError = error;
  }
  const metadata = projectMetadata(options.files, pkg ?? 'project');
  const channel = new RelayChannel({ runId: options.runId, redact, now: options.now ?? (() => new Date()), start: () => ({ type: 'run-start', ...metadata, input: options.input }) });
  let stop = (): void => undefined;
  const cancel = (): void => {
    channel.finish({ type: 'run-end', status: 'cancelled' });
    stop();
  };
  options.signal?.addEventListener('abort', cancel, { once: true });
  if (options.signal?.aborted === true) cancel();
  if (!RUN_ID.test(options.runId)) startError ??= new UserError('invalid_input', 'A run id may only contain letters, digits, "-" and "_" (at most 128).');
  if (!(options.timeoutMs > 0)) startError ??= new UserError('invalid_input', 'The time limit must be positive.');

  let running: Promise<void> = Promise.resolve();
  if (startError !== undefined || pkg === undefined) channel.finish({ type: 'run-error', ...runtimeFailure(startError, redact) });
  else if (!channel.finished) {
    const fail = (error: unknown): void => channel.finish({ type: 'run-error', ...runtimeFailure(error, redact) });
    running = execute({ options, channel, redact, onStop: (next) => (stop = next) }, pkg).catch(fail);
  }
  try {
    yield* channel;
  } finally {
    options.signal?.removeEventListener('abort', cancel);
    stop(); // the consumer stopped listening early, or the run is over (a no-op then)
    await running;
  }
}
