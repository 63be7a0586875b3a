// The content key of a project's venv: the Python version and the sorted requirement list.
import { OperationalError } from '@agent-generator/contracts';
import { createHash } from 'node:crypto';
import { runCommand } from './run-command';
import { childEnv } from './child-env';

const versions = new Map<string, Promise<string>>();

async function readVersion(python: string): Promise<string> {
  const failure = (): OperationalError =>
    new OperationalError('unavailable', `Python was not found or did not start (${JSON.stringify(python)}). Install Python 3.10 or newer, or point the server at it.`);
  const result = await runCommand({ command: python, args: ['-c', 'import sys; print(sys.version.split()[0])'], env: childEnv({}), timeoutMs: 30_000 }).catch(() => {
    throw failure();
  });
  const version = result.lastLines.at(-1)?.trim() ?? '';
  if (result.code !== 0 || !/^\d+\.\d+\.\d+/.test(version)) throw failure();
  return version;
}

/** The interpreter's version, asked once per interpreter per process. */
export function pythonVersion(python: string): Promise<string> {
  let version = versions.get(python);
  if (version === undefined) {
    version = readVersion(python);
    versions.set(python, version);
    version.catch(() => versions.delete(python));
  }
  return version;
}

export function venvKey(version: string, requirements: ReadonlyArray<string>): string {
  return createHash('sha256').update(`${version}\n${[...requirements].sort().join('\n')}`).digest('hex').slice(0, 16);
}
