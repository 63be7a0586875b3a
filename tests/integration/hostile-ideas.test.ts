// Property: whatever a person types, every generated file parses and no text becomes code.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAMEWORK_IDS, MAX_IDEA_LENGTH, type PatternId } from '@agent-generator/contracts';
import { frameworkById, planProject } from '@agent-generator/core';
import { renderProject } from '@agent-generator/renderers';
import { startFileChecker, type FileChecker } from './support/file-checker';

const CANARY = 'INJECTEDxCANARY';

// Fragments that break naive string building in Python, YAML, TOML, JSON, Markdown and shells.
const breakers = [
  '"', "'", '"""', "'''", '\\', '\\n', '\n', '\r\n', '\r', '\t', '{', '}', '{{', '}}', '${', '`', '```',
  '#', ': ', '- ', '---', '...', '[', ']', '= ', '&', '*', '!', '%', '@', '|', '>', '<script>', '\u0000',
  '\u001b[31m', '\u2028', '\u2029', '\u200b', '\u202e', '\uFEFF', '\uD800', '\uDC00', 'é', '日本語', '🧪',
  'e\u0301', '"); ', "'); ", '"""; ', `__import__('os').system('id') #`, `"\nimport ${CANARY}\n"`,
  `'''\n${CANARY}()\n'''`, `" + ${CANARY}() + "`, `\n${CANARY}: true\n`, `"\n[${CANARY}]\n`, `}}{${CANARY}}`,
  `{${CANARY}}`, `\\"; ${CANARY} = 1 #`, `\n---\n${CANARY}: 1`, 'research', 'papers', 'on AWS', 'supervisor',
  'then write a digest', 'email', 'SQL database', 'PDF', 'Slack',
];

const hostileIdea = fc
  .array(fc.oneof(fc.constantFrom(...breakers), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 12 })), { minLength: 1, maxLength: 40 })
  .map((parts) => `Build agents ${parts.join(' ')} ${CANARY}`);

// One supported pattern per framework, drawn per idea, so every framework sees every idea.
const patternsPerFramework = fc.tuple(
  ...FRAMEWORK_IDS.map((framework) => {
    const supported = Object.entries(frameworkById(framework).patterns).filter(([, support]) => support !== 'unsupported').map(([pattern]) => pattern as PatternId);
    return fc.constantFrom(...supported).map((pattern) => ({ framework, pattern }));
  }),
);

const RUNS = Number(process.env.AG_HOSTILE_RUNS ?? 300);

describe.skipIf(process.env.AG_SKIP_PYTHON === '1')('hostile ideas', () => {
  let checker: FileChecker;
  beforeAll(async () => {
    checker = await startFileChecker();
  });
  afterAll(() => checker.close());

  it(`${RUNS} hostile ideas × every framework (${RUNS * FRAMEWORK_IDS.length} projects): files parse, nothing is injected`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileIdea, patternsPerFramework, async (idea, choices) => {
        const files = choices.flatMap((choice) => renderProject(planProject(idea.slice(0, MAX_IDEA_LENGTH), choice).spec).files.map((file) => ({ ...file, path: `${choice.framework}/${file.path}` })));
        const errors = await checker.check(files, CANARY);
        expect(errors).toEqual([]);
        // Markdown, Dockerfiles and shell scripts have no parser here: user text may only sit in a
        // comment line of a Dockerfile or script, and may never start a Markdown line on its own.
        for (const file of files) {
          const lines = file.content.split('\n').filter((line) => line.includes(CANARY));
          if (file.path.endsWith('Dockerfile') || file.path.endsWith('.sh')) expect(lines.filter((line) => !line.trimStart().startsWith('#'))).toEqual([]);
          if (file.path.endsWith('.md')) expect(lines.filter((line) => line.startsWith(CANARY))).toEqual([]);
        }
      }),
      { numRuns: RUNS, seed: 20261125 },
    );
  }, 600_000);

  it('the longest allowed idea of quotes still renders for every framework', async () => {
    const idea = `"'\\\n{}`.repeat(MAX_IDEA_LENGTH / 6).slice(0, MAX_IDEA_LENGTH);
    for (const framework of FRAMEWORK_IDS) {
      const { files } = renderProject(planProject(`agents ${idea}`.slice(0, MAX_IDEA_LENGTH), { framework }).spec);
      expect(await checker.check(files, CANARY)).toEqual([]);
    }
  });
});
