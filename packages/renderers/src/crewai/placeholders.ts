// CrewAI fills `{name}` placeholders in agent and task texts from the kickoff inputs and refuses a
// name it has no value for. These helpers find the names, so a `{...}` in user text that is not an
// input (JSON, a template) can be kept literal instead of breaking the run.
import type { ProjectSpec } from '@agent-generator/contracts';

// The pattern CrewAI's interpolation matches (crewai.utilities.string_utils).
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_-]*)\}/g;

/** The input the command line fills when a spec declares none. */
export const IMPLICIT_INPUT = 'input';

/** Names of every `{name}` placeholder in the text, in order of appearance. */
export function placeholderNames(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/** The input names a run receives: the spec's inputs, or the implicit `input`. */
export function inputNames(spec: ProjectSpec): string[] {
  return spec.inputs.length > 0 ? spec.inputs.map((input) => input.name) : [IMPLICIT_INPUT];
}

/** Every user text CrewAI interpolates: agents' role, goal and backstory; tasks' description and expected output. */
export function interpolatedTexts(spec: ProjectSpec): string[] {
  return [
    ...spec.agents.flatMap((agent) => [agent.role, agent.goal, agent.backstory]),
    ...spec.tasks.flatMap((task) => [task.description, task.expectedOutput]),
  ];
}

/** Placeholder names in the spec's texts that are not inputs, sorted: each must stay literal. */
export function literalPlaceholders(spec: ProjectSpec): string[] {
  const inputs = new Set(inputNames(spec));
  const names = interpolatedTexts(spec).flatMap(placeholderNames);
  return [...new Set(names.filter((name) => !inputs.has(name)))].sort();
}

/** Inputs no text refers to; they are appended to the first task so the agents still see them. */
export function unreferencedInputs(spec: ProjectSpec): string[] {
  const used = new Set(interpolatedTexts(spec).flatMap(placeholderNames));
  return inputNames(spec).filter((name) => !used.has(name));
}

/** Text appended to the first task that shows the unreferenced inputs as CrewAI placeholders. */
export function inputsAppendix(spec: ProjectSpec): string {
  const names = unreferencedInputs(spec);
  if (names.length === 0) return '';
  if (spec.inputs.length === 0) return `\n\nRequest: {${IMPLICIT_INPUT}}`;
  return `\n\nInputs:\n${names.map((name) => `- ${name}: {${name}}`).join('\n')}`;
}
