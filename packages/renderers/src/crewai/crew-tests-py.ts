// tests/test_crewai.py: runs the real crew against the FakeLLM and checks what the pattern promises.
import type { ProjectSpec } from '@agent-generator/contracts';
import { pyString } from '../shared/escape';
import type { CrewPlan } from './crew-plan';
import { REACT_TASK } from './crew-plan';
import type { EventAgent } from './live-events-tests-py';
import { LIVE_EVENTS_HELPERS, liveEventsImports, reactEventsTest, sequentialEventsTest, supervisorEventsTest } from './live-events-tests-py';
import { pyList, pyStringDict } from './python-literals';
import { testPreamblePy } from './test-preamble-py';

function sequentialTests(plan: CrewPlan, usesTools: boolean): string {
  return `
EXPECTED_ORDER = ${pyList(plan.tasks.map((task) => task.key))}


def answer_each_task(body: dict[str, Any]) -> dict[str, Any] | None:
    """Lets the autopilot call an offered tool first, then answers with a text naming the task."""
    if wants_tool(body):
        return None
    return final(answer(task_of(body) or "unknown"))


def test_tasks_run_in_order_and_receive_only_their_context(fake_llm: FakeLLM, tool_calls: list[tuple[str, str]]) -> None:
    fake_llm.script = answer_each_task
    result = run(dict(INPUTS))

    order: list[str] = []
    for body in fake_llm.requests:
        task_id = task_of(body)
        assert task_id is not None, "a model request that belongs to no task"
        if not order or order[-1] != task_id:
            order.append(task_id)
    assert order == EXPECTED_ORDER

    for task_id, task in TASKS.items():
        prompt = conversation(next(body for body in fake_llm.requests if task_of(body) == task_id))
        for other in TASKS:
            if other in (task.get("context") or []):
                assert answer(other) in prompt, f"{task_id} did not receive the output of {other}"
            elif other != task_id:
                assert answer(other) not in prompt, f"{task_id} received {other}, which is not in its context"
    assert answer(EXPECTED_ORDER[-1]) in result

${TEXTS_TEST}${usesTools ? TOOL_TEST : ''}`;
}

/** Every task text reaches the model with only the inputs filled in. */
export const TEXTS_TEST = `

def test_task_texts_reach_the_model_as_written(fake_llm: FakeLLM) -> None:
    """Only inputs are filled in; any other {name} in the YAML (JSON, templates) stays literal."""
    run(dict(INPUTS))
    seen = "\\n".join(conversation(body) for body in fake_llm.requests)
    for task_id, task in TASKS.items():
        assert fill(task["description"]) in seen, f"the description of {task_id} was changed"
        assert fill(task["expected_output"]) in seen, f"the expected output of {task_id} was changed"
`;

/** A tool call reaches the real function and its result goes back to the model. */
export const TOOL_TEST = `

def test_tool_results_go_back_to_the_model(fake_llm: FakeLLM, tool_calls: list[tuple[str, str]]) -> None:
    result = run(dict(INPUTS))
    assert_tool_results_reached_the_model(fake_llm, tool_calls)
    assert result.strip()
`;

function supervisorTests(plan: CrewPlan, workers: ReadonlyArray<readonly [string, string]>, usesTools: boolean): string {
  return `
EXPECTED_ORDER = ${pyList(plan.tasks.map((task) => task.key))}
# The agent the manager hands each task to.
WORKER_OF: dict[str, str] = ${pyStringDict(workers)}


def delegate_tool(body: dict[str, Any]) -> str | None:
    return next((tool["name"] for tool in offered_tools(body) if "delegate" in tool["name"]), None)


def manage(body: dict[str, Any]) -> dict[str, Any] | None:
    """The manager delegates its task to the worker once, then answers; workers use a tool, then answer."""
    delegate = delegate_tool(body)
    task_id = task_of(body)
    if delegate is None:
        return None if wants_tool(body) else final(answer(agent_of(body) or "unknown"))
    assert task_id is not None, "the manager got a request for no known task"
    if tool_pending(body, offered_tools(body)):
        coworker = fill(AGENTS[WORKER_OF[task_id]]["role"])
        arguments = {"task": fill(TASKS[task_id]["description"]), "context": "", "coworker": coworker}
        return {"tool_calls": [{"name": delegate, "arguments": arguments}]}
    return final(answer(task_id))


def test_the_manager_delegates_every_task_to_a_worker(fake_llm: FakeLLM, tool_calls: list[tuple[str, str]]) -> None:
    fake_llm.script = manage
    result = run(dict(INPUTS))

    steps: list[tuple[str | None, str | None]] = []
    for body in fake_llm.requests:
        step = ("manager" if delegate_tool(body) else agent_of(body), task_of(body))
        if not steps or steps[-1] != step:
            steps.append(step)
    expected: list[tuple[str | None, str | None]] = []
    for task_id in EXPECTED_ORDER:
        expected += [("manager", task_id), (WORKER_OF[task_id], task_id), ("manager", task_id)]
    assert steps == expected

    sent = [str(message.get("content")) for message in fake_llm.tool_messages()]
    for task_id in EXPECTED_ORDER:
        assert any(answer(WORKER_OF[task_id]) in content for content in sent), f"the work on {task_id} never reached the manager"
    assert answer(EXPECTED_ORDER[-1]) in result
${usesTools ? '    assert_tool_results_reached_the_model(fake_llm, tool_calls)\n' : ''}`;
}

/** The ReAct adapter's tests: the lead's tool loop, acting through a coworker, the step limit. */
export function reactTests(lead: string, coworkers: ReadonlyArray<string>, leadHasTools: boolean): string {
  const loop = leadHasTools
    ? `

def test_the_lead_agent_reasons_acts_and_observes(fake_llm: FakeLLM, tool_calls: list[tuple[str, str]]) -> None:
    result = run(dict(INPUTS))  # the autopilot calls one tool, reads its result, then answers
    lead = [body for body in fake_llm.requests if agent_of(body) == LEAD]
    assert len(lead) >= 2
    assert offered_tools(lead[0]) and not any(message.get("role") == "tool" for message in lead[0]["messages"])
    assert any(message.get("role") == "tool" for message in lead[1]["messages"])
    assert_tool_results_reached_the_model(fake_llm, tool_calls)
    assert "finished the task" in result
`
    : '';
  const delegation =
    coworkers.length > 0
      ? `

def test_the_lead_agent_can_act_through_a_coworker(fake_llm: FakeLLM) -> None:
    coworker = COWORKERS[0]

    def script(body: dict[str, Any]) -> dict[str, Any] | None:
        delegate = next((tool["name"] for tool in offered_tools(body) if "delegate" in tool["name"]), None)
        if agent_of(body) == LEAD and delegate and tool_pending(body, offered_tools(body)):
            arguments = {"task": "Do the first step of the plan", "context": "", "coworker": fill(AGENTS[coworker]["role"])}
            return {"tool_calls": [{"name": delegate, "arguments": arguments}]}
        if agent_of(body) == coworker:
            return None if wants_tool(body) else final(answer(coworker))
        return final(answer(LEAD))

    fake_llm.script = script
    result = run(dict(INPUTS))
    assert any(answer(coworker) in str(message.get("content")) for message in fake_llm.tool_messages())
    assert answer(LEAD) in result
`
      : '';
  const limit =
    leadHasTools || coworkers.length > 0
      ? `

def test_the_loop_stops_after_agent_max_steps(fake_llm: FakeLLM, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGENT_MAX_STEPS", "2")
    fake_llm.script = act_every_time
    result = run(dict(INPUTS))
    lead = [body for body in fake_llm.requests if agent_of(body) == LEAD]
    assert 2 <= len(lead) <= 3, f"{len(lead)} model calls for a limit of 2 steps"
    assert not offered_tools(lead[-1]), "the last call should ask for the final answer without tools"
    assert result.strip()
`
      : `

def test_the_lead_agent_answers(fake_llm: FakeLLM) -> None:
    result = run(dict(INPUTS))
    assert [agent_of(body) for body in fake_llm.requests] == [LEAD]
    assert "finished the task" in result
`;
  return `
LEAD = ${pyString(lead)}
COWORKERS = ${pyList(coworkers)}
${loop}${delegation}${limit}`;
}

export function crewTestsPy(options: { spec: ProjectSpec; plan: CrewPlan; packageName: string }): string {
  const { spec, plan, packageName } = options;
  const preamble = testPreamblePy({
    spec,
    packageName,
    title: `Runs the crew against the FakeLLM and checks what the ${plan.pattern} pattern promises.`,
    imports: liveEventsImports(packageName),
  });
  // Tools are called only by agents that work on a task.
  const workers = new Set(plan.tasks.map((task) => task.agent ?? plan.agents[0]?.member));
  const usesTools = plan.agents.some((agent) => workers.has(agent.member) && agent.tools.length > 0);
  const specId = (member: string): string => plan.agents.find((agent) => agent.member === member)?.spec.id ?? member;
  switch (plan.pattern) {
    case 'sequential': {
      const steps = plan.tasks.map((task, index) => [specId(task.agent ?? ''), spec.tasks[index]?.id ?? task.key] as const);
      return `${preamble}${sequentialTests(plan, usesTools)}${LIVE_EVENTS_HELPERS}${sequentialEventsTest(steps)}`;
    }
    case 'supervisor': {
      const firstWorker = plan.agents[0]?.member ?? '';
      const assignments = plan.tasks.map((task) => [task.key, task.agent ?? firstWorker] as const);
      const steps = assignments.map(([, worker], index) => [specId(worker), spec.tasks[index]?.id ?? ''] as const);
      // Without a delegating spec agent, CrewAI's own manager runs; live events name it by its role.
      const manager = plan.manager?.spec.id ?? 'Crew Manager';
      return `${preamble}${supervisorTests(plan, assignments, usesTools)}${LIVE_EVENTS_HELPERS}${supervisorEventsTest({ manager, steps })}`;
    }
    case 'react': {
      const leadTask = plan.tasks[0];
      const lead = plan.agents.find((agent) => agent.member === leadTask?.agent) ?? plan.agents[0];
      const coworkers = plan.agents.filter((agent) => agent !== lead);
      const asEventAgent = (agent: CrewPlan['agents'][number] | undefined): EventAgent | undefined => agent && { member: agent.member, id: agent.spec.id };
      const events = reactEventsTest({ lead: asEventAgent(lead) ?? { member: '', id: '' }, coworker: asEventAgent(coworkers[0]), task: REACT_TASK });
      return `${preamble}${reactTests(lead?.member ?? '', coworkers.map((agent) => agent.member), (lead?.tools.length ?? 0) > 0)}${LIVE_EVENTS_HELPERS}${events}`;
    }
  }
}
