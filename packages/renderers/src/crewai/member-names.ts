// Names of the generated crew class's members. CrewAI maps `agent:` and `context:` in the YAML to
// methods of the same name, so agent and task ids become method names, unless they would shadow
// an attribute the @CrewBase class already has.
import type { ProjectSpec } from '@agent-generator/contracts';

// Attributes of a @CrewBase instance (crewai 1.15) plus the ones the generated class defines.
const CREW_CLASS_ATTRIBUTES = new Set([
  'agents', 'tasks', 'crew', 'settings', 'llm', 'agents_config', 'tasks_config', 'base_directory',
  'close_mcp_server', 'get_mcp_tools', 'is_crew_class', 'load_configurations', 'load_yaml',
  'map_all_agent_variables', 'map_all_task_variables', 'mcp_connect_timeout', 'mcp_server_params',
  'original_agents_config_path', 'original_tasks_config_path',
]);

export interface MemberNames {
  readonly agent: (id: string) => string;
  readonly task: (id: string) => string;
}

/** Assigns every agent and task a method name: its id, or `<id>_agent` / `<id>_task` on a clash. */
export function memberNames(spec: ProjectSpec, extra: ReadonlyArray<string> = []): MemberNames {
  const taken = new Set([...CREW_CLASS_ATTRIBUTES, ...extra]);
  const ids = [...spec.agents.map((agent) => agent.id), ...spec.tasks.map((task) => task.id)];
  const names = new Map<string, string>();
  const assign = (id: string, suffix: string): void => {
    let name = id;
    while (taken.has(name) || (name !== id && ids.includes(name))) name = `${name}${suffix}`;
    taken.add(name);
    names.set(id, name);
  };
  spec.agents.forEach((agent) => assign(agent.id, '_agent'));
  spec.tasks.forEach((task) => assign(task.id, '_task'));
  const lookup = (id: string): string => names.get(id) ?? id;
  return { agent: lookup, task: lookup };
}
