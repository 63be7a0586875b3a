// Wraps one agent or task step in its step-start and step-end events; step-start names the model.
import type { AgentModel } from '@agent-generator/contracts';
import type { RunContext } from '../run-context';

export interface StepLabel {
  readonly kind: 'agent' | 'task';
  readonly agent: string;
  readonly task?: string;
  /** The model the step's agent runs on. */
  readonly model: AgentModel;
}

/** "provider/model", as step-start names it. */
const modelName = (model: AgentModel): string => `${model.provider}/${model.modelId}`;

export async function runStep(context: RunContext, label: StepLabel, body: (stepId: string) => Promise<string>): Promise<string> {
  const stepId = context.nextStepId();
  const { model, ...names } = label;
  context.emit({ type: 'step-start', stepId, ...names, model: modelName(model) });
  const output = await body(stepId);
  context.emit({ type: 'step-end', stepId, output });
  return output;
}
