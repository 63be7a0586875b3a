// src/<pkg>/crew.py: the @CrewBase class with one @agent per agent, one @task per task and the @crew.
import { pyClassName, pyString } from '../shared/escape';
import type { CrewAgent, CrewPlan } from './crew-plan';
import { pyList } from './python-literals';

const PROCESS_DOCS: Record<CrewPlan['pattern'], string> = {
  sequential: 'Runs the tasks in order (Process.sequential); each task receives the outputs of its context tasks.',
  supervisor: 'A manager receives every task and delegates it to the worker agents (Process.hierarchical).',
  react: "ReAct adapter: one task in which the lead agent reasons, acts (a tool or a coworker), observes and repeats, at most AGENT_MAX_STEPS times.",
};

function agentMethod(agent: CrewAgent, decorated: boolean): string {
  return `${decorated ? '    @agent\n' : ''}    def ${agent.member}(self) -> Agent:
        agent = self._agent(${pyString(agent.member)}, tools=${pyList(agent.tools)}, allow_delegation=${agent.allowDelegation ? 'True' : 'False'})
        return name_agent(agent, ${pyString(agent.spec.id)})`;
}

function taskMethod(key: string): string {
  return `    @task
    def ${key}(self) -> Task:
        return Task(config=self.tasks_config[${pyString(key)}])`;
}

function crewMethod(plan: CrewPlan): string {
  const manager =
    plan.process === 'sequential' ? '' : plan.manager ? `\n            manager_agent=self.${plan.manager.member}(),` : '\n            manager_llm=self.llm,';
  return `    @crew
    def crew(self) -> Crew:
        """${PROCESS_DOCS[plan.pattern]}"""
        return Crew(
            agents=self.agents,
            tasks=self.tasks,
            process=Process.${plan.process},${manager}
            verbose=False,
        )`;
}

export function crewPy(plan: CrewPlan, packageName: string): string {
  const className = `${pyClassName(packageName)}Crew`;
  const managerMethod = plan.manager
    ? `\n\n    # The manager is not an @agent: CrewAI keeps it out of the workers and gives it only delegation tools.\n${agentMethod(plan.manager, false)}`
    : '';
  return `"""The crew: agents and tasks from config/*.yaml, the model from settings.py, the project's tools."""

from __future__ import annotations

from crewai import Agent, Crew, Process, Task
from crewai.project import CrewBase, agent, crew, task

from .crewai_events import name_agent
from .llm import build_llm
from .settings import load_settings
from .tools.crewai_tools import crewai_tools


@CrewBase
class ${className}:
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

${plan.agents.map((item) => agentMethod(item, true)).join('\n\n')}${managerMethod}

${plan.tasks.map((item) => taskMethod(item.key)).join('\n\n')}

${crewMethod(plan)}
`;
}
