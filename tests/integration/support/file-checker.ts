// A long-lived Python process that parses generated files (ast, PyYAML, tomllib, json) and reports
// syntax errors or user text that became code. One process serves thousands of projects.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { FileTree } from '@agent-generator/contracts';
import { ensureVenv } from './python-venv';

export interface FileChecker {
  check(files: FileTree, canary?: string): Promise<string[]>;
  close(): void;
}

export async function startFileChecker(): Promise<FileChecker> {
  const venv = await ensureVenv(['pyyaml>=6,<7']);
  const child: ChildProcessWithoutNullStreams = spawn(join(venv, 'bin', 'python'), [join(import.meta.dirname, 'check_files.py')], { stdio: 'pipe' });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let queue = Promise.resolve<unknown>(undefined);
  return {
    check(files, canary = '') {
      const result = queue.then(async () => {
        child.stdin.write(`${JSON.stringify({ files: files.map(({ path, content }) => ({ path, content })), canary })}\n`);
        const next = await lines.next();
        if (next.done) throw new Error(`file checker exited: ${stderr}`);
        return (JSON.parse(next.value) as { errors: string[] }).errors;
      });
      queue = result.catch(() => undefined);
      return result;
    },
    close() {
      child.stdin.end();
      child.kill();
    },
  };
}
