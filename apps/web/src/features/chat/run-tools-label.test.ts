// The run's tools line (shown only when some of the spec's tools were off, naming those) and a spec's tools.
import { describe, expect, it } from 'vitest';
import { runToolsLabel, specTools } from './run-tools-label';

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
