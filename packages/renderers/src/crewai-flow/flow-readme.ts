// The README overview and layout rows of a CrewAI Flow project.
import type { ProjectSpec } from '@agent-generator/contracts';
import { LIVE_EVENTS_NOTE } from '../crewai/crewai-readme';
import { crewaiNotes } from '../crewai/model-notes';
import { supervisorAgentId } from './supervisor-py';

type FlowPattern = 'sequential' | 'graph' | 'supervisor' | 'react';

const HOW: Record<FlowPattern, string> = {
  sequential:
    'Each task is a step: the first is `@start()`, every other `@listen`s to the step before it, so the tasks run in order. A step runs its agent (`Agent.kickoff_async`) on the task and on the outputs of the tasks in its `context`.',
  graph:
    'Each task is a node: tasks without `context` are `@start()` steps and run in parallel; a task with context `@listen`s to those steps (`and_(...)` when there are several), so the edges follow the `context` lists. Every step writes its output into the typed state, where later steps read it.',
  supervisor:
    "Supervisor is an adapter here: a `@router` step asks a supervisor agent which of the ready tasks (those whose context has finished) runs next and routes to that task's step; each step, when done, triggers the router again, until every task has run. The supervisor is the spec's delegating agent if there is one, else a built-in supervisor on the same model; a reply that names no ready task picks the first in `config/tasks.yaml`.",
  react:
    "ReAct is an adapter here: one step runs the lead agent (the agent of the first task) in CrewAI's reason → act → observe loop over the whole plan, acting with its tools or by delegating a step to a coworker (a one-task crew gives it CrewAI's delegation tools); `AGENT_MAX_STEPS` (the agent's `max_iter`) bounds the loop. A `@router` then checks that an answer came back.",
};

function supervisorLine(spec: ProjectSpec, pattern: FlowPattern): string {
  if (pattern !== 'supervisor') return '';
  const id = supervisorAgentId(spec);
  return id ? ` Here the supervisor is \`${id}\`.` : '';
}

export function flowReadme(spec: ProjectSpec, pattern: FlowPattern, packageName: string): { overview: string; layout: Array<{ path: string; purpose: string }> } {
  const source = `src/${packageName}`;
  const patternFile =
    pattern === 'supervisor'
      ? [{ path: `${source}/supervisor.py`, purpose: 'the supervisor agent and how its choice is read' }]
      : pattern === 'react'
        ? [{ path: `${source}/react.py`, purpose: "the lead agent's loop over the plan" }]
        : [];
  const overview = `## How it works

This is a CrewAI Flow: \`flow.py\` holds a \`Flow\` subclass with a typed (pydantic) state — the inputs, every finished task's output, the order tasks finished in and the answer — and its steps are wired with \`@start\`, \`@listen\` and \`@router\`. The agents' and tasks' texts live in \`config/agents.yaml\` and \`config/tasks.yaml\`.

${HOW[pattern]}${supervisorLine(spec, pattern)}

**Inputs.** \`{name}\` in the YAML texts is replaced with the run's input of that name; any other \`{...}\` (a JSON example, a template) is kept as written. Inputs a task's text does not mention are listed under its request.

**Tools.** \`tools/crewai_tools.py\` wraps each plain tool function as a CrewAI tool (name = tool id, description = the function's docstring).

**Memory.** Flows create a LanceDB memory by default; this project switches that off (\`_skip_auto_memory\`), so nothing is stored between runs.

${LIVE_EVENTS_NOTE}

${crewaiNotes(spec, 'crewai-flow')}`;
  return {
    overview,
    layout: [
      { path: `${source}/main.py`, purpose: '`run(inputs)`: kicks off the flow and returns the answer; `kickoff(inputs)` returns the finished flow' },
      { path: `${source}/flow.py`, purpose: 'the `Flow` class, its state and its steps' },
      { path: `${source}/agents.py`, purpose: 'builds the agents and each task’s request from the YAML' },
      ...patternFile,
      { path: `${source}/config/agents.yaml`, purpose: 'role, goal and backstory of each agent' },
      { path: `${source}/config/tasks.yaml`, purpose: 'description, expected output, agent and context of each task' },
      { path: `${source}/llm.py`, purpose: 'the CrewAI model client for `MODEL_PROVIDER`' },
      { path: `${source}/crewai_events.py`, purpose: "CrewAI's events as live run events (`--events`)" },
      { path: `${source}/tools/crewai_tools.py`, purpose: 'the tool functions as CrewAI tools' },
      { path: 'tests/test_crewai_flow.py', purpose: 'runs the flow against the fake model and checks the pattern' },
    ],
  };
}
