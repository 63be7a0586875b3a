// Tool rows: one per distinct selected tool, on the agents step, naming the setup each needs.
import { TOOL_IDS, type Selection } from '@agent-generator/contracts';
import { describe, expect, it } from 'vitest';
import { toolById } from '../catalog/index';
import { evaluate } from './evaluate';
import { rowProblems } from './test-helpers';

const toolRows = (selection: Selection) => evaluate(selection).filter((row) => row.category === 'tool');

describe('tool rows', () => {
  it('gives every tool an ok row on the agents step that names its environment variables', () => {
    const rows = toolRows({ framework: 'crewai', hyperscaler: 'azure', tools: [...TOOL_IDS] });
    expect(rows.map((row) => row.subject)).toEqual([...TOOL_IDS]);
    for (const row of rows) {
      const tool = toolById(TOOL_IDS.find((id) => id === row.subject) ?? 'calculator');
      expect(row).toMatchObject({ severity: 'ok', step: 'agents', alternatives: [] });
      expect(row.rule).toBe(tool.sideEffects ? 'tool.side-effects' : 'tool.ready');
      for (const name of tool.env) expect(row.message).toContain(name);
    }
  });

  it('shows one row per distinct tool, in the order first selected', () => {
    expect(toolRows({ framework: 'react', tools: ['calculator', 'web_search', 'calculator'] }).map((row) => row.subject)).toEqual(['calculator', 'web_search']);
  });

  it('shows no tool rows when none are selected', () => {
    expect(toolRows({ framework: 'react', tools: [] })).toEqual([]);
    expect(toolRows({ framework: 'react' })).toEqual([]);
  });

  it('warns that Slack takes data off the premises and offers email through your own server', () => {
    const selection: Selection = { framework: 'langgraph', hyperscaler: 'on_prem', tools: ['web_search', 'slack_post'] };
    const [, slack] = toolRows(selection);
    expect(slack).toMatchObject({ rule: 'tool.leaves-premises', severity: 'warn', subject: 'slack_post' });
    expect(slack?.alternatives).toEqual([{ tools: ['web_search', 'email_send'] }, { tools: ['web_search'] }]);
    expect(rowProblems(selection)).toEqual([]);
  });

  it('does not warn about Slack on a cloud', () => {
    expect(toolRows({ framework: 'langgraph', hyperscaler: 'aws', tools: ['slack_post'] })[0]?.severity).toBe('ok');
  });

  it('places tool rows after the model and before the export row', () => {
    const rows = evaluate({ framework: 'langgraph', provider: 'openai', model: 'gpt-4o', tools: ['calculator'], exportTarget: 'docker' });
    expect(rows.map((row) => row.category)).toEqual(['framework', 'provider', 'model', 'tool', 'export']);
  });
});
