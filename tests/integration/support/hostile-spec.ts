// Specs whose free text is hostile (quotes, escapes, templates, markup, code, control and bidi
// characters, very long text) while ids, tools and model stay those of the fixture, so a hostile
// project installs into the same cached venv as the framework's own project tests.
import type { FrameworkId, PatternId, ProjectSpec } from '@agent-generator/contracts';
import { restoreProjectSpec } from '@agent-generator/contracts';
import { fixtureSpec } from '../../../packages/renderers/src/test-fixtures';

/** Planted in every hostile text; it may appear in string values, never as a name or import. */
export const CANARY = 'HOSTILExCANARY';

// Each breaks naive string building somewhere: Python literals and f-strings, str.format and
// %-formatting, Jinja and shell templates, YAML, TOML, JSON, HTML, Markdown, terminals.
const FRAGMENTS: ReadonlyArray<string> = [
  '"""', "'''", '\\', '\\N{BULLET}', '\\n', '\\x00', '{braces}', '{{', '}}', '{0}', '${x}', '%s', '%(name)s', '`', '```',
  '\n', '\r\n', '\r', '\t', '\u0007', '\u001b[31m', '\u202e', '\u2028', '🧪', 'é', '日本語', '</script>', '<b>',
  ': ', '- ', '? ', '| ', '> ', '& ', '*', '!', '#', '"]\n[x]', `"); import os; os.system("id") #`, "'); __import__('os') #",
  '{% raw %}', '{% endraw %}', '{{ 7*7 }}', '---', `"\nimport ${CANARY}\n"`, `'''\n${CANARY}()\n'''`, `" + ${CANARY}() + "`,
  `\n${CANARY}: true\n`, `"\n[${CANARY}]\n`, `{${CANARY}}`, `\\"; ${CANARY} = 1 #`,
];

const ALL = FRAGMENTS.join(' ');

/** `label`, then as many hostile fragments as fit in `max` UTF-16 units, ending with the canary. */
function hostileText(label: string, max: number): string {
  let text = label;
  for (const fragment of FRAGMENTS) {
    if (text.length + fragment.length + CANARY.length + 2 > max) break;
    text += ` ${fragment}`;
  }
  return `${text} ${CANARY}`;
}

/** About `bytes` of UTF-8 (and at most `max` UTF-16 units): the fragments repeated, multi-byte heavy. */
function longHostileText(label: string, options: { bytes: number; max: number }): string {
  let text = label;
  while (new TextEncoder().encode(text).length < options.bytes) {
    const next = `${text} ${ALL} 日本語🧪`;
    if (next.length + CANARY.length + 1 > options.max) break;
    text = next;
  }
  return `${text} ${CANARY}`;
}

/** The fixture spec of this framework and pattern with every free-text field made hostile. */
export function hostileSpec(framework: FrameworkId, pattern: PatternId): ProjectSpec {
  const base = fixtureSpec({ framework, pattern });
  const result = restoreProjectSpec({
    ...base,
    name: hostileText('Paper "Digest"', 120),
    idea: longHostileText('A research crew', { bytes: 5 * 1024, max: 4000 }),
    agents: base.agents.map((agent, index) => ({
      ...agent,
      role: hostileText(`${agent.role} #${index}`, 200),
      goal: hostileText(`${agent.goal} (goal)`, 1000),
      backstory: index === 0 ? longHostileText('Backstory', { bytes: 2500, max: 2000 }) : hostileText('Backstory', 2000),
    })),
    tasks: base.tasks.map((task) => ({
      ...task,
      description: hostileText(`${task.description} (task ${task.id})`, 2000),
      expectedOutput: hostileText('Expected', 1000),
    })),
    inputs: base.inputs.map((input) => ({ ...input, description: hostileText(input.description, 500), default: hostileText('default', 2000) })),
  });
  if (!result.ok) throw new Error(`hostile spec is invalid: ${JSON.stringify(result.issues)}`);
  return result.spec;
}
