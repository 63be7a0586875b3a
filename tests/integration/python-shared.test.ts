// The shared parts of every generated Python project, run for real: a project with a tiny
// hand-written framework part (an openai-SDK agent loop over TOOLS) passes its own pytest suite,
// which proves the tools offline and FakeLLM's JSON, streaming, tool-call and autopilot behaviour.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FileTree, GeneratedFile, ProjectSpec } from '@agent-generator/contracts';
import { TOOL_IDS, restoreProjectSpec } from '@agent-generator/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPythonProject } from '../../packages/renderers/src/shared/python-project';
import { fixtureSpec } from '../../packages/renderers/src/test-fixtures';
import { ensureVenv, projectRequirements, runInVenv } from './support/python-venv';

// The stand-in framework part: a plain tool-calling loop with the openai SDK over the shared TOOLS.
const MAIN_PY = String.raw`"""A minimal agent loop over the shared tools, standing in for a framework in tests."""

from __future__ import annotations

import inspect
import json

from openai import OpenAI

from .settings import load_settings
from .tools import TOOLS

_TYPES = {"int": "integer", "float": "number", "bool": "boolean"}


def tool_schema(name, function):
    properties, required = {}, []
    for parameter in inspect.signature(function).parameters.values():
        properties[parameter.name] = {"type": _TYPES.get(str(parameter.annotation), "string")}
        if parameter.default is inspect.Parameter.empty:
            required.append(parameter.name)
    description = (function.__doc__ or "").strip().splitlines()[0]
    return {"type": "function", "function": {"name": name, "description": description, "parameters": {"type": "object", "properties": properties, "required": required}}}


def run(inputs: dict[str, str]) -> str:
    settings = load_settings()
    client = OpenAI(base_url=settings.base_url, api_key=settings.api_key or "none", max_retries=0)
    messages = [{"role": "system", "content": "You are a helpful agent."}, {"role": "user", "content": json.dumps(inputs)}]
    extra = {"tools": [tool_schema(name, function) for name, function in TOOLS.items()]} if TOOLS else {}
    for _ in range(settings.max_steps):
        completion = client.chat.completions.create(model=settings.model_id, messages=messages, temperature=settings.temperature, **extra)
        reply = completion.choices[0].message
        if not reply.tool_calls:
            return (reply.content or "").split("Final Answer:")[-1].strip()
        messages.append(reply.model_dump(exclude_none=True))
        for call in reply.tool_calls:
            function = TOOLS.get(call.function.name)
            result = function(**json.loads(call.function.arguments or "{}")) if function else "error: unknown tool"
            messages.append({"role": "tool", "tool_call_id": call.id, "content": result})
    raise RuntimeError(f"no final answer after {settings.max_steps} steps")
`;

// Protocol tests: the official openai SDK against FakeLLM, plus settings and the command line.
const SHARED_TEST_PY = String.raw`"""FakeLLM speaks the protocol the openai SDK expects; settings and the CLI behave as documented."""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.request
from pathlib import Path

import openai
import pytest

from fake_llm import FINAL_ANSWER, FakeLLM
from paper_digest.__main__ import build_inputs, main
from paper_digest.main import run
from paper_digest.settings import load_settings
from paper_digest.tools import TOOLS

CALCULATOR = {"type": "function", "function": {"name": "calculator", "description": "math", "parameters": {"type": "object", "properties": {"expression": {"type": "string"}}, "required": ["expression"]}}}
HANDOFF = {"type": "function", "function": {"name": "transfer_to_writer", "description": "hand off", "parameters": {"type": "object", "properties": {}}}}


def client_for(server: FakeLLM) -> openai.OpenAI:
    settings = load_settings()
    assert settings.base_url == server.url
    return openai.OpenAI(base_url=settings.base_url, api_key=settings.api_key, max_retries=0)


def test_settings_point_at_the_fake(fake_llm: FakeLLM) -> None:
    settings = load_settings()
    assert (settings.provider, settings.model_id, settings.api_key) == ("openai-compatible", "fake-model", "test")
    assert settings.is_openai_compatible and settings.temperature == 0.2 and settings.max_steps == 12


def test_settings_per_provider(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("MODEL_PROVIDER", "MODEL_ID", "OLLAMA_BASE_URL", "AZURE_OPENAI_API_VERSION", "MODEL_TEMPERATURE"):
        monkeypatch.delenv(name, raising=False)
    settings = load_settings()
    assert (settings.provider, settings.model_id) == ("ollama", "llama3.1:8b")
    assert (settings.base_url, settings.api_key, settings.is_openai_compatible) == ("http://127.0.0.1:11434/v1", "ollama", True)
    monkeypatch.setenv("OLLAMA_BASE_URL", "http://gpu:11434/v1/")
    assert load_settings().base_url == "http://gpu:11434/v1"
    monkeypatch.setenv("MODEL_PROVIDER", "azure-openai")
    monkeypatch.setenv("AZURE_OPENAI_ENDPOINT", "https://r.openai.azure.com")
    azure = load_settings()
    assert (azure.base_url, azure.api_version, azure.is_openai_compatible) == ("https://r.openai.azure.com", "2024-10-21", False)
    monkeypatch.setenv("MODEL_PROVIDER", "watsonx")
    monkeypatch.setenv("WATSONX_PROJECT_ID", "p1")
    assert load_settings().project == "p1"
    monkeypatch.setenv("MODEL_PROVIDER", "bedrock")
    assert load_settings().region
    monkeypatch.setenv("MODEL_TEMPERATURE", "warm")
    with pytest.raises(ValueError, match="MODEL_TEMPERATURE"):
        load_settings()


def test_settings_read_dotenv_without_overriding(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MODEL_ID", raising=False)
    monkeypatch.setenv("MODEL_PROVIDER", "openai")
    (tmp_path / ".env").write_text('# comment\nMODEL_ID="from-dotenv"\nMODEL_PROVIDER=anthropic\n', encoding="utf-8")
    settings = load_settings()
    assert (settings.provider, settings.model_id, settings.base_url) == ("openai", "from-dotenv", "https://api.openai.com/v1")


def test_models_route_and_prefixless_chat(fake_llm: FakeLLM) -> None:
    assert [model.id for model in client_for(fake_llm).models.list()] == ["fake-model"]
    request = urllib.request.Request(fake_llm.url.removesuffix("/v1") + "/chat/completions", data=json.dumps({"model": "m", "messages": [{"role": "user", "content": "hi"}]}).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        body = json.loads(response.read())
    assert body["object"] == "chat.completion" and body["choices"][0]["message"]["content"] == FINAL_ANSWER
    connection = http.client.HTTPConnection("127.0.0.1", int(fake_llm.url.split(":")[2].split("/")[0]), timeout=10)
    payload = json.dumps({"model": "m", "messages": [{"role": "user", "content": "chunked"}]}).encode()
    connection.request("POST", "/v1/chat/completions", body=iter([payload[:10], payload[10:]]), headers={"Content-Type": "application/json"}, encode_chunked=True)
    assert connection.getresponse().status == 200 and fake_llm.requests[-1]["messages"][0]["content"] == "chunked"
    connection.close()


def test_malformed_requests_get_openai_errors(fake_llm: FakeLLM) -> None:
    for data in (b"{not json", b'{"model": "m", "messages": "hi"}'):
        request = urllib.request.Request(fake_llm.url + "/chat/completions", data=data, headers={"Content-Type": "application/json"})
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(request, timeout=10)
        assert caught.value.code == 400 and json.loads(caught.value.read())["error"]["message"]


def test_autopilot_calls_a_spec_tool_then_answers(fake_llm: FakeLLM) -> None:
    client = client_for(fake_llm)
    messages: list[dict] = [{"role": "user", "content": "What is 2+3?"}]
    first = client.chat.completions.create(model="fake-model", messages=messages, tools=[HANDOFF, CALCULATOR])
    choice = first.choices[0]
    assert choice.finish_reason == "tool_calls" and first.usage and first.usage.total_tokens > 0
    call = choice.message.tool_calls[0]
    assert (call.function.name, json.loads(call.function.arguments)) == ("calculator", {"expression": "2+3"})
    result = TOOLS["calculator"](**json.loads(call.function.arguments))
    messages += [choice.message.model_dump(exclude_none=True), {"role": "tool", "tool_call_id": call.id, "content": result}]
    second = client.chat.completions.create(model="fake-model", messages=messages, tools=[HANDOFF, CALCULATOR])
    assert second.choices[0].finish_reason == "stop" and second.choices[0].message.content == FINAL_ANSWER
    assert [message["content"] for message in fake_llm.tool_messages()] == ["5"]


def test_autopilot_synthesises_arguments_and_structured_output(fake_llm: FakeLLM) -> None:
    client = client_for(fake_llm)
    weather = {"type": "function", "function": {"name": "lookup_weather", "parameters": {"type": "object", "properties": {"city": {"type": "string"}, "days": {"type": "integer"}}, "required": ["city"]}}}
    call = client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}], tools=[weather]).choices[0].message.tool_calls[0]
    assert call.function.name == "lookup_weather" and list(json.loads(call.function.arguments)) == ["city"]
    schema = {"type": "object", "properties": {"next": {"enum": ["researcher", "writer", "FINISH"]}, "reason": {"type": "string"}}, "required": ["next", "reason"]}
    response_format = {"type": "json_schema", "json_schema": {"name": "route", "schema": schema, "strict": True}}
    picks = [json.loads(client.chat.completions.create(model="m", messages=[{"role": "user", "content": "route"}], response_format=response_format).choices[0].message.content)["next"] for _ in range(2)]
    assert picks == ["researcher", "FINISH"]


def test_script_list_then_callable_then_autopilot(fake_llm: FakeLLM) -> None:
    client = client_for(fake_llm)
    fake_llm.script = [{"content": "scripted one"}]
    ask = lambda: client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}]).choices[0].message.content
    assert ask() == "scripted one"
    assert ask() == FINAL_ANSWER
    fake_llm.script = lambda body: {"content": "echo " + body["messages"][-1]["content"]} if body["messages"][-1]["content"] != "skip" else None
    assert ask() == "echo hi"
    assert client.chat.completions.create(model="m", messages=[{"role": "user", "content": "skip"}]).choices[0].message.content == FINAL_ANSWER
    assert len(fake_llm.requests) == 4 and fake_llm.replies[0]["content"] == "scripted one"


def test_streaming_text_with_usage(fake_llm: FakeLLM) -> None:
    fake_llm.script = [{"content": "Hello streamed world, this answer arrives in several pieces."}]
    stream = client_for(fake_llm).chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}], stream=True, stream_options={"include_usage": True})
    pieces, finish, usage = [], None, None
    for chunk in stream:
        if chunk.usage:
            usage = chunk.usage
        for choice in chunk.choices:
            pieces += [choice.delta.content] if choice.delta.content else []
            finish = choice.finish_reason or finish
    assert "".join(pieces) == "Hello streamed world, this answer arrives in several pieces."
    assert len(pieces) > 1 and finish == "stop" and usage and usage.completion_tokens > 0


def test_streaming_tool_call_deltas_assemble(fake_llm: FakeLLM) -> None:
    fake_llm.script = [{"tool_calls": [{"name": "calculator", "arguments": {"expression": "6*7"}}, {"name": "file_write", "arguments": {"path": "a.txt", "content": "x"}}]}]
    stream = client_for(fake_llm).chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}], tools=[CALCULATOR], stream=True)
    calls: dict[int, dict] = {}
    finish = None
    for chunk in stream:
        for choice in chunk.choices:
            finish = choice.finish_reason or finish
            for delta in choice.delta.tool_calls or []:
                entry = calls.setdefault(delta.index, {"id": None, "name": "", "arguments": ""})
                entry["id"] = delta.id or entry["id"]
                entry["name"] += (delta.function.name or "") if delta.function else ""
                entry["arguments"] += (delta.function.arguments or "") if delta.function else ""
    assert finish == "tool_calls"
    assert [(call["name"], json.loads(call["arguments"])) for call in calls.values()] == [("calculator", {"expression": "6*7"}), ("file_write", {"path": "a.txt", "content": "x"})]
    assert all(call["id"] for call in calls.values())


def test_embeddings(fake_llm: FakeLLM) -> None:
    vectors = client_for(fake_llm).embeddings.create(model="m", input=["a", "b"]).data
    assert len(vectors) == 2 and len(vectors[0].embedding) == 16 and vectors[0].embedding != vectors[1].embedding


def test_run_sends_a_real_tool_result_back(fake_llm: FakeLLM) -> None:
    fake_llm.script = [{"tool_calls": [{"name": "calculator", "arguments": {"expression": "6*7"}}]}]
    assert run({"topic": "agents"}) == "The fake model has finished the task."
    assert [message["content"] for message in fake_llm.tool_messages()] == ["42"]


def test_run_on_autopilot_reaches_the_first_spec_tool(fake_llm: FakeLLM) -> None:
    assert run({"topic": "agents"}) == "The fake model has finished the task."
    assert fake_llm.replies[0]["tool_calls"][0]["name"] == "web_search"
    assert fake_llm.tool_messages()[0]["content"].startswith("error: request to http://127.0.0.1:9/search")


def test_cli_runs_and_writes_the_output_file(fake_llm: FakeLLM, capsys: pytest.CaptureFixture[str]) -> None:
    assert build_inputs(None, []) == {"topic": "multi-agent systems"}
    assert build_inputs("graphs", ["extra=a=b"]) == {"topic": "graphs", "extra": "a=b"}
    assert main(["run", "graph agents"]) == 0
    assert capsys.readouterr().out == "The fake model has finished the task.\n"
    assert Path("digest.md").read_text(encoding="utf-8") == "The fake model has finished the task.\n"
    assert json.loads(fake_llm.requests[0]["messages"][1]["content"]) == {"topic": "graph agents"}
    assert main(["run", "--out", "other.md"]) == 0 and Path("other.md").exists()
    fake_llm.script = lambda body: 1 / 0
    assert main(["run"]) == 1
    assert capsys.readouterr().err.startswith("error: ")
`;

const root = mkdtempSync(join(tmpdir(), 'python-shared-'));

function writeProject(name: string, files: FileTree): string {
  const dir = join(root, name);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

function render(spec: ProjectSpec, extraFiles: ReadonlyArray<GeneratedFile>): FileTree {
  const packageDir = `src/${spec.slug.replaceAll('-', '_')}`;
  return renderPythonProject({
    spec,
    frameworkLabel: 'Plain OpenAI SDK',
    dependencies: ['openai>=1.50,<3'],
    files: [{ path: `${packageDir}/main.py`, content: MAIN_PY }, ...extraFiles],
    readme: { overview: 'A hand-written agent loop used to test the shared files.', layout: [{ path: `${packageDir}/main.py`, purpose: 'the agent loop' }] },
  });
}

/** A spec with no tools and no inputs: TEXT becomes the input "input". */
function bareSpec(): ProjectSpec {
  const base = fixtureSpec({ framework: 'react', pattern: 'react', tools: [] });
  const result = restoreProjectSpec({ ...base, slug: 'bare-agent', inputs: [], output: { format: 'text' } });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.spec;
}

function summary(output: string): string {
  return output.trim().split('\n').at(-1) ?? '';
}

describe.skipIf(process.env.AG_SKIP_PYTHON === '1')('shared Python project files', () => {
  let venv = '';
  const full = fixtureSpec({ framework: 'react', pattern: 'react', tools: [...TOOL_IDS] });

  beforeAll(async () => {
    const probe = writeProject('probe', render(full, []));
    venv = await ensureVenv([...projectRequirements(probe), 'openai>=1.50']);
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('a project with every tool passes its tool tests and the FakeLLM protocol tests', async () => {
    const dir = writeProject('full', render(full, [{ path: 'tests/test_shared.py', content: SHARED_TEST_PY }]));
    const result = await runInVenv({ venv, cwd: dir, args: ['pytest', '-q', '-p', 'no:cacheprovider', '-rA'] });
    const last = summary(result.stdout);
    expect(last).toMatch(/^\d+ passed/);
    expect(last).not.toMatch(/failed|error|skipped/);
    expect(Number(/^(\d+) passed/.exec(last)?.[1])).toBeGreaterThanOrEqual(60);
    for (const id of TOOL_IDS) expect(result.stdout).toContain(`PASSED tests/test_tools.py::test_${id}`);
    expect(result.stdout).toContain('PASSED tests/test_shared.py::test_streaming_tool_call_deltas_assemble');
  }, 300_000);

  it('a project without tools or inputs still builds inputs and passes its tests', async () => {
    const dir = writeProject('bare', render(bareSpec(), []));
    const result = await runInVenv({ venv, cwd: dir, args: ['pytest', '-q', '-p', 'no:cacheprovider'] });
    expect(summary(result.stdout)).toMatch(/^10 passed/); // test_tools (1), test_events (5), test_serve (4)
    const cli = await runInVenv({ venv, cwd: dir, args: ['bare_agent', 'run', '--input', 'broken'] }).catch((error: { code: number; stderr: string }) => error);
    expect(cli).toMatchObject({ code: 1, stderr: "error: --input expects name=value, got 'broken'\n" });
    // pyproject.toml really builds: the wheel holds the package and the console script.
    const wheels = join(root, 'wheels');
    await runInVenv({ venv, cwd: dir, args: ['pip', 'wheel', '--quiet', '--no-deps', '--wheel-dir', wheels, '.'] });
    const listing = await runInVenv({ venv, cwd: dir, args: ['zipfile', '-l', join(wheels, 'bare_agent-0.1.0-py3-none-any.whl')] });
    expect(listing.stdout).toContain('bare_agent/__main__.py');
    expect(listing.stdout).toContain('bare_agent/tools/__init__.py');
    const entryPoints = await runInVenv({
      venv,
      cwd: dir,
      args: ['zipfile', '-e', join(wheels, 'bare_agent-0.1.0-py3-none-any.whl'), join(root, 'unpacked')],
    }).then(() => readFileSync(join(root, 'unpacked', 'bare_agent-0.1.0.dist-info', 'entry_points.txt'), 'utf8'));
    expect(entryPoints).toContain('bare-agent = bare_agent.__main__:main');
  }, 300_000);
});
