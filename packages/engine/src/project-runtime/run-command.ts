// Runs a command without a shell, streams its output lines, and keeps the last ones for error messages.
import { spawn } from 'node:child_process';
import { LineSplitter } from './line-splitter';

const MAX_LINE = 4000;

export interface CommandOptions {
  readonly command: string;
  readonly args: ReadonlyArray<string>;
  readonly env: Readonly<Record<string, string>>;
  readonly cwd?: string;
  /** Each stdout and stderr line as it arrives. */
  readonly onLine?: (line: string) => void;
  readonly timeoutMs?: number;
  /** How many of the last lines to keep (default 20). */
  readonly keepLines?: number;
}

export interface CommandResult {
  /** The exit code, or undefined when a signal ended the process. */
  readonly code: number | undefined;
  readonly lastLines: ReadonlyArray<string>;
}

export function runCommand(options: CommandOptions): Promise<CommandResult> {
  const keep = options.keepLines ?? 20;
  const lastLines: string[] = [];
  return new Promise((resolve, reject) => {
    const child = spawn(options.command, [...options.args], { env: { ...options.env }, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: options.timeoutMs, killSignal: 'SIGKILL' });
    const accept = (lines: ReadonlyArray<string>): void => {
      for (const line of lines) {
        if (line.trim() === '') continue;
        lastLines.push(line);
        if (lastLines.length > keep) lastLines.shift();
        options.onLine?.(line);
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      const splitter = new LineSplitter(MAX_LINE);
      stream.on('data', (chunk: Buffer) => accept(splitter.push(chunk)));
      stream.on('end', () => accept(splitter.end()));
    }
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? undefined, lastLines }));
  });
}
