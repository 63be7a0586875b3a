// Permission modes: what a tool call may do without asking, by mode and by the call's side effects.
import type { PermissionMode } from './run-options';

export type PermissionDecision = 'allow' | 'deny' | 'ask';

export function decidePermission(mode: PermissionMode, hasSideEffects: boolean): PermissionDecision {
  if (!hasSideEffects) return 'allow';
  switch (mode) {
    case 'safe':
      return 'deny';
    case 'dev':
      return 'allow';
    case 'ask':
      return 'ask';
    default:
      return assertNever(mode);
  }
}

function assertNever(value: never): never {
  throw new Error(`unknown permission mode ${String(value)}`);
}
