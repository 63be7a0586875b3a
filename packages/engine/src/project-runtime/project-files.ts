// Reads what the runtime needs from a generated project's files (package, requirements, metadata)
// and writes them to a directory, refusing any path that could escape it.
import { UserError, type FileTree } from '@agent-generator/contracts';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse as parseToml } from 'smol-toml';

const SEGMENT = /^[A-Za-z0-9_.@+ -]+$/;
const PACKAGE_MAIN = /^src\/([A-Za-z_][A-Za-z0-9_]*)\/__main__\.py$/;

export interface ProjectMetadata {
  readonly project: string;
  readonly framework: string;
  readonly pattern: string;
}

/** A relative POSIX path with plain segments: no absolute paths, `..`, `.`, empty parts or control characters. */
export function isSafePath(path: string): boolean {
  if (path.length === 0 || path.length > 500) return false;
  return path.split('/').every((segment) => SEGMENT.test(segment) && segment !== '.' && segment !== '..');
}

/** The Python package `python -m` runs: the one `src/<pkg>/__main__.py`. */
export function packageName(files: FileTree): string {
  const names = files.map((file) => PACKAGE_MAIN.exec(file.path)?.[1]).filter((name): name is string => name !== undefined);
  const [name] = names;
  if (name === undefined || names.length > 1) {
    throw new UserError('invalid_input', 'The project needs exactly one src/<package>/__main__.py to run; regenerate it or add the command line module.');
  }
  return name;
}

function fileText(files: FileTree, path: string): string | undefined {
  return files.find((file) => file.path === path)?.content;
}

/** `[project].dependencies` of pyproject.toml: what the project needs at run time. */
export function projectRequirements(files: FileTree): string[] {
  const text = fileText(files, 'pyproject.toml');
  if (text === undefined) throw new UserError('invalid_input', 'The project has no pyproject.toml, so its dependencies are unknown; regenerate it.');
  let parsed: unknown;
  try {
    parsed = parseToml(text);
  } catch (error) {
    throw new UserError('invalid_input', `pyproject.toml is not valid TOML (${error instanceof Error ? error.message.split('\n')[0] : 'parse error'}); fix or regenerate it.`);
  }
  const dependencies = (parsed as { project?: { dependencies?: unknown } }).project?.dependencies ?? [];
  if (!Array.isArray(dependencies) || !dependencies.every((item): item is string => typeof item === 'string')) {
    throw new UserError('invalid_input', 'pyproject.toml: [project].dependencies must be a list of requirement strings.');
  }
  return dependencies.map((item) => item.trim()).filter((item) => item !== '');
}

function pythonConstant(source: string, name: string): string | undefined {
  const match = new RegExp(`^${name} = ("(?:[^"\\\\]|\\\\.)*")$`, 'm').exec(source);
  if (match?.[1] === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(match[1]);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Project, framework and pattern as the project's events.py declares them (for events the runtime adds itself). */
export function projectMetadata(files: FileTree, name: string): ProjectMetadata {
  const source = fileText(files, `src/${name}/events.py`) ?? '';
  return {
    project: pythonConstant(source, 'PROJECT') ?? name.replaceAll('_', '-'),
    framework: pythonConstant(source, 'FRAMEWORK') ?? 'unknown',
    pattern: pythonConstant(source, 'PATTERN') ?? 'unknown',
  };
}

/** Writes every file under `root`; throws a UserError naming the first unsafe path. */
export async function writeProjectFiles(files: FileTree, root: string): Promise<void> {
  const unsafe = files.find((file) => !isSafePath(file.path));
  if (unsafe !== undefined) throw new UserError('invalid_input', `The project file path ${JSON.stringify(unsafe.path.slice(0, 200))} is not a plain relative path; remove or rename it.`);
  for (const file of files) {
    const target = join(root, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content, { flag: 'wx' });
    if (file.executable === true) await chmod(target, 0o755);
  }
}
