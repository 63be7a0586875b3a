// The terminal command equivalent to the wizard's choices (the CLI plans the same idea with the same flags).
import type { ProjectSpec, Selection } from '@agent-generator/contracts';

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function cliCommand(spec: ProjectSpec, selection: Selection): string {
  const flags: Array<string> = [`--framework ${spec.framework}`, `--pattern ${spec.pattern}`, `--hyperscaler ${spec.hyperscaler}`, `--provider ${spec.model.provider}`, `--model ${spec.model.id}`];
  if (spec.tools.length > 0) flags.push(`--tools ${spec.tools.map((tool) => tool.id).join(',')}`);
  if (selection.exportTarget) flags.push(`--export ${selection.exportTarget}`);
  return `agent-generator generate ${quote(spec.idea)} ${flags.join(' ')} -o ${spec.slug}`;
}
