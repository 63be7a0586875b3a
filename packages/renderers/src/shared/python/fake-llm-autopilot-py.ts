// The autopilot half of tests/fake_llm.py: which tool to call, with which arguments, and JSON
// built from a schema, all deterministic.

export function fakeLlmAutopilotPy(): string {
  return String.raw`
# Arguments the autopilot sends to known tools; unknown tools get arguments built from their schema.
DEFAULT_ARGUMENTS: dict[str, dict[str, Any]] = {
    "web_search": {"query": "multi-agent systems", "max_results": 3},
    "http_request": {"url": "http://127.0.0.1:9/", "method": "GET"},
    "web_scraper": {"url": "http://127.0.0.1:9/"},
    "pdf_reader": {"path": "document.pdf"},
    "file_read": {"path": "notes.txt"},
    "file_write": {"path": "notes.txt", "content": "Notes written by the fake model."},
    "sql_query": {"query": "SELECT 1"},
    "vector_search": {"query": "agents", "top_k": 3},
    "calculator": {"expression": "2+3"},
    "email_send": {"to": "team@example.com", "subject": "Update", "body": "Hello from the fake model."},
    "slack_post": {"text": "Hello from the fake model."},
    "github_issues": {"repo": "octocat/hello-world", "action": "list"},
}


def normalise(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def count_tokens(value: Any) -> int:
    """Deterministic stand-in tokenizer: words and punctuation marks of the (JSON) text."""
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True)
    return len(re.findall(r"\w+|[^\w\s]", text))


def offered_tools(body: dict[str, Any]) -> list[dict[str, Any]]:
    """The function definitions a request offers (tools, or the legacy functions field)."""
    tools = [tool.get("function") for tool in body.get("tools") or [] if isinstance(tool, dict)]
    tools += [function for function in body.get("functions") or []]
    return [tool for tool in tools if isinstance(tool, dict) and isinstance(tool.get("name"), str)]


def _answered_tool_names(messages: list[Any]) -> set[str]:
    """Names of tools whose results arrived (as tool messages) after the last user message."""
    last_user = max((index for index, message in enumerate(messages) if isinstance(message, dict) and message.get("role") == "user"), default=-1)
    names_by_id: dict[str, str] = {}
    answered: set[str] = set()
    for message in messages[last_user + 1 :]:
        if not isinstance(message, dict):
            continue
        for call in message.get("tool_calls") or []:
            if isinstance(call, dict):
                names_by_id[str(call.get("id"))] = str((call.get("function") or {}).get("name"))
        if message.get("role") == "tool":
            answered.add(names_by_id.get(str(message.get("tool_call_id")), "?"))
        if message.get("role") == "function":
            answered.add(str(message.get("name")))
    return answered


def tool_pending(body: dict[str, Any], tools: list[dict[str, Any]]) -> bool:
    """True when no offered tool has been answered since the last user message."""
    answered = _answered_tool_names(body.get("messages") or [])
    if "?" in answered:
        return False
    return not any(tool["name"] in answered for tool in tools)


def _spec_tool_id(name: str) -> str | None:
    key = normalise(name)
    for tool_id in DEFAULT_ARGUMENTS:
        if normalise(tool_id) == key:
            return tool_id
    return next((tool_id for tool_id in DEFAULT_ARGUMENTS if normalise(tool_id) in key), None)


def pick_tool(tools: list[dict[str, Any]], forced: str | None) -> dict[str, Any]:
    """The forced tool, else the first offered tool of this project, else the first offered tool."""
    if forced:
        return next((tool for tool in tools if tool["name"] == forced), {"name": forced})
    for tool_id in SPEC_TOOLS:
        for tool in tools:
            if _spec_tool_id(tool["name"]) == tool_id:
                return tool
    return tools[0]


def _resolve(schema: Any, root: dict[str, Any]) -> dict[str, Any]:
    while isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
        target: Any = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            target = target.get(part, {}) if isinstance(target, dict) else {}
        schema = target
    return schema if isinstance(schema, dict) else {}


def synthesise(schema: Any, root: dict[str, Any] | None = None, *, last: bool = False, everything: bool = True) -> Any:
    """A value matching a JSON schema: enums pick their first (or, with last=True, last) option."""
    root = root if root is not None else (schema if isinstance(schema, dict) else {})
    schema = _resolve(schema, root)
    if "const" in schema:
        return schema["const"]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][-1 if last else 0]
    if "default" in schema and not everything:
        return schema["default"]
    for key in ("anyOf", "oneOf", "allOf"):
        options = [_resolve(option, root) for option in schema.get(key) or []]
        options = [option for option in options if option.get("type") != "null"]
        if options:
            return synthesise(options[0], root, last=last, everything=everything)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((item for item in kind if item != "null"), "null")
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties") or {}
        required = schema.get("required") or list(properties)
        names = list(properties) if everything else [name for name in properties if name in required]
        return {name: synthesise(properties[name], root, last=last, everything=everything) for name in names}
    if kind == "array":
        count = max(1, int(schema.get("minItems") or 0)) if everything else int(schema.get("minItems") or 0)
        return [synthesise(schema.get("items") or {"type": "string"}, root, last=last, everything=everything) for _ in range(count)]
    if kind == "integer":
        return int(schema.get("minimum") or 1)
    if kind == "number":
        return float(schema.get("minimum") or 1)
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    return "fake " + str(schema.get("title") or "text").lower()


def tool_arguments(tool: dict[str, Any]) -> dict[str, Any]:
    """Known defaults for the offered parameters, plus synthesised values for missing required ones."""
    schema = tool.get("parameters") or {}
    properties = schema.get("properties") if isinstance(schema, dict) else None
    tool_id = _spec_tool_id(tool["name"])
    defaults = DEFAULT_ARGUMENTS.get(tool_id, {}) if tool_id else {}
    if not isinstance(properties, dict) or not properties:
        return dict(defaults)
    arguments = {name: value for name, value in defaults.items() if name in properties}
    for name in schema.get("required") or []:
        if name not in arguments and name in properties:
            arguments[name] = synthesise(properties[name], schema)
    return arguments


def embedding(text: str, size: int = 16) -> list[float]:
    """A deterministic unit vector derived from the text's hash."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    values = [(byte - 127.5) / 127.5 for byte in digest[:size]]
    norm = math.sqrt(sum(value * value for value in values)) or 1.0
    return [value / norm for value in values]
`;
}
