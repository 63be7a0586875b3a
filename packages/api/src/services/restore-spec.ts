// A spec from a request: validated and migrated by the contracts' restoreProjectSpec, or a clear 400.
import { restoreProjectSpec, UserError, type ProjectSpec } from '@agent-generator/contracts';

export function issuesOfSpec(issues: ReadonlyArray<{ readonly path: ReadonlyArray<PropertyKey>; readonly message: string }>): ReadonlyArray<{ readonly path: string; readonly message: string }> {
  return issues.slice(0, 20).map((issue) => ({ path: issue.path.length === 0 ? '(spec)' : issue.path.map(String).join('.'), message: issue.message }));
}

export function restoreSpecOrThrow(input: unknown): ProjectSpec {
  const result = restoreProjectSpec(input);
  if (result.ok) return result.spec;
  const first = result.issues[0];
  const summary = first ? `${first.path}: ${first.message}` : 'it is not a ProjectSpec';
  throw new UserError('invalid_input', `The spec is not valid: ${summary}${result.issues.length > 1 ? ` (and ${result.issues.length - 1} more)` : ''}.`, {
    field: 'spec',
    issues: result.issues.slice(0, 20),
  });
}
