"""The crew: agents and tasks from config/*.yaml, the model from settings.py, the project's tools."""

from __future__ import annotations

from crewai import Agent, Crew, Process, Task
from crewai.project import CrewBase, agent, crew, task

from .crewai_events import name_agent
from .llm import build_llm
from .settings import load_settings
from .tools.crewai_tools import crewai_tools


@CrewBase
class PaperDigestCrew:
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
        agent = self._agent("researcher", tools=["web_search", "calculator"], allow_delegation=False)
        return name_agent(agent, "researcher")

    @agent
    def analyst(self) -> Agent:
        agent = self._agent("analyst", tools=["calculator"], allow_delegation=False)
        return name_agent(agent, "analyst")

    @agent
    def writer(self) -> Agent:
        agent = self._agent("writer", tools=["file_write"], allow_delegation=False)
        return name_agent(agent, "writer")

    @task
    def find_papers(self) -> Task:
        return Task(config=self.tasks_config["find_papers"])

    @task
    def analyse_papers(self) -> Task:
        return Task(config=self.tasks_config["analyse_papers"])

    @task
    def write_digest(self) -> Task:
        return Task(config=self.tasks_config["write_digest"])

    @crew
    def crew(self) -> Crew:
        """A manager receives every task and delegates it to the worker agents (Process.hierarchical)."""
        return Crew(
            agents=self.agents,
            tasks=self.tasks,
            process=Process.hierarchical,
            manager_llm=self.llm,
            verbose=False,
        )
