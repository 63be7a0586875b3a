// ReAct: one agent reasons, acts through tools, observes the results and repeats until it answers.
import type { AgentSpec } from '@agent-generator/contracts';
import { personaPrompt, requestText } from '../prompts';
import { runAgentTurn } from '../steps/agent-turn';
import { runStep } from '../steps/run-step';
import type { PatternRunner } from './pattern-runner';

const REACT_RULES = [
  'Work in a loop: think about what you still need, call one of your tools to get it, read the result, and think again.',
  'When you have everything, answer with the final result and call no tool.',
].join('\n');

export const runReact: PatternRunner = (context) => {
  const { spec } = context;
  // The agent of the first task leads; it works with every tool the team has.
  const lead = context.agent(spec.tasks[0]?.agent ?? spec.agents[0]?.id ?? '');
  const agent: AgentSpec = { ...lead, tools: [...new Set(spec.agents.flatMap((member) => member.tools))] };
  const model = context.modelFor(lead);
  return runStep(context, { kind: 'agent', agent: agent.id, model }, (stepId) =>
    runAgentTurn({
      context,
      model,
      stepId,
      messages: [
        { role: 'system', content: `${personaPrompt(agent)}\n\n${REACT_RULES}` },
        { role: 'user', content: requestText(spec, context.input) },
      ],
      tools: context.toolsFor(agent),
    }),
  );
};
