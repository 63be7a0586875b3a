// The README overview and layout rows of a CrewAI project.
import type { ProjectSpec } from '@agent-generator/contracts';
import type { CrewPlan } from './crew-plan';
import { crewaiNotes } from './model-notes';

const HOW: Record<CrewPlan['pattern'], string> = {
  sequential:
    'The crew runs with `Process.sequential`: the tasks in `config/tasks.yaml` run in order, each by its agent, and each receives the outputs of the tasks listed in its `context` (a task with `context: []` starts fresh).',
  supervisor:
    "The crew runs with `Process.hierarchical`: a manager receives every task and delegates it to a worker agent with CrewAI's delegation tools, then reviews the result. CrewAI lets the manager delegate a task only to the agent `config/tasks.yaml` assigns it to; a task without an agent may go to any worker.",
  react:
    "ReAct is an adapter here: CrewAI has no ReAct process, but every CrewAI agent already works in a reason → act → observe loop. The crew has one task (`react_objective` in `config/tasks.yaml`) whose steps are the spec's tasks; the lead agent works through them, acting with its tools or by delegating a step to a coworker, and `AGENT_MAX_STEPS` (the agent's `max_iter`) bounds the loop, after which CrewAI asks for a final answer.",
};

/** Which CrewAI hooks produce which live events (README line; the file itself is crewai_events.py). */
export const LIVE_EVENTS_NOTE =
  "**Live events.** With `run --events`, `crewai_events.py` adds a sink for CrewAI's own events to the run's context (nothing is registered process-wide): task started/completed become task steps, flow methods that run a task become task steps, agent execution started/completed (crew agents and `Agent.kickoff`) become agent steps inside them, each LLM call's reported usage becomes a `usage` event, and the model streams during such a run, so its text chunks arrive as `text-delta` in the step of the agent that asked. Tool calls come from the tool wrapper, inside the calling agent's step. Without `--events` the model does not stream and nothing is translated.";

const MEMORY_NOTE =
  "**Memory.** The spec asks for memory, but the crew starts without it: CrewAI's memory needs an embedding model (OpenAI's by default). To use it, pass `memory=True` and an `embedder` to the `Crew` in `crew.py`.";

function managerLine(plan: CrewPlan): string {
  if (plan.pattern !== 'supervisor') return '';
  return plan.manager
    ? ` The manager is the spec's delegating agent \`${plan.manager.member}\` (CrewAI's \`manager_agent\`; managers get no tools of their own).`
    : " No agent is marked as delegating, so CrewAI's built-in manager runs on the same model (`manager_llm`).";
}

export function crewaiReadme(spec: ProjectSpec, plan: CrewPlan, packageName: string): { overview: string; layout: Array<{ path: string; purpose: string }> } {
  const overview = `## How it works

This project follows CrewAI's own layout: a \`@CrewBase\` class in \`crew.py\` with one \`@agent\` method per agent and one \`@task\` method per task, whose texts live in \`config/agents.yaml\` and \`config/tasks.yaml\`.

${HOW[plan.pattern]}${managerLine(plan)}

**Inputs.** CrewAI replaces \`{name}\` in the YAML texts with the run's inputs. A \`{...}\` in the texts that is not an input (a JSON example, a template) is kept as written: \`main.py\` lists those names in \`LITERAL_PLACEHOLDERS\`, each mapped to itself, because CrewAI stops at any name it has no value for.

**Tools.** \`tools/crewai_tools.py\` wraps each plain tool function as a CrewAI tool (name = tool id, description = the function's docstring), so the agents call the same code the tool tests check.

${LIVE_EVENTS_NOTE}

${crewaiNotes(spec, 'crewai')}${spec.memory.enabled ? `\n\n${MEMORY_NOTE}` : ''}`;
  const source = `src/${packageName}`;
  return {
    overview,
    layout: [
      { path: `${source}/main.py`, purpose: '`run(inputs)`: kicks off the crew and returns the final answer' },
      { path: `${source}/crew.py`, purpose: 'the `@CrewBase` crew: agents, tasks and process' },
      { path: `${source}/config/agents.yaml`, purpose: 'role, goal and backstory of each agent' },
      { path: `${source}/config/tasks.yaml`, purpose: 'description, expected output, agent and context of each task' },
      { path: `${source}/llm.py`, purpose: 'the CrewAI model client for `MODEL_PROVIDER`' },
      { path: `${source}/crewai_events.py`, purpose: "CrewAI's events as live run events (`--events`)" },
      { path: `${source}/tools/crewai_tools.py`, purpose: 'the tool functions as CrewAI tools' },
      { path: 'tests/test_crewai.py', purpose: 'runs the crew against the fake model and checks the pattern' },
    ],
  };
}
