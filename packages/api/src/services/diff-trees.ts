// The difference between two versions' file trees: added, removed and modified files with patches.
import type { FileTree } from '@agent-generator/contracts';
import { z } from '@hono/zod-openapi';
import { diffLines } from './diff-lines';

export const FileDiffSchema = z
  .object({
    path: z.string(),
    status: z.enum(['added', 'removed', 'modified']),
    additions: z.number().int(),
    deletions: z.number().int(),
    /** Unified diff with `--- a/…` and `+++ b/…` headers. */
    patch: z.string(),
  })
  .openapi('FileDiff');

export const DiffSchema = z.object({ from: z.number().int(), to: z.number().int(), files: z.array(FileDiffSchema) }).openapi('Diff');

export type FileDiff = z.infer<typeof FileDiffSchema>;

export function diffTrees(before: FileTree, after: FileTree): FileDiff[] {
  const oldFiles = new Map(before.map((file) => [file.path, file.content]));
  const newFiles = new Map(after.map((file) => [file.path, file.content]));
  const paths = [...new Set([...oldFiles.keys(), ...newFiles.keys()])].sort();
  const changes: FileDiff[] = [];
  for (const path of paths) {
    const oldContent = oldFiles.get(path);
    const newContent = newFiles.get(path);
    if (oldContent === newContent) continue;
    const status = oldContent === undefined ? 'added' : newContent === undefined ? 'removed' : 'modified';
    const { patch, additions, deletions } = diffLines(oldContent ?? '', newContent ?? '');
    const header = `--- ${oldContent === undefined ? '/dev/null' : `a/${path}`}\n+++ ${newContent === undefined ? '/dev/null' : `b/${path}`}\n`;
    changes.push({ path, status, additions, deletions, patch: `${header}${patch}` });
  }
  return changes;
}
