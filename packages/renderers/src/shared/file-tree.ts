// Builds a FileTree: checks every path is relative POSIX without `..`, refuses duplicates, sorts.
import type { FileTree, GeneratedFile } from '@agent-generator/contracts';

const SEGMENT = /^[A-Za-z0-9_.@+-][A-Za-z0-9_.@+ -]*$/;

/** Throws when `path` is not a clean relative POSIX path (no leading `/`, `\`, `.` or `..` segments). */
export function assertRelativePath(path: string): void {
  const segments = path.split('/');
  const valid = path.length > 0 && path.length <= 240 && segments.every((segment) => segment !== '.' && segment !== '..' && SEGMENT.test(segment));
  if (!valid) throw new Error(`invalid generated file path "${path}": use a relative POSIX path without "..", "." or empty segments`);
}

function comparePaths(left: GeneratedFile, right: GeneratedFile): number {
  if (left.path === right.path) return 0;
  return left.path < right.path ? -1 : 1;
}

/** Merges groups of files into one tree sorted by path; a path that appears twice is an error. */
export function buildFileTree(groups: ReadonlyArray<ReadonlyArray<GeneratedFile>>): FileTree {
  const seen = new Set<string>();
  const files: GeneratedFile[] = [];
  for (const file of groups.flat()) {
    assertRelativePath(file.path);
    if (seen.has(file.path)) throw new Error(`duplicate generated file path "${file.path}"`);
    seen.add(file.path);
    files.push(file);
  }
  return files.sort(comparePaths);
}
