// Helper functions of tests/test_llamaindex.py: read the FakeLLM's recorded requests to find which
// task or agent made each call and which tool results went back to the model.
export const TASK_HELPERS = String.raw`

_TASK = re.compile(r"^Task ([a-z][a-z0-9_]*):", re.MULTILINE)


def first_user_text(body: dict[str, Any]) -> str:
    """The first user message of a request: the task prompt for workflow agents."""
    messages = body.get("messages") or []
    return next((str(message.get("content") or "") for message in messages if message.get("role") == "user"), "")


def task_of(body: dict[str, Any]) -> str | None:
    """The task a request works on, from the "Task <id>:" line of its prompt."""
    match = _TASK.search(first_user_text(body))
    return match.group(1) if match else None


def tasks_started(requests: list[dict[str, Any]]) -> list[str]:
    """Task ids in the order their first model request arrived."""
    started: list[str] = []
    for body in requests:
        task_id = task_of(body)
        if task_id is not None and task_id not in started:
            started.append(task_id)
    return started
`;

export const TOOL_HELPERS = String.raw`

def tool_calls(requests: list[dict[str, Any]]) -> dict[str, tuple[str, dict[str, Any]]]:
    """Every tool call the model made, by call id: (tool name, arguments)."""
    calls: dict[str, tuple[str, dict[str, Any]]] = {}
    for body in requests:
        for message in body.get("messages") or []:
            for call in message.get("tool_calls") or []:
                function = call.get("function") or {}
                calls[str(call.get("id"))] = (str(function.get("name")), json.loads(function.get("arguments") or "{}"))
    return calls


def verified_tool_results(requests: list[dict[str, Any]]) -> list[str]:
    """Tools whose result, sent back to the model as a tool message, equals the real function's output."""
    calls = tool_calls(requests)
    verified: list[str] = []
    for body in requests:
        for message in body.get("messages") or []:
            if message.get("role") != "tool":
                continue
            name, arguments = calls.get(str(message.get("tool_call_id")), ("", {}))
            if name in TOOLS and message.get("content") == TOOLS[name](**arguments):
                verified.append(name)
    return verified
`;
