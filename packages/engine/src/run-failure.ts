// Turns whatever stopped a run into the code and message of its `run-error` event.
import { OperationalError, UserError } from '@agent-generator/contracts';
import { LimitExceededError } from './run-limits';

export interface RunFailure {
  readonly code: string;
  readonly message: string;
}

export function describeFailure(error: unknown): RunFailure {
  if (error instanceof LimitExceededError) return { code: error.code, message: error.message };
  // The model port promises messages a person understands (what failed, what to do) and free of secrets.
  if (error instanceof OperationalError) return { code: error.code, message: error.message };
  if (error instanceof UserError) return { code: error.code, message: error.message };
  const name = error instanceof Error ? error.name : typeof error;
  const detail = error instanceof Error ? `: ${error.message.slice(0, 300)}` : '';
  return { code: 'internal', message: `The run failed unexpectedly (${name}${detail}). This is a bug in the spec runtime; please report it.` };
}
