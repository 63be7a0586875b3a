// The run's tools line (shown only when some of the spec's tools were off, naming those), a spec's tools
// and the tools a run's run-start says its spec offered.
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '@agent-generator/contracts';
import { runStartTools, runToolsLabel, specTools } from './run-tools-label';

describe('runToolsLabel', () => {
  const spec = ['calculator', 'web_search', 'file_write'];

  it('names the enabled tools and the ones that were off', () => {
    expect(runToolsLabel(spec, ['calculator', 'file_write'])).toBe('calculator, file_write (web_search off)');
    expect(runToolsLabel(spec, [])).toBe('none (calculator, web_search, file_write off)');
  });

  it('says nothing when every tool was on or no choice was made', () => {
    expect(runToolsLabel(spec, null)).toBeUndefined();
    expect(runToolsLabel(spec, undefined)).toBeUndefined();
    expect(runToolsLabel(spec, ['file_write', 'web_search', 'calculator', 'unknown'])).toBeUndefined();
  });

  it('lists the run tools alone when the spec is not known', () => {
    expect(runToolsLabel(undefined, ['calculator'])).toBe('calculator');
    expect(runToolsLabel(undefined, [])).toBe('none');
  });
});

describe('specTools', () => {
  it('is the union of the agents’ tools in first-seen order', () => {
    const agents = [
      { id: 'a', tools: ['web_search', 'calculator'] },
      { id: 'b', tools: ['calculator', 'file_write'] },
    ];
    expect(specTools({ agents } as unknown as Parameters<typeof specTools>[0])).toEqual(['web_search', 'calculator', 'file_write']);
    expect(specTools(undefined)).toEqual([]);
  });
});

describe('runStartTools', () => {
  const at = '2025-01-01T00:00:00.000Z';
  const start = (tools?: string[]): RunEvent => ({ type: 'run-start', runId: 'r', seq: 0, at, project: 'p', framework: 'crewai', pattern: 'react', input: 'hi', ...(tools === undefined ? {} : { tools }) });
  const end: RunEvent = { type: 'run-end', runId: 'r', seq: 1, at, status: 'succeeded' };

  it("is what the run's run-start names, so the label follows the spec the run used, not a later one", () => {
    const runSpec = runStartTools([start(['calculator', 'web_search', 'file_write']), end]);
    expect(runSpec).toEqual(['calculator', 'web_search', 'file_write']);
    expect(runToolsLabel(runSpec, ['calculator'])).toBe('calculator (web_search, file_write off)');
    expect(runStartTools([start([]), end])).toEqual([]);
  });

  it('is undefined for an older run whose run-start names no tools, or before any event arrived', () => {
    expect(runStartTools([start(), end])).toBeUndefined();
    expect(runStartTools([])).toBeUndefined();
  });
});
