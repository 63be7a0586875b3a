// The wizard's helpers: pattern support lookup, the framework picker filter, applying an alternative.
import { FRAMEWORK_IDS } from '@agent-generator/contracts';
import { describe, expect, it } from 'vitest';
import { applyAlternative } from './apply-alternative';
import { patternSupport, visibleFrameworks } from './wizard-helpers';

describe('patternSupport', () => {
  it('reads the framework’s pattern table', () => {
    expect(patternSupport('react', 'supervisor')).toBe('unsupported');
    expect(patternSupport('crewai', 'react')).toBe('adapter');
    expect(patternSupport('langgraph', 'graph')).toBe('native');
  });
});

describe('visibleFrameworks', () => {
  const ids = (filter: Parameters<typeof visibleFrameworks>[0]) => visibleFrameworks(filter).map((framework) => framework.id);

  it('shows every framework without a filter', () => {
    expect(ids({})).toEqual([...FRAMEWORK_IDS]);
    expect(ids({ hyperscaler: undefined, philosophy: undefined })).toEqual([...FRAMEWORK_IDS]);
  });

  it('keeps the frameworks native to the cloud', () => {
    expect(ids({ hyperscaler: 'ibm' })).toEqual(['crewai', 'langgraph', 'react', 'watsonx-orchestrate', 'llamaindex']);
    expect(ids({ hyperscaler: 'aws' })).toContain('strands');
    expect(ids({ hyperscaler: 'aws' })).not.toContain('autogen');
  });

  it('combines the cloud and the philosophy', () => {
    expect(ids({ philosophy: 'brainstorm' })).toEqual(['react', 'autogen']);
    expect(ids({ hyperscaler: 'gcp', philosophy: 'graph' })).toEqual(['crewai-flow', 'langgraph', 'llamaindex']);
  });
});

describe('applyAlternative', () => {
  it('replaces the fields the alternative names and keeps the others', () => {
    const selection = { framework: 'react', pattern: 'supervisor', hyperscaler: 'aws', tools: ['calculator'] } as const;
    expect(applyAlternative({ ...selection, tools: [...selection.tools] }, { framework: 'langgraph' })).toEqual({ ...selection, framework: 'langgraph' });
    expect(applyAlternative({ framework: 'react', tools: ['calculator'] }, { tools: [] })).toEqual({ framework: 'react', tools: [] });
  });

  it('ignores fields the alternative leaves undefined', () => {
    expect(applyAlternative({ framework: 'react', pattern: 'react' }, { pattern: undefined })).toEqual({ framework: 'react', pattern: 'react' });
  });
});
