// Cached Python virtual environments for running generated projects with their real dependencies.
// Venvs live outside the repository, keyed by a hash of the requirements, so a warm machine reuses
// them and a fresh one builds them once.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseToml } from 'smol-toml';

const run = promisify(execFile);

export function cacheRoot(): string {
  return process.env.AGENT_GENERATOR_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'agent-generator');
}

/** Dependencies of a generated project: `[project].dependencies` plus its `test` extra. */
export function projectRequirements(projectDir: string): string[] {
  const pyproject = parseToml(readFileSync(join(projectDir, 'pyproject.toml'), 'utf8')) as {
    project?: { dependencies?: string[]; 'optional-dependencies'?: Record<string, string[]> };
  };
  const base = pyproject.project?.dependencies ?? [];
  const test = pyproject.project?.['optional-dependencies']?.test ?? [];
  return [...base, ...test];
}

/** Returns a venv with exactly these requirements installed, creating it once per content hash. */
export async function ensureVenv(requirements: ReadonlyArray<string>): Promise<string> {
  const python = process.env.PYTHON ?? 'python3';
  const { stdout: version } = await run(python, ['-c', 'import sys; print(sys.version.split()[0])']);
  const key = createHash('sha256').update(`${version.trim()}\n${[...requirements].sort().join('\n')}`).digest('hex').slice(0, 16);
  const dir = join(cacheRoot(), 'venvs', key);
  if (existsSync(join(dir, '.ready'))) return dir;
  mkdirSync(join(cacheRoot(), 'venvs'), { recursive: true });
  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  await run(python, ['-m', 'venv', staging]);
  await run(join(staging, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', ...requirements], {
    maxBuffer: 64 * 1024 * 1024,
    timeout: 30 * 60 * 1000,
  });
  // venvs hard-code their path in scripts, so rebuild console scripts' shebangs by re-running
  // `python -m venv --upgrade` after the move; python -m <tool> works regardless.
  try {
    renameSync(staging, dir);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another process won the race
    return dir;
  }
  await run(python, ['-m', 'venv', '--upgrade', dir]);
  await run(join(dir, 'bin', 'python'), ['-c', `open(${JSON.stringify(join(dir, '.ready'))}, 'w').close()`]);
  return dir;
}

export interface PythonRun {
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `python -m <args>` inside a venv with the project's `src` on the path. */
export async function runInVenv(options: { venv: string; cwd: string; args: ReadonlyArray<string>; env?: Record<string, string> }): Promise<PythonRun> {
  const env = { ...process.env, PYTHONPATH: join(options.cwd, 'src'), PYTHONDONTWRITEBYTECODE: '1', ...options.env };
  return run(join(options.venv, 'bin', 'python'), ['-m', ...options.args], { cwd: options.cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: 15 * 60 * 1000 });
}
