// Supervisor: a manager agent hands work to the other agents through a `delegate` tool and writes
// the final answer. The manager is the first agent allowed to delegate, else a built-in supervisor.
import type { AgentSpec } from '@agent-generator/contracts';
import { personaPrompt, requestText } from '../prompts';
import { runAgentTurn } from '../steps/agent-turn';
import { runStep } from '../steps/run-step';
import type { EngineTool } from '../tools/tool';
import { createDelegateTool } from './delegate-tool';
import type { PatternRunner } from './pattern-runner';

export const SUPERVISOR_ID = 'supervisor';

export const runSupervisor: PatternRunner = (context) => {
  const manager = context.spec.agents.find((agent) => agent.allowDelegation);
  const others = context.spec.agents.filter((agent) => agent !== manager);
  const workers = others.length > 0 ? others : context.spec.agents;
  const managerId = manager?.id ?? SUPERVISOR_ID;
  const tools = new Map<string, EngineTool>(manager === undefined ? [] : context.toolsFor(manager));
  tools.set('delegate', createDelegateTool({ context, workers }));
  const model = manager === undefined ? context.model : context.modelFor(manager);
  return runStep(context, { kind: 'agent', agent: managerId, model }, (stepId) =>
    runAgentTurn({
      context,
      model,
      stepId,
      messages: [
        { role: 'system', content: supervisorPrompt(manager, workers) },
        { role: 'user', content: requestText(context.spec, context.input) },
      ],
      tools,
    }),
  );
};

function supervisorPrompt(manager: AgentSpec | undefined, workers: ReadonlyArray<AgentSpec>): string {
  const persona = manager === undefined ? 'You are the supervisor of this team.' : personaPrompt(manager);
  const team = workers.map((worker) => `- ${worker.id}: ${worker.role} (goal: ${worker.goal})`).join('\n');
  return `${persona}\n\nYou lead these workers:\n${team}\n\nFor each task, call the delegate tool with the worker that fits it and everything it needs from earlier answers. When every task is done, write the final answer from the workers' results.`;
}
