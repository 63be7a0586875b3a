// The run's sandbox folder: every file path a tool receives is resolved inside it or refused.
import { constants } from 'node:fs';
import { lstat, mkdir, open, realpath, type FileHandle } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { ToolError } from './tool';

export class Sandbox {
  constructor(readonly root: string) {}

  /** Opens an existing file for reading; refuses paths (or symlinks) that lead outside the sandbox. */
  async openForReading(path: string): Promise<FileHandle> {
    const target = await this.#resolve(path);
    let real: string;
    try {
      real = await realpath(target);
    } catch {
      throw new ToolError(`no file "${path}" in the workspace`);
    }
    await this.#assertInside(real, path);
    try {
      return await open(real, constants.O_RDONLY);
    } catch (error) {
      throw new ToolError(`cannot read "${path}": ${errorCode(error)}`);
    }
  }

  /** Opens a file for writing, creating folders inside the sandbox; never writes through a symlink. */
  async openForWriting(path: string, options: { readonly append: boolean }): Promise<FileHandle> {
    const target = await this.#resolve(path);
    await this.#assertInside(await realpath(await existingAncestor(dirname(target))), path);
    await mkdir(dirname(target), { recursive: true });
    await this.#assertInside(await realpath(dirname(target)), path);
    const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW | (options.append ? constants.O_APPEND : constants.O_TRUNC);
    try {
      return await open(target, flags, 0o644);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ELOOP') throw new ToolError(`"${path}" is a symbolic link; writing through links is not allowed`);
      throw new ToolError(`cannot write "${path}": ${code}`);
    }
  }

  async #resolve(path: string): Promise<string> {
    if (path.trim() === '' || path.includes('\0')) throw new ToolError('the path is empty or contains a NUL character');
    if (isAbsolute(path) || /^[A-Za-z]:/.test(path) || path.startsWith('\\')) throw new ToolError(`"${path}" is absolute; use a path relative to the workspace`);
    if (path.split(/[\\/]/).includes('..')) throw new ToolError(`"${path}" contains ".."; paths must stay inside the workspace`);
    await mkdir(this.root, { recursive: true });
    return join(await realpath(this.root), path);
  }

  async #assertInside(real: string, path: string): Promise<void> {
    const root = await realpath(this.root);
    const offset = relative(root, real);
    if (offset === '' || (!offset.startsWith(`..${sep}`) && offset !== '..' && !isAbsolute(offset))) return;
    throw new ToolError(`"${path}" leads outside the workspace`);
  }
}

async function existingAncestor(path: string): Promise<string> {
  for (let current = path; ; current = dirname(current)) {
    try {
      await lstat(current);
      return current;
    } catch {
      if (dirname(current) === current) return current;
    }
  }
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'error';
}
