// Untrusted input: validated against SelectionSchema, with issues that name the bad value.
import { describe, expect, it } from 'vitest';
import { evaluateUnknown } from './evaluate-unknown';

describe('evaluateUnknown', () => {
  it('evaluates a valid selection', () => {
    const result = evaluateUnknown({ framework: 'react', pattern: 'supervisor' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.diagnostics.map((row) => row.rule)).toEqual(['framework.maturity', 'pattern.unsupported']);
  });

  it('names an unknown id, the field it was in and the ids that are valid', () => {
    const result = evaluateUnknown({ framework: 'crewaix', tools: ['calculator', 'telepathy'], exportTarget: 'floppy' });
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 'framework', message: expect.stringMatching(/^"crewaix" is not a known framework; expected one of: crewai, crewai-flow, langgraph/) },
        { path: 'tools.1', message: expect.stringMatching(/^"telepathy" is not a known tool; expected one of: web_search/) },
        { path: 'exportTarget', message: expect.stringMatching(/^"floppy" is not a known export target; expected one of: zip, docker/) },
      ],
    });
  });

  it('reports a missing framework and wrong types without throwing', () => {
    const result = evaluateUnknown({ model: 42 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path)).toEqual(['framework', 'model']);
  });

  it.each([null, 'crewai', 7, [], undefined])('rejects %j as a whole', (input) => {
    const result = evaluateUnknown(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toBe('(selection)');
  });
});
