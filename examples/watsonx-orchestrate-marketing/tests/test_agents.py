"""Offline checks with the ADK's own loaders: agents and tools load as `orchestrate ... import` loads them."""

from __future__ import annotations

from pathlib import Path

import pytest
from ibm_watsonx_orchestrate.agent_builder.agents import Agent, AgentKind, AgentStyle
from ibm_watsonx_orchestrate.agent_builder.tools import PythonTool, ToolPermission
from ibm_watsonx_orchestrate.agent_builder.tools.utils import extract_python_tools
from ibm_watsonx_orchestrate.cli.commands.agents.agents_controller import parse_file

from marketing_supervisor_agent.tools import TOOLS

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "marketing_supervisor_agent_"
LLM = "watsonx/ibm/granite-3-3-8b-instruct"
STYLE = AgentStyle("react_core")
# Agent files in import order: collaborators before the agents that call them.
IMPORT_ORDER = ["supervisor", "researcher", "writer", "manager"]
COLLABORATORS: dict[str, list[str]] = {
    "marketing_supervisor_agent_manager": ["marketing_supervisor_agent_supervisor", "marketing_supervisor_agent_researcher", "marketing_supervisor_agent_writer"],
}
PERMISSIONS: dict[str, ToolPermission] = {
    "web_search": ToolPermission.READ_ONLY,
}


@pytest.fixture(scope="module")
def agents() -> dict[str, Agent]:
    """Every agent file, parsed by the same function as `orchestrate agents import -f`."""
    loaded: dict[str, Agent] = {}
    for path in sorted((ROOT / "agents").glob("*.yaml")):
        [agent] = parse_file(str(path))
        assert agent.name == PREFIX + path.stem
        loaded[agent.name] = agent
    return loaded


@pytest.fixture(scope="module")
def tools() -> dict[str, PythonTool]:
    """Every tool file, loaded by the same function as `orchestrate tools import -k python -p tools`."""
    loaded: dict[str, PythonTool] = {}
    for path in sorted((ROOT / "tools").glob("*.py")):
        found = extract_python_tools(file=str(path), requirements_file=str(ROOT / "requirements.txt"), package_root=str(ROOT / "tools"))
        for tool in found:
            loaded[tool.__tool_spec__.name] = tool
    return loaded


def test_every_agent_file_is_a_valid_native_agent(agents: dict[str, Agent]) -> None:
    assert sorted(agents) == sorted(PREFIX + agent_id for agent_id in IMPORT_ORDER)
    for agent in agents.values():
        assert agent.kind == AgentKind.NATIVE
        assert str(agent.spec_version) == "v1"
        assert agent.llm == LLM
        assert agent.style == STYLE
        assert agent.description.strip() and (agent.instructions or "").strip()


def test_collaborators_resolve_and_form_the_pattern(agents: dict[str, Agent]) -> None:
    for agent in agents.values():
        for name in agent.collaborators:
            assert name in agents, f"{agent.name} names an unknown collaborator {name}"
    assert {name: list(agent.collaborators) for name, agent in agents.items() if agent.collaborators} == COLLABORATORS


def test_every_tool_an_agent_names_is_a_tool_file_of_this_project(agents: dict[str, Agent], tools: dict[str, PythonTool]) -> None:
    for agent in agents.values():
        for name in agent.tools:
            assert name in tools, f"{agent.name} names an unknown tool {name}"


def test_tool_files_wrap_the_shared_functions(tools: dict[str, PythonTool]) -> None:
    assert sorted(tools) == sorted(TOOLS)
    for name, tool in tools.items():
        spec = tool.__tool_spec__
        assert tool.fn is TOOLS[name]
        assert spec.binding.python.function == f"{name}:{name}"
        assert spec.permission == PERMISSIONS[name]
        assert (spec.description or "").strip()
        assert spec.input_schema.properties, f"{name} has no input schema"


def test_the_import_script_keeps_dependency_order() -> None:
    lines = (ROOT / "import.sh").read_text(encoding="utf-8").splitlines()
    agent_lines = [line for line in lines if line.startswith("orchestrate agents import")]
    tool_lines = [line for line in lines if line.startswith("orchestrate tools import")]
    assert [line.rsplit("agents/", 1)[1].removesuffix(".yaml") for line in agent_lines] == IMPORT_ORDER
    assert sorted(line.split("-f tools/", 1)[1].split(".py", 1)[0] for line in tool_lines) == sorted(TOOLS)
    if tool_lines:
        assert lines.index(tool_lines[-1]) < lines.index(agent_lines[0]), "tools must exist before the agents"
    for agent, collaborators in COLLABORATORS.items():
        for collaborator in collaborators:
            assert IMPORT_ORDER.index(collaborator.removeprefix(PREFIX)) < IMPORT_ORDER.index(agent.removeprefix(PREFIX))
