"""The agents and tasks of this project as data, and the texts the agents are given.

All texts come from the project spec. {name} placeholders of the project's inputs are filled in at
run time; any other braces stay as written.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AgentSpec:
    """One agent: who it is and which tools (ids in tools.TOOLS) it may call."""

    id: str
    role: str
    goal: str
    backstory: str
    tools: tuple[str, ...]


@dataclass(frozen=True)
class TaskSpec:
    """One task: what to do, which agent does it and which earlier tasks' outputs it builds on."""

    id: str
    agent: str
    description: str
    expected_output: str
    context: tuple[str, ...]


PROJECT = "Writer"
IDEA = "A writer and a critic iterate on a blog post until it is ready"

AGENTS: dict[str, AgentSpec] = {
    "writer": AgentSpec(
        id="writer",
        role="Writer",
        goal="Write a clear, well-structured result about {topic}",
        backstory="A skilled writer who turns notes and analysis into concise prose a busy reader understands at once.",
        tools=(),
    ),
    "reviewer": AgentSpec(
        id="reviewer",
        role="Reviewer",
        goal="Make sure the result about {topic} is accurate, complete and clear",
        backstory="A demanding editor who checks facts, fixes unclear wording and sends back anything unsupported.",
        tools=(),
    ),
    "publisher": AgentSpec(
        id="publisher",
        role="Publisher",
        goal="Deliver the finished result about {topic} to the right people",
        backstory="A reliable coordinator who sends results on time, in the right format, to the right place, and confirms what was sent.",
        tools=(),
    ),
}

TASKS: tuple[TaskSpec, ...] = (
    TaskSpec(
        id="writing_task",
        agent="writer",
        description="Write the final result about {topic} from the team's work, in Markdown.\nFrom the brief: “A writer”",
        expected_output="A well-structured Markdown document ready to share.",
        context=(),
    ),
    TaskSpec(
        id="review_task",
        agent="reviewer",
        description="Review the draft about {topic}: check every claim against the findings, fix errors and tighten the wording.\nFrom the brief: “a critic iterate on a blog post until it is ready”",
        expected_output="The corrected final version, followed by a short list of the changes made.",
        context=("writing_task",),
    ),
    TaskSpec(
        id="delivery_task",
        agent="publisher",
        description="Deliver the finished result about {topic} as the brief asks (for example by email or chat) and report what was sent.\nFrom the brief: “a critic iterate on a blog post until it is ready”",
        expected_output="A confirmation of what was delivered, to whom or where, with the final text.",
        context=("review_task",),
    ),
)


def fill(text: str, inputs: dict[str, str]) -> str:
    """Replaces {name} placeholders of the given inputs; other braces stay as written."""
    for name, value in inputs.items():
        text = text.replace("{" + name + "}", value)
    return text


def persona(agent: AgentSpec, inputs: dict[str, str]) -> str:
    """The part of a system message that says who the agent is."""
    lines = [f"You are {fill(agent.role, inputs)}.", f"Your goal: {fill(agent.goal, inputs)}"]
    if agent.backstory:
        lines.append(fill(agent.backstory, inputs))
    return "\n".join(lines)


def describe(agent: AgentSpec, inputs: dict[str, str]) -> str:
    """One line naming the agent's role and goal (what other agents see of it)."""
    return f"{fill(agent.role, inputs)}: {fill(agent.goal, inputs)}"


def task_instruction(task: TaskSpec, inputs: dict[str, str]) -> str:
    """What a task asks for, its expected output and the tasks whose outputs it builds on."""
    lines = [f"Task {task.id}: {fill(task.description, inputs)}", f"Expected output: {fill(task.expected_output, inputs)}"]
    if task.context:
        lines.append("Build on the output of: " + ", ".join(task.context) + ".")
    return "\n".join(lines)


def plan(inputs: dict[str, str]) -> str:
    """Every task in order, with the agent it belongs to."""
    return "\n\n".join(f"{task_instruction(task, inputs)}\nAgent: {task.agent}" for task in TASKS)


def request_text(inputs: dict[str, str]) -> str:
    """The opening message of a run: the project, its purpose and the inputs."""
    lines = [f"Project: {PROJECT}", IDEA, "", "Inputs:"]
    lines += [f"- {name}: {value}" for name, value in inputs.items()]
    return "\n".join(lines)
