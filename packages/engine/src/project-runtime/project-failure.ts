// Turns what stopped a project run into the code and message of its run-error, free of the API key.
import { OperationalError, UserError } from '@agent-generator/contracts';
import type { ProjectExit } from './project-process';
import type { Redactor } from './redact';

export interface ProjectFailure {
  readonly code: string;
  readonly message: string;
}

/** The project process ended without a run-end or run-error of its own. */
export function exitFailure(exit: ProjectExit, redact: Redactor): ProjectFailure {
  const how = exit.code !== undefined ? `exited with code ${exit.code}` : exit.signal !== undefined ? `was ended by ${exit.signal}` : 'did not start';
  const tail = exit.stderrTail.length === 0 ? '' : `\nLast output:\n${exit.stderrTail.join('\n')}`;
  return { code: 'project_failed', message: redact(`The project ${how} before reporting a result.${tail}`) };
}

/** Something failed before or around the project process: bad files, pip, Python missing, or a bug of ours. */
export function runtimeFailure(error: unknown, redact: Redactor): ProjectFailure {
  if (error instanceof UserError || error instanceof OperationalError) return { code: error.code, message: redact(error.message) };
  const detail = error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : String(error);
  return { code: 'internal', message: redact(`The project runtime failed unexpectedly (${detail}). This is a bug; please report it.`) };
}

export function timeLimitFailure(timeoutMs: number): ProjectFailure {
  const seconds = Number((timeoutMs / 1000).toFixed(1));
  return { code: 'limit_exceeded', message: `The project took longer than its time limit of ${seconds} s and was stopped. Raise the time limit or simplify the task.` };
}
