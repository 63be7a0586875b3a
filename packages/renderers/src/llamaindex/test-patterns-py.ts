// The pattern-specific tests of tests/test_llamaindex.py (workflow shapes, ReAct, supervisor).

const FINAL_OUTPUT = `

def test_run_returns_a_final_output(fake_llm: FakeLLM) -> None:
    result = run(dict(INPUTS))
    assert result.strip()
    assert fake_llm.requests, "the agents never called the model"
`;

const TOOL_RESULT = `

def test_a_tool_call_reaches_the_real_tool_and_its_result_goes_back(fake_llm: FakeLLM) -> None:
    run(dict(INPUTS))
    assert fake_llm.tool_messages(), "no tool result went back to the model"
    assert verified_tool_results(fake_llm.requests), "no tool message carried the real tool's output"
`;

export function workflowTests(options: { ordered: boolean; withTools: boolean }): ReadonlyArray<string> {
  const order = options.ordered
    ? `    assert started == list(TASKS), "tasks must run in spec order"`
    : `    assert sorted(started) == sorted(TASKS), "every task must run once"
    for task_id, task in TASKS.items():
        for dependency in task.context:
            assert started.index(dependency) < started.index(task_id), f"{task_id} ran before {dependency}"`;
  return [
    `def test_tasks_run_${options.ordered ? 'in_spec_order' : 'after_their_context'}_and_receive_its_outputs(fake_llm: FakeLLM) -> None:
    result = run(dict(INPUTS))
    started = tasks_started(fake_llm.requests)
${order}
    for task_id, task in TASKS.items():
        prompt = next(first_user_text(body) for body in fake_llm.requests if task_of(body) == task_id)
        for dependency in task.context:
            header = f"Output of task {dependency}:\\n"
            assert header in prompt, f"{task_id} did not receive the output of {dependency}"
            assert not prompt.split(header, 1)[1].startswith("(not available)")
    assert result.strip()`,
    options.withTools ? TOOL_RESULT : FINAL_OUTPUT,
  ];
}

const REACT_SCRIPT = `

def react_action(body: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The first tool of the agent working on this request, with arguments fitting its schema."""
    task_id = task_of(body)
    tools = AGENTS[TASKS[task_id].agent].tools if task_id else ()
    if not tools:
        return None
    name = tools[0]
    schema = FunctionTool.from_defaults(fn=TOOLS[name], name=name).metadata.get_parameters_dict()
    return name, tool_arguments({"name": name, "parameters": schema})


def act(name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    return {"content": f"Thought: I should use a tool.\\nAction: {name}\\nAction Input: {json.dumps(arguments)}"}


def acting_script(actions: list[tuple[str, dict[str, Any]]]) -> Callable[[dict[str, Any]], dict[str, Any] | None]:
    """Each agent acts once with its first tool (recorded in actions); the autopilot then answers."""

    def script(body: dict[str, Any]) -> dict[str, Any] | None:
        messages = body.get("messages") or []
        if messages and str(messages[-1].get("content") or "").startswith("Observation:"):
            return None
        action = react_action(body)
        if action is None:
            return None
        actions.append(action)
        return act(*action)

    return script


def observations(requests: list[dict[str, Any]]) -> list[str]:
    """Every Observation message the ReAct loop sent back to the model."""
    found: list[str] = []
    for body in requests:
        for message in body.get("messages") or []:
            text = str(message.get("content") or "")
            if text.startswith("Observation:") and text not in found:
                found.append(text)
    return found
`;

const REACT_TOOL = `

def test_the_react_loop_runs_a_real_tool_and_observes_its_result(fake_llm: FakeLLM) -> None:
    actions: list[tuple[str, dict[str, Any]]] = []
    fake_llm.script = acting_script(actions)
    result = run(dict(INPUTS))
    assert actions, "no agent acted"
    expected = {f"Observation: {TOOLS[name](**arguments)}" for name, arguments in actions}
    assert expected & set(observations(fake_llm.requests)), "the real tool's result never reached the model"
    assert "tools" not in fake_llm.requests[0], "ReAct agents describe tools in the prompt, not as API tools"
    assert result.strip()
`;

export function reactTests(withTools: boolean): ReadonlyArray<string> {
  return [
    withTools ? REACT_SCRIPT : '',
    `def test_react_agents_work_through_the_tasks_in_order(fake_llm: FakeLLM) -> None:
    result = run(dict(INPUTS))
    assert tasks_started(fake_llm.requests) == list(TASKS)
    assert "Thought:" in fake_llm.requests[0]["messages"][0]["content"], "the ReAct format is in the system prompt"
    assert result.strip()`,
    withTools ? REACT_TOOL : '',
    `def test_the_step_limit_ends_an_agent_that_never_stops(fake_llm: FakeLLM, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AGENT_MAX_STEPS", "2")
    fake_llm.script = lambda body: {"content": 'Thought: again.\\nAction: lookup\\nAction Input: {"query": "more"}'}
    run(dict(INPUTS))
    per_task = {task_id: sum(1 for body in fake_llm.requests if task_of(body) == task_id) for task_id in TASKS}
    assert all(2 <= count <= 3 for count in per_task.values()), per_task`,
  ];
}

const TEAM_SCRIPT = `

WORK_ORDER = [task.agent for task in TASKS.values()]
FINAL = "The team's final answer."


def agent_of(body: dict[str, Any]) -> str:
    """Which agent made a request, from its system prompt."""
    system = str((body.get("messages") or [{}])[0].get("content") or "")
    if system.startswith(supervisor_prompt(INPUTS)):
        return SUPERVISOR
    return next(agent_id for agent_id in AGENTS if system.startswith(worker_prompt(agent_id, INPUTS)))


def last_tool_name(messages: list[dict[str, Any]]) -> str | None:
    """The tool whose result is the last message, if it is a tool result."""
    if not messages or messages[-1].get("role") != "tool":
        return None
    calls = tool_calls([{"messages": messages}])
    return calls.get(str(messages[-1].get("tool_call_id")), (None, {}))[0]


def call(name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    return {"tool_calls": [{"name": name, "arguments": arguments}]}


def team_script(body: dict[str, Any], handed: list[str]) -> dict[str, Any]:
    """The supervisor hands tasks out in order; a worker uses its first tool, then hands back."""
    messages = body.get("messages") or []
    if agent_of(body) == SUPERVISOR:
        if len(handed) < len(WORK_ORDER):
            handed.append(WORK_ORDER[len(handed)])
            return call("handoff", {"to_agent": handed[-1], "reason": "your task is next"})
        return {"content": FINAL}
    if last_tool_name(messages) not in (None, "handoff"):
        return call("handoff", {"to_agent": SUPERVISOR, "reason": f"done: {messages[-1].get('content')}"})
    offered = {tool["name"]: tool for tool in offered_tools(body) if tool["name"] != "handoff"}
    if offered:
        name = next(iter(offered))
        return call(name, tool_arguments(offered[name]))
    return call("handoff", {"to_agent": SUPERVISOR, "reason": "done"})


def turns(requests: list[dict[str, Any]]) -> list[str]:
    """The agents in the order they spoke, consecutive calls of one agent counted once."""
    order: list[str] = []
    for body in requests:
        agent_id = agent_of(body)
        if not order or order[-1] != agent_id:
            order.append(agent_id)
    return order
`;

export function supervisorTests(withTools: boolean): ReadonlyArray<string> {
  const tool = withTools
    ? `    assert verified_tool_results(fake_llm.requests), "no tool message carried the real tool's output"\n`
    : '';
  return [
    TEAM_SCRIPT,
    `def test_the_supervisor_delegates_every_task_and_finishes(fake_llm: FakeLLM) -> None:
    handed: list[str] = []
    fake_llm.script = lambda body: team_script(body, handed)
    result = run(dict(INPUTS))
    expected = [SUPERVISOR]
    for agent_id in WORK_ORDER:
        expected += [agent_id, SUPERVISOR]
    assert turns(fake_llm.requests) == expected
    assert handed == WORK_ORDER
${tool}    assert result == FINAL`,
  ];
}
