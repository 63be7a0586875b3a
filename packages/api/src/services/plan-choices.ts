// Turns a (partial) selection from a request into the planner's explicit choices.
import type { PlanChoices } from '@agent-generator/core';
import type { Selection } from '@agent-generator/contracts';

/** A selection as requests send it: every field optional (parsed JSON may carry `undefined`). */
export type SelectionInput = { readonly [Key in keyof Selection]?: Selection[Key] | undefined };

export function planChoicesOf(selection: SelectionInput | undefined, name: string | undefined): PlanChoices {
  return {
    framework: selection?.framework,
    pattern: selection?.pattern,
    hyperscaler: selection?.hyperscaler,
    provider: selection?.provider,
    model: selection?.model,
    tools: selection?.tools,
    name,
  };
}
