// The generated project as a child process: no shell, stdout as lines, stdin for approval answers, the
// end of stderr kept for error messages, and a stop that sends SIGTERM, then SIGKILL when it lingers.
import { spawn } from 'node:child_process';
import { LineSplitter } from './line-splitter';

const KILL_AFTER_MS = 2000;
// The project clips long texts in events at 16,000 characters; anything far past that is not an event line.
const MAX_STDOUT_LINE = 4 * 1024 * 1024;
const STDERR_LINES = 12;
const STDERR_LINE_LENGTH = 500;

export interface ProjectProcessOptions {
  readonly python: string;
  readonly args: ReadonlyArray<string>;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  readonly onStdoutLine: (line: string) => void;
  /** Keep stdin open for `writeLine` (Ask mode); otherwise the project reads the end of it at once. */
  readonly keepInput?: boolean;
}

export interface ProjectExit {
  readonly code: number | undefined;
  readonly signal: string | undefined;
  /** The last lines the project wrote to stderr (or why it could not start). */
  readonly stderrTail: ReadonlyArray<string>;
}

export interface ProjectProcess {
  readonly exited: Promise<ProjectExit>;
  /** Writes one line to the project's stdin; ignored once stdin is closed or the project has exited. */
  writeLine(line: string): void;
  /** Ends stdin, then SIGTERM now, SIGKILL after 2 s if still running; safe to call more than once. */
  stop(): void;
}

export function startProjectProcess(options: ProjectProcessOptions): ProjectProcess {
  const child = spawn(options.python, [...options.args], { cwd: options.cwd, env: { ...options.env }, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const tail: string[] = [];
  const stdout = new LineSplitter(MAX_STDOUT_LINE);
  const stderr = new LineSplitter(64 * 1024);
  const keep = (lines: ReadonlyArray<string>): void => {
    for (const line of lines) {
      if (line.trim() === '') continue;
      tail.push(line.length > STDERR_LINE_LENGTH ? `${line.slice(0, STDERR_LINE_LENGTH)}…` : line);
      if (tail.length > STDERR_LINES) tail.shift();
    }
  };
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk).forEach(options.onStdoutLine));
  child.stdout.on('end', () => stdout.end().forEach(options.onStdoutLine));
  child.stderr.on('data', (chunk: Buffer) => keep(stderr.push(chunk)));
  child.stderr.on('end', () => keep(stderr.end()));
  // A project that exits (or closes stdin) before an answer arrives makes the write fail: nothing to do.
  child.stdin.on('error', () => undefined);
  // The project reads the end of its stdin once the run no longer answers (or never will).
  const closeInput = (): void => {
    if (!child.stdin.writableEnded) child.stdin.end();
  };
  const writeLine = (line: string): void => {
    if (!child.stdin.writableEnded && !child.stdin.destroyed) child.stdin.write(`${line}\n`);
  };
  if (options.keepInput !== true) closeInput();

  let killTimer: NodeJS.Timeout | undefined;
  // The project leads its own process group, so a stop also reaches anything it started.
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      child.kill(signal); // the group is gone already
    }
  };
  const exited = new Promise<ProjectExit>((resolve) => {
    child.once('error', (error) => {
      tail.push(`could not start ${options.python}: ${error.message}`);
      resolve({ code: undefined, signal: undefined, stderrTail: tail });
    });
    child.once('close', (code, signal) => {
      clearTimeout(killTimer);
      closeInput();
      resolve({ code: code ?? undefined, signal: signal ?? undefined, stderrTail: tail });
    });
  });
  const stop = (): void => {
    closeInput();
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null || killTimer !== undefined) return;
    signalGroup('SIGTERM');
    killTimer = setTimeout(() => signalGroup('SIGKILL'), KILL_AFTER_MS);
  };
  return { exited, stop, writeLine };
}
