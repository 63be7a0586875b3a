// Turns a failed zod validation of params, query or body into an `invalid_input` error naming every field.
import { UserError } from '@agent-generator/contracts';
import type { ZodError } from 'zod';

interface HookResult {
  readonly target: string;
  readonly success: boolean;
  readonly error?: ZodError;
}

const TARGET_NOUN: Readonly<Record<string, string>> = { json: 'body', query: 'query string', param: 'path', header: 'headers', cookie: 'cookies', form: 'form' };

/** The list of problems as `path: message`, capped so a huge input cannot make a huge error. */
export function issuesOf(error: ZodError): ReadonlyArray<{ readonly path: string; readonly message: string }> {
  return error.issues.slice(0, 20).map((issue) => ({ path: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'), message: issue.message }));
}

export function validationHook(result: HookResult): void {
  if (result.success || result.error === undefined) return;
  const issues = issuesOf(result.error);
  const noun = TARGET_NOUN[result.target] ?? result.target;
  const summary = issues
    .slice(0, 3)
    .map((issue) => `${issue.path}: ${issue.message}`)
    .join('; ');
  throw new UserError('invalid_input', `The ${noun} is not valid: ${summary}${issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''}.`, { target: noun, issues });
}
