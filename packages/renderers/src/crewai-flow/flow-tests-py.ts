// tests/test_crewai_flow.py: runs the real flow against the FakeLLM and checks what the pattern promises.
import type { ProjectSpec } from '@agent-generator/contracts';
import { reactTests, TEXTS_TEST, TOOL_TEST } from '../crewai/crew-tests-py';
import { pyListDict } from '../crewai/python-literals';
import { REACT_TASK } from '../crewai/crew-plan';
import { LIVE_EVENTS_HELPERS, liveEventsImports, reactEventsTest, sequentialEventsTest } from '../crewai/live-events-tests-py';
import { testPreamblePy } from '../crewai/test-preamble-py';
import { pyString } from '../shared/escape';
import { reactLeadId } from './react-py';
import { supervisorAgentId } from './supervisor-py';

type FlowPattern = 'sequential' | 'graph' | 'supervisor' | 'react';

const ANSWER_EACH_TASK = `

def answer_each_task(body: dict[str, Any]) -> dict[str, Any] | None:
    """Lets the autopilot call an offered tool first, then answers with a text naming the task."""
    if wants_tool(body):
        return None
    return final(answer(task_of(body) or "unknown"))


def assert_each_task_saw_only_its_context(requests: list[dict[str, Any]]) -> None:
    for task_id, task in TASKS.items():
        prompt = conversation(next(body for body in requests if task_of(body) == task_id))
        for other in TASKS:
            if other in (task.get("context") or []):
                assert answer(other) in prompt, f"{task_id} did not receive the output of {other}"
            elif other != task_id:
                assert answer(other) not in prompt, f"{task_id} received {other}, which is not in its context"
`;

function taskFlowTests(spec: ProjectSpec, pattern: 'sequential' | 'graph'): string {
  const waits = spec.tasks.map((task, index) => {
    const previous = spec.tasks[index - 1];
    return [task.id, pattern === 'graph' ? task.context : previous ? [previous.id] : []] as const;
  });
  return `
# The tasks each task waits for: ${pattern === 'graph' ? 'its context (the graph edges)' : 'the one before it'}.
WAITS_FOR: dict[str, list[str]] = ${pyListDict(waits)}
${ANSWER_EACH_TASK}

def test_every_task_runs_after_the_tasks_it_waits_for(fake_llm: FakeLLM) -> None:
    fake_llm.script = answer_each_task
    flow = kickoff(dict(INPUTS))

    calls: dict[str, list[int]] = {}
    for index, body in enumerate(fake_llm.requests):
        task_id = task_of(body)
        assert task_id is not None, "a model request that belongs to no task"
        calls.setdefault(task_id, []).append(index)
    assert set(calls) == set(TASKS)
    for task_id, dependencies in WAITS_FOR.items():
        for dependency in dependencies:
            assert max(calls[dependency]) < min(calls[task_id]), f"{task_id} started before {dependency} finished"
    assert sorted(flow.state.completed) == sorted(TASKS)
    for task_id, dependencies in WAITS_FOR.items():
        for dependency in dependencies:
            assert flow.state.completed.index(dependency) < flow.state.completed.index(task_id)

    assert_each_task_saw_only_its_context(fake_llm.requests)
    for task_id in TASKS:
        assert answer(task_id) in flow.state.outputs[task_id], "the state lost a task's output"
    final_tasks = [task_id for task_id in TASKS if ${pattern === 'graph' ? 'not any(task_id in (task.get("context") or []) for task in TASKS.values())' : 'task_id == list(TASKS)[-1]'}]
    for task_id in final_tasks:
        assert answer(task_id) in flow.state.answer
`;
}

const SUPERVISOR_TESTS = `
${ANSWER_EACH_TASK}

def is_supervisor(body: dict[str, Any]) -> bool:
    return QUESTION in conversation(body)


def ready_in(body: dict[str, Any]) -> list[str]:
    """The task ids the supervisor was offered, in the order listed."""
    listed = re.findall(r"^- ([a-z][a-z0-9_]*): ", conversation(body), flags=re.MULTILINE)
    return [task_id for task_id in listed if task_id in TASKS]


def pick_the_last_ready_task(body: dict[str, Any]) -> dict[str, Any] | None:
    if is_supervisor(body):
        return final(ready_in(body)[-1])
    return answer_each_task(body)


def test_the_supervisor_routes_every_task(fake_llm: FakeLLM, tool_calls: list[tuple[str, str]]) -> None:
    fake_llm.script = pick_the_last_ready_task
    flow = kickoff(dict(INPUTS))

    asked = [ready_in(body) for body in fake_llm.requests if is_supervisor(body)]
    assert len(asked) == len(TASKS), "the supervisor should decide once per task"
    assert flow.state.decisions == [ready[-1] for ready in asked]
    assert flow.state.completed == flow.state.decisions, "the tasks did not run in the order the supervisor chose"

    # Every worker request comes after the supervisor's decision for that task.
    decided: set[str] = set()
    supervisor_turn = 0
    for body in fake_llm.requests:
        if is_supervisor(body):
            decided.add(flow.state.decisions[supervisor_turn])
            supervisor_turn += 1
        else:
            assert task_of(body) in decided, "a worker ran before the supervisor chose its task"
    assert_each_task_saw_only_its_context([body for body in fake_llm.requests if not is_supervisor(body)])
    assert flow.state.answer.strip()
    assert_tool_results_reached_the_model(fake_llm, tool_calls)


def test_a_reply_naming_no_task_falls_back_to_config_order(fake_llm: FakeLLM) -> None:
    fake_llm.script = lambda body: final("I cannot decide.") if is_supervisor(body) else None
    flow = kickoff(dict(INPUTS))
    assert flow.state.completed == list(TASKS)
    assert run(dict(INPUTS)).strip()
`;

/** Graph: every task step holds its agent's step, and starts after the task steps it waits for. */
const GRAPH_EVENTS_TEST = `

def test_live_events_show_each_task_and_its_agent(fake_llm: FakeLLM, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake_llm.script = answer_each_task
    lines = run_with_events(monkeypatch, tmp_path)
    steps = agent_steps(lines)
    assert sorted(agent for agent, _, _ in steps) == sorted(task["agent"] for task in TASKS.values())
    # Parallel branches overlap, so an agent's step may start while another branch's steps are open.
    for agent, tasks, _ in steps:
        assert any(TASKS[task_id]["agent"] == agent for task_id in tasks), (agent, tasks)
    started = [event["task"] for event in lines if event["type"] == "step-start" and event["kind"] == "task"]
    assert sorted(started) == sorted(TASKS)
    for task_id, dependencies in WAITS_FOR.items():
        for dependency in dependencies:
            assert started.index(dependency) < started.index(task_id), f"{task_id} started before {dependency}"
    assert_usage_text_and_tool_steps(lines, fake_llm)
`;

/** Supervisor: the supervisor's step before each task step, which holds the chosen task's agent. */
function supervisorEventsTest(supervisor: string): string {
  return `

def test_live_events_alternate_supervisor_and_chosen_task(fake_llm: FakeLLM, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake_llm.script = pick_the_last_ready_task
    lines = run_with_events(monkeypatch, tmp_path)
    steps = agent_steps(lines)
    assert steps[0::2] == [(${pyString(supervisor)}, [], [])] * len(TASKS)
    chosen = [event["task"] for event in lines if event["type"] == "step-start" and event["kind"] == "task"]
    assert sorted(chosen) == sorted(TASKS)
    assert steps[1::2] == [(TASKS[task_id]["agent"], [task_id], []) for task_id in chosen]
    assert_usage_text_and_tool_steps(lines, fake_llm)
`;
}

export function flowTestsPy(options: { spec: ProjectSpec; pattern: FlowPattern; packageName: string }): string {
  const { spec, pattern, packageName } = options;
  const imports = [`from ${packageName}.main import kickoff`, ...(pattern === 'supervisor' ? [`from ${packageName}.supervisor import QUESTION`] : [])];
  const preamble = testPreamblePy({
    spec,
    packageName,
    title: `Runs the flow against the FakeLLM and checks what the ${pattern} pattern promises.`,
    imports: [...(pattern === 'react' ? [] : imports), ...liveEventsImports(packageName)],
  });
  const usesTools = spec.tasks.some((task) => (spec.agents.find((agent) => agent.id === task.agent)?.tools.length ?? 0) > 0);
  switch (pattern) {
    case 'sequential': {
      const steps = spec.tasks.map((task) => [task.agent, task.id] as const);
      return `${preamble}${taskFlowTests(spec, pattern)}${TEXTS_TEST}${usesTools ? TOOL_TEST : ''}${LIVE_EVENTS_HELPERS}${sequentialEventsTest(steps)}`;
    }
    case 'graph':
      return `${preamble}${taskFlowTests(spec, pattern)}${TEXTS_TEST}${usesTools ? TOOL_TEST : ''}${LIVE_EVENTS_HELPERS}${GRAPH_EVENTS_TEST}`;
    case 'supervisor': {
      const tests = usesTools ? SUPERVISOR_TESTS : SUPERVISOR_TESTS.replace('    assert_tool_results_reached_the_model(fake_llm, tool_calls)\n', '');
      // Without a delegating spec agent the built-in supervisor runs; live events name it by its role.
      return `${preamble}${tests}${LIVE_EVENTS_HELPERS}${supervisorEventsTest(supervisorAgentId(spec) ?? 'Supervisor')}`;
    }
    case 'react': {
      const lead = reactLeadId(spec);
      const coworkers = spec.agents.filter((agent) => agent.id !== lead).map((agent) => agent.id);
      const leadHasTools = (spec.agents.find((agent) => agent.id === lead)?.tools.length ?? 0) > 0;
      const coworker = coworkers[0];
      const events = reactEventsTest({ lead: { member: lead, id: lead }, coworker: coworker === undefined ? undefined : { member: coworker, id: coworker }, task: REACT_TASK });
      return `${preamble}${reactTests(lead, coworkers, leadHasTools)}${LIVE_EVENTS_HELPERS}${events}`;
    }
  }
}
