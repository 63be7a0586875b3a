// Wraps one agent or task step in its step-start and step-end events.
import type { RunContext } from '../run-context';

export interface StepLabel {
  readonly kind: 'agent' | 'task';
  readonly agent: string;
  readonly task?: string;
}

export async function runStep(context: RunContext, label: StepLabel, body: (stepId: string) => Promise<string>): Promise<string> {
  const stepId = context.nextStepId();
  context.emit({ type: 'step-start', stepId, ...label });
  const output = await body(stepId);
  context.emit({ type: 'step-end', stepId, output });
  return output;
}
