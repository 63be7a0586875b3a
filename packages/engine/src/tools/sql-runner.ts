// Runs one SQL statement against a SQLite file in a child process, with a time limit and cancellation.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { SQL_CHILD_SOURCE } from './sql-child-source';
import { ToolError } from './tool';

const SqlAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rows'), columns: z.array(z.string()), rows: z.array(z.array(z.unknown())), more: z.boolean() }),
  z.object({ kind: z.literal('changes'), changes: z.number() }),
  z.object({ kind: z.literal('refused') }),
  z.object({ kind: z.literal('error'), message: z.string() }),
]);
export type SqlAnswer = z.infer<typeof SqlAnswerSchema>;

export interface SqlJob {
  readonly databasePath: string;
  readonly readonly: boolean;
  readonly query: string;
  readonly maxRows: number;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
}

const driverPath = (): string => createRequire(import.meta.url).resolve('better-sqlite3');

export function runSql(job: SqlJob): Promise<SqlAnswer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', SQL_CHILD_SOURCE], { stdio: ['pipe', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    const stop = (error: Error): void => {
      child.kill('SIGKILL');
      reject(error);
    };
    const timer = setTimeout(() => stop(new ToolError(`the query ran longer than ${job.timeoutMs / 1000} s and was stopped`)), job.timeoutMs);
    const onAbort = (): void => stop(job.signal.reason instanceof Error ? job.signal.reason : new Error('aborted'));
    job.signal.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', (error) => stop(new ToolError(`could not start the SQL runner: ${error.message}`)));
    child.on('close', () => {
      clearTimeout(timer);
      job.signal.removeEventListener('abort', onAbort);
      const parsed = SqlAnswerSchema.safeParse(safeJson(Buffer.concat(output).toString('utf8')));
      if (parsed.success) resolve(parsed.data);
      else reject(new ToolError('the SQL runner stopped without an answer'));
    });
    child.stdin.end(JSON.stringify({ driverPath: driverPath(), databasePath: job.databasePath, readonly: job.readonly, query: job.query, maxRows: job.maxRows }));
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
