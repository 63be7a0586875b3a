import { cleanText, FRAMEWORK_IDS, HYPERSCALER_IDS, MAX_IDEA_LENGTH, PATTERN_IDS, PROVIDER_IDS, ProjectSpecSchema, TOOL_IDS, UserError } from '@agent-generator/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tools } from '../catalog/tools';
import { PATTERN_PHRASES, HYPERSCALER_PHRASES, FRAMEWORK_PHRASES } from './signal-phrases';
import { planProject } from './plan-project';

// Words the planner reacts to, so generated ideas reach its branches, not just its fallbacks.
const VOCABULARY = [
  ...tools.flatMap((tool) => tool.phrases),
  ...Object.values(PATTERN_PHRASES).flat(),
  ...Object.values(HYPERSCALER_PHRASES).flat(),
  ...Object.values(FRAMEWORK_PHRASES).flat(),
  'about', 'on', 'agent', 'agents', 'Content Curator agent', 'The Boss agent', '3 agents', 'nine agents', 'write', 'review', 'find', 'send', 'answer', 'and', 'then', 'that',
  'class', 'import', 'test', 'main', '{topic}', '{{x}}', '"', "'", '\\', '`', '\n', '\r\n', '\t', '\u0000', '\u001b', '\u2028', '\uFEFF', 'é', '研究', '🤖', 'ＡＷＳ',
];
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const unit = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), loneSurrogate, fc.constantFrom(...VOCABULARY.map((word) => `${word} `)));
const idea = fc.oneof(
  fc.string({ unit, maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', minLength: MAX_IDEA_LENGTH - 5, maxLength: MAX_IDEA_LENGTH + 5 }),
  fc.string({ unit: 'binary', minLength: MAX_IDEA_LENGTH - 3, maxLength: MAX_IDEA_LENGTH + 3 }),
  fc.constantFrom('', ' ', '\n\n', '\u0000', 'x'.repeat(MAX_IDEA_LENGTH), 'x'.repeat(MAX_IDEA_LENGTH + 1), `${' '.repeat(10)}${'y'.repeat(MAX_IDEA_LENGTH)}\n`),
);
const choices = fc.record(
  {
    framework: fc.constantFrom(...FRAMEWORK_IDS),
    pattern: fc.constantFrom(...PATTERN_IDS),
    hyperscaler: fc.constantFrom(...HYPERSCALER_IDS),
    provider: fc.constantFrom(...PROVIDER_IDS),
    tools: fc.uniqueArray(fc.constantFrom(...TOOL_IDS)),
  },
  { requiredKeys: [] },
);

describe('planProject on any input', () => {
  it('either refuses an empty or too long idea with a UserError, or returns a valid spec', () => {
    fc.assert(
      fc.property(idea, choices, (text, chosen) => {
        const cleaned = cleanText(text).trim();
        const refusable = cleaned.length === 0 || Array.from(cleaned).length > MAX_IDEA_LENGTH;
        let result: ReturnType<typeof planProject>;
        try {
          result = planProject(text, chosen);
        } catch (error) {
          expect(error).toBeInstanceOf(UserError);
          expect(refusable).toBe(true);
          return;
        }
        expect(refusable).toBe(false);
        expect(ProjectSpecSchema.safeParse(result.spec).success).toBe(true);
        expect(result.spec.idea).toBe(cleaned);
        for (const [key, value] of Object.entries(chosen)) {
          if (key === 'tools') expect(result.spec.tools.map((tool) => tool.id)).toEqual(value);
          else if (key === 'provider') expect(result.spec.model.provider).toBe(value);
          else expect(result.spec[key as 'framework' | 'pattern' | 'hyperscaler']).toBe(value);
        }
        const placeholder = `{${result.spec.inputs[0]?.name ?? ''}}`;
        const texts = [...result.spec.agents.flatMap((agent) => [agent.role, agent.goal, agent.backstory]), ...result.spec.tasks.map((task) => task.description)];
        for (const planned of texts) expect(planned.replaceAll(placeholder, '')).not.toMatch(/[{}]/);
        expect(JSON.stringify(planProject(text, chosen))).toBe(JSON.stringify(result));
      }),
      { numRuns: 400 },
    );
  });
});
