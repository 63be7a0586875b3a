// The supervisor's `delegate` tool: runs a worker agent's turn as its own step and returns its answer.
import type { AgentSpec } from '@agent-generator/contracts';
import { personaPrompt } from '../prompts';
import type { RunContext } from '../run-context';
import { runAgentTurn } from '../steps/agent-turn';
import { runStep } from '../steps/run-step';
import type { EngineTool } from '../tools/tool';

export function createDelegateTool(options: { readonly context: RunContext; readonly workers: ReadonlyArray<AgentSpec> }): EngineTool {
  const { context, workers } = options;
  const names = workers.map((worker) => worker.id);
  return {
    definition: {
      name: 'delegate',
      description: 'Hands a task to one worker agent and returns its answer.',
      parameters: {
        type: 'object',
        properties: {
          agent: { type: 'string', enum: names, description: 'The worker who should do the task' },
          task: { type: 'string', description: 'What the worker should do, with everything it needs to know' },
        },
        required: ['agent', 'task'],
        additionalProperties: false,
      },
    },
    // Delegating only starts more model work inside the run; the worker's own tools are checked one by one.
    hasSideEffects: () => false,
    async execute(args) {
      const worker = workers.find((candidate) => candidate.id === args.agent);
      if (worker === undefined) return { content: `error: there is no worker "${String(args.agent)}"; choose one of: ${names.join(', ')}`, isError: true };
      if (typeof args.task !== 'string' || args.task.trim() === '') return { content: 'error: say what the worker should do in "task"', isError: true };
      const task = args.task;
      // Worker failures (model errors, limits) end the run, so they are not caught here.
      const model = context.modelFor(worker);
      const answer = await runStep(context, { kind: 'agent', agent: worker.id, model }, (stepId) =>
        runAgentTurn({
          context,
          model,
          stepId,
          messages: [
            { role: 'system', content: personaPrompt(worker) },
            { role: 'user', content: `${task}\n\nThe user's original input: ${context.input}` },
          ],
          tools: context.toolsFor(worker),
        }),
      );
      return { content: answer, isError: false };
    },
  };
}
