"""The agents and tasks of this project, and the prompts built from them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Agent:
    id: str
    role: str
    goal: str
    backstory: str
    tools: tuple[str, ...]


@dataclass(frozen=True)
class Task:
    id: str
    description: str
    expected_output: str
    agent: str
    context: tuple[str, ...]


AGENTS: dict[str, Agent] = {
    "researcher": Agent(
        id="researcher",
        role="Researcher",
        goal="Find reliable, current information about {request}",
        backstory="A meticulous researcher who checks every claim against its source and never invents a citation.",
        tools=("web_search",),
    ),
    "analyst": Agent(
        id="analyst",
        role="Analyst",
        goal="Turn the material on {request} into clear, checked insights",
        backstory="A careful analyst who compares sources, checks numbers and keeps facts apart from opinions.",
        tools=(),
    ),
    "writer": Agent(
        id="writer",
        role="Writer",
        goal="Write a clear, well-structured result about {request}",
        backstory="A skilled writer who turns notes and analysis into concise prose a busy reader understands at once.",
        tools=(),
    ),
}

TASKS: tuple[Task, ...] = (
    Task(
        id="research_task",
        description="Research {request}. Collect the facts, figures and sources the rest of the team needs.\nFrom the brief: “Create a research assistant with Wikipedia search”",
        expected_output="A list of findings, each with its source (title and link, or document name).",
        agent="researcher",
        context=(),
    ),
    Task(
        id="analysis_task",
        description="Analyse the material on {request}: extract the key points, compare them and work out any figures.",
        expected_output="A structured analysis: key points, comparisons and figures, each traced to its source.",
        agent="analyst",
        context=("research_task",),
    ),
    Task(
        id="writing_task",
        description="Write the final result about {request} from the team's work, in Markdown.",
        expected_output="A well-structured Markdown document ready to share.",
        agent="writer",
        context=("analysis_task",),
    ),
)


def fill(text: str, inputs: dict[str, str]) -> str:
    """Replaces {name} placeholders of the run's inputs; other braces stay as written."""
    for name, value in inputs.items():
        text = text.replace("{" + name + "}", value)
    return text


def inputs_text(inputs: dict[str, str]) -> str:
    return "\n".join(f"- {name}: {value}" for name, value in inputs.items())


def system_prompt(agent: Agent, inputs: dict[str, str], extra: str = "") -> str:
    """The agent's persona (role, goal, backstory) with {input} placeholders filled in."""
    parts = [f"You are {fill(agent.role, inputs)}.", f"Your goal: {fill(agent.goal, inputs)}"]
    if agent.backstory:
        parts.append(fill(agent.backstory, inputs))
    if extra:
        parts.append(extra)
    return "\n\n".join(parts)


def task_prompt(task: Task, inputs: dict[str, str], outputs: dict[str, str]) -> str:
    """A task's message: what to do, what a good answer looks like, the inputs and its context outputs."""
    parts = [f"Task {task.id}: {fill(task.description, inputs)}", "Expected output: " + fill(task.expected_output, inputs)]
    if inputs:
        parts.append("Inputs:\n" + inputs_text(inputs))
    for dependency in task.context:
        parts.append(f"Output of task {dependency}:\n{outputs.get(dependency, '(not available)')}")
    return "\n\n".join(parts)


def plan_text(inputs: dict[str, str]) -> str:
    """Every task in order with the agent it belongs to, for a prompt that covers the whole job."""
    steps = [
        f"{number}. [{task.agent}] {fill(task.description, inputs)} (expected: {fill(task.expected_output, inputs)})"
        for number, task in enumerate(TASKS, start=1)
    ]
    text = "The plan:\n" + "\n".join(steps)
    return text + ("\n\nInputs:\n" + inputs_text(inputs) if inputs else "")
