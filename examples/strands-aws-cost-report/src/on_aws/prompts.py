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


PROJECT = "On AWS"
IDEA = "On AWS, a supervisor that queries the SQL database for costs, calculates monthly totals and posts a summary to Slack"

AGENTS: dict[str, AgentSpec] = {
    "supervisor": AgentSpec(
        id="supervisor",
        role="Supervisor",
        goal="Deliver a complete, correct result for {request} by giving each specialist the right part of the work",
        backstory="An experienced lead who breaks work into clear assignments, delegates each to the specialist best suited for it, and checks results before anything is delivered.",
        tools=(),
    ),
    "analyst": AgentSpec(
        id="analyst",
        role="Analyst",
        goal="Turn the material on {request} into clear, checked insights",
        backstory="A careful analyst who compares sources, checks numbers and keeps facts apart from opinions.",
        tools=("sql_query", "calculator"),
    ),
    "writer": AgentSpec(
        id="writer",
        role="Writer",
        goal="Write a clear, well-structured result about {request}",
        backstory="A skilled writer who turns notes and analysis into concise prose a busy reader understands at once.",
        tools=(),
    ),
    "publisher": AgentSpec(
        id="publisher",
        role="Publisher",
        goal="Deliver the finished result about {request} to the right people",
        backstory="A reliable coordinator who sends results on time, in the right format, to the right place, and confirms what was sent.",
        tools=("slack_post",),
    ),
}

TASKS: tuple[TaskSpec, ...] = (
    TaskSpec(
        id="planning_task",
        agent="supervisor",
        description="Plan the work on {request}: split it into steps, decide which specialist handles each one and what they must hand back.",
        expected_output="A short plan naming each step, the specialist responsible and the result expected from them.",
        context=(),
    ),
    TaskSpec(
        id="analysis_task",
        agent="analyst",
        description="Analyse the material on {request}: extract the key points, compare them and work out any figures.\nFrom the brief: “calculates monthly totals”",
        expected_output="A structured analysis: key points, comparisons and figures, each traced to its source.",
        context=("planning_task",),
    ),
    TaskSpec(
        id="writing_task",
        agent="writer",
        description="Write the final result about {request} from the team's work, in Markdown.\nFrom the brief: “posts a summary to Slack”",
        expected_output="A well-structured Markdown document ready to share.",
        context=("analysis_task",),
    ),
    TaskSpec(
        id="delivery_task",
        agent="publisher",
        description="Deliver the finished result about {request} as the brief asks (for example by email or chat) and report what was sent.\nFrom the brief: “posts a summary to Slack”",
        expected_output="A confirmation of what was delivered, to whom or where, with the final text.",
        context=("writing_task",),
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
