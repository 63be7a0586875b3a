// Writes a generated file tree to a directory or a zip file, refusing to clobber work.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import type { FileTree } from '@agent-generator/contracts';
import { CliError } from './cli-error';

export interface FileSummary {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

export function summarise(files: FileTree): FileSummary[] {
  return files.map((file) => {
    const bytes = Buffer.from(file.content, 'utf8');
    return { path: file.path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
}

export function writeDirectory(options: { files: FileTree; directory: string; force: boolean }): void {
  const root = resolve(options.directory);
  if (existsSync(root)) {
    if (!statSync(root).isDirectory()) throw new CliError(`--out ${options.directory} is a file; choose a directory.`);
    if (readdirSync(root).length > 0 && !options.force) {
      throw new CliError(`${options.directory} is not empty. Choose another --out directory or pass --force to overwrite files in it.`);
    }
  }
  for (const file of options.files) {
    const target = join(root, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    if (file.executable) chmodSync(target, 0o755);
  }
}

// A fixed timestamp keeps archives byte-for-byte reproducible.
const ZIP_TIME = new Date('2020-01-01T00:00:00Z');

export function zipBytes(files: FileTree, prefix: string): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date; attrs?: number }]> = {};
  for (const file of files) {
    const mode = file.executable ? 0o755 : 0o644;
    entries[`${prefix}/${file.path}`] = [Buffer.from(file.content, 'utf8'), { mtime: ZIP_TIME, attrs: (0o100000 | mode) << 16 }];
  }
  return zipSync(entries, { level: 6 });
}

export function writeZip(options: { files: FileTree; file: string; prefix: string; force: boolean }): void {
  const target = resolve(options.file);
  if (existsSync(target) && !options.force) throw new CliError(`${options.file} exists. Choose another --zip file or pass --force.`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, zipBytes(options.files, options.prefix));
}
