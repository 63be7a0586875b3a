// A generated project's virtual environment, created on demand and cached by content: built once in a
// staging folder and renamed into place, shared by every caller (in this process and others) that needs it.
import { OperationalError, UserError, type FileTree } from '@agent-generator/contracts';
import { randomUUID } from 'node:crypto';
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipEnv } from './child-env';
import { projectRequirements } from './project-files';
import { runCommand } from './run-command';
import { pythonVersion, venvKey } from './venv-key';

const READY = '.ready';
const PIP_TIMEOUT_MS = 30 * 60 * 1000;
const REQUIREMENT = /^[A-Za-z0-9]/;
const UNSATISFIABLE = /No matching distribution|Could not find a version|Invalid requirement|ResolutionImpossible|conflicting dependencies/i;

export interface EnsureProjectVenvOptions {
  readonly files: FileTree;
  /** Folder holding one venv per key. */
  readonly cacheDir: string;
  /** The interpreter to build venvs with (default `python3`). */
  readonly python?: string;
  /** Stops waiting; an install already under way still finishes for the cache. */
  readonly signal?: AbortSignal;
  /** pip's output, line by line. */
  readonly onProgress?: (line: string) => void;
}

export interface ProjectVenv {
  readonly dir: string;
  /** The venv's interpreter: run the project with `<python> -m <package>`. */
  readonly python: string;
}

interface Install {
  readonly done: Promise<void>;
  readonly listeners: Set<(line: string) => void>;
}

const installs = new Map<string, Install>();

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

function pipFailure(code: number | undefined, lastLines: ReadonlyArray<string>): Error {
  // Index URLs may carry credentials (https://user:token@host/simple).
  const tail = lastLines.slice(-8).join('\n').replace(/\/\/[^\s/@]+@/g, '//***@');
  const message = `Installing the project's dependencies failed (pip exited with ${code === undefined ? 'a signal' : String(code)}):\n${tail}`;
  return UNSATISFIABLE.test(tail)
    ? new UserError('invalid_input', `${message}\nFix the requirement in pyproject.toml or regenerate the project.`)
    : new OperationalError('unavailable', `${message}\nCheck the network or package index and try again.`);
}

async function build(options: { dir: string; python: string; requirements: ReadonlyArray<string>; progress: (line: string) => void }): Promise<void> {
  const { dir, python, requirements, progress } = options;
  const staging = `${dir}.tmp-${process.pid}-${randomUUID().slice(0, 8)}`;
  try {
    await mkdir(dirname(dir), { recursive: true });
    const env = pipEnv();
    const created = await runCommand({ command: python, args: ['-m', 'venv', ...(requirements.length === 0 ? ['--without-pip'] : []), staging], env, onLine: progress });
    if (created.code !== 0) throw new OperationalError('unavailable', `Creating a Python virtual environment failed:\n${created.lastLines.slice(-5).join('\n')}`);
    if (requirements.length > 0) {
      const args = ['-m', 'pip', 'install', '--no-input', '--progress-bar', 'off', '--', ...requirements];
      const installed = await runCommand({ command: join(staging, 'bin', 'python'), args, env, onLine: progress, timeoutMs: PIP_TIMEOUT_MS });
      if (installed.code !== 0) throw pipFailure(installed.code, installed.lastLines);
    }
    await writeFile(join(staging, READY), '');
    await rename(staging, dir).catch(async () => {
      if (await exists(join(dir, READY))) return; // another process finished the same venv first
      await rm(dir, { recursive: true, force: true }); // an incomplete leftover
      await rename(staging, dir);
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

function waitFor(install: Install, options: EnsureProjectVenvOptions): Promise<void> {
  const { onProgress, signal } = options;
  if (onProgress !== undefined) install.listeners.add(onProgress);
  return new Promise<void>((resolve, reject) => {
    const stop = (): void => reject(signal?.reason instanceof Error ? signal.reason : new Error('The run was cancelled.'));
    if (signal?.aborted === true) return stop();
    signal?.addEventListener('abort', stop, { once: true });
    install.done.then(resolve, reject).finally(() => {
      signal?.removeEventListener('abort', stop);
      if (onProgress !== undefined) install.listeners.delete(onProgress);
    });
  });
}

/** The project's requirements and where their venv lives (it may not exist yet). */
async function venvFor(options: Pick<EnsureProjectVenvOptions, 'files' | 'cacheDir' | 'python'>): Promise<{ readonly requirements: ReadonlyArray<string>; readonly python: string; readonly venv: ProjectVenv }> {
  const requirements = projectRequirements(options.files);
  const invalid = requirements.find((requirement) => !REQUIREMENT.test(requirement));
  if (invalid !== undefined) throw new UserError('invalid_input', `pyproject.toml lists ${JSON.stringify(invalid)}, which is not a requirement; dependencies must be package requirements, not pip options.`);
  const python = options.python ?? 'python3';
  const dir = join(options.cacheDir, venvKey(await pythonVersion(python), requirements));
  return { requirements, python, venv: { dir, python: join(dir, 'bin', 'python') } };
}

/** Whether the project's venv is built already, so a run can start without installing anything. */
export async function projectVenvReady(options: Pick<EnsureProjectVenvOptions, 'files' | 'cacheDir' | 'python'>): Promise<boolean> {
  const { venv } = await venvFor(options);
  return exists(join(venv.dir, READY));
}

/** Returns the venv for the project's `[project].dependencies`, installing them from the package index once per content key. */
export async function ensureProjectVenv(options: EnsureProjectVenvOptions): Promise<ProjectVenv> {
  const { requirements, python, venv } = await venvFor(options);
  const { dir } = venv;
  if (await exists(join(dir, READY))) return venv;
  let install = installs.get(dir);
  if (install === undefined) {
    const listeners = new Set<(line: string) => void>();
    const done = build({ dir, python, requirements, progress: (line) => listeners.forEach((listener) => listener(line)) }).finally(() => installs.delete(dir));
    install = { done, listeners };
    installs.set(dir, install);
  }
  await waitFor(install, options);
  return venv;
}
