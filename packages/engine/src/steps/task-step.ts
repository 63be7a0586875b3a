// A task step: the task's agent works on it, with the outputs of the tasks it depends on.
import type { TaskSpec } from '@agent-generator/contracts';
import { personaPrompt, taskPrompt, type TaskContextEntry } from '../prompts';
import type { RunContext } from '../run-context';
import { runAgentTurn } from './agent-turn';
import { runStep } from './run-step';

export function runTaskStep(options: { readonly context: RunContext; readonly task: TaskSpec; readonly taskContext: ReadonlyArray<TaskContextEntry> }): Promise<string> {
  const { context, task } = options;
  const agent = context.agent(task.agent);
  const model = context.modelFor(agent);
  return runStep(context, { kind: 'task', agent: agent.id, task: task.id, model }, (stepId) =>
    runAgentTurn({
      context,
      model,
      stepId,
      messages: [
        { role: 'system', content: personaPrompt(agent) },
        { role: 'user', content: taskPrompt({ task, input: context.input, context: options.taskContext }) },
      ],
      tools: context.toolsFor(agent),
    }),
  );
}
