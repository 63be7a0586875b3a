"""The crew: agents and tasks from config/*.yaml, the model from settings.py, the project's tools."""

from __future__ import annotations

from crewai import Agent, Crew, Process, Task
from crewai.project import CrewBase, agent, crew, task

from .crewai_events import name_agent
from .llm import build_llm
from .settings import load_settings
from .tools.crewai_tools import crewai_tools


@CrewBase
class ResearchCrewCrew:
    """The agents and tasks of config/*.yaml; crew() says how they run."""

    agents_config = "config/agents.yaml"
    tasks_config = "config/tasks.yaml"

    def __init__(self) -> None:
        self.settings = load_settings()
        self.llm = build_llm(self.settings)

    def _agent(self, name: str, tools: list[str], allow_delegation: bool) -> Agent:
        # max_iter bounds each agent's reason-act-observe loop.
        return Agent(
            config=self.agents_config[name],
            llm=self.llm,
            tools=crewai_tools(tools),
            allow_delegation=allow_delegation,
            max_iter=self.settings.max_steps,
            verbose=False,
        )

    @agent
    def researcher(self) -> Agent:
        agent = self._agent("researcher", tools=["web_search"], allow_delegation=False)
        return name_agent(agent, "researcher")

    @agent
    def analyst(self) -> Agent:
        agent = self._agent("analyst", tools=[], allow_delegation=False)
        return name_agent(agent, "analyst")

    @agent
    def writer(self) -> Agent:
        agent = self._agent("writer", tools=[], allow_delegation=False)
        return name_agent(agent, "writer")

    @task
    def research_task(self) -> Task:
        return Task(config=self.tasks_config["research_task"])

    @task
    def analysis_task(self) -> Task:
        return Task(config=self.tasks_config["analysis_task"])

    @task
    def writing_task(self) -> Task:
        return Task(config=self.tasks_config["writing_task"])

    @crew
    def crew(self) -> Crew:
        """Runs the tasks in order (Process.sequential); each task receives the outputs of its context tasks."""
        return Crew(
            agents=self.agents,
            tasks=self.tasks,
            process=Process.sequential,
            verbose=False,
        )
