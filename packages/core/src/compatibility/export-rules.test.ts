// Export rows for every framework × export target, and the cloud a managed target deploys to.
import { EXPORT_TARGET_IDS, FRAMEWORK_IDS, HYPERSCALER_IDS, type Selection } from '@agent-generator/contracts';
import { describe, expect, it } from 'vitest';
import { frameworkById } from '../catalog/index';
import { evaluate } from './evaluate';
import { rowProblems } from './test-helpers';

const exportRow = (selection: Selection) => evaluate(selection).find((row) => row.category === 'export');

describe('framework × export target', () => {
  const cells = FRAMEWORK_IDS.flatMap((framework) => EXPORT_TARGET_IDS.map((exportTarget) => ({ framework, exportTarget })));

  it.each(cells)('$framework to $exportTarget', ({ framework, exportTarget }) => {
    const offered = frameworkById(framework).exportTargets.includes(exportTarget);
    const row = exportRow({ framework, exportTarget });
    expect(row).toMatchObject({ subject: exportTarget, step: 'export', severity: offered ? 'ok' : 'err', rule: offered ? 'export.supported' : 'export.unsupported' });
    if (!offered) {
      // Both kinds of way out: another target of this framework, and a framework that offers this target.
      const otherTarget = row?.alternatives.find((alternative) => alternative.exportTarget !== undefined);
      const otherFramework = row?.alternatives.find((alternative) => alternative.framework !== undefined);
      expect(frameworkById(framework).exportTargets).toContain(otherTarget?.exportTarget);
      expect(frameworkById(otherFramework?.framework ?? framework).exportTargets).toContain(exportTarget);
    }
    for (const hyperscaler of HYPERSCALER_IDS) expect(rowProblems({ framework, exportTarget, hyperscaler })).toEqual([]);
  });

  it('never reports an export row for a target the user did not pick', () => {
    for (const framework of FRAMEWORK_IDS) expect(exportRow({ framework })).toBeUndefined();
  });

  it('keeps the old baseline’s always-red frameworks free of errors for their own targets', () => {
    for (const framework of ['autogen', 'strands', 'watsonx-orchestrate'] as const) {
      for (const exportTarget of frameworkById(framework).exportTargets) {
        expect(evaluate({ framework, exportTarget }).filter((row) => row.severity === 'err')).toEqual([]);
      }
    }
  });

  it('offers Docker first, then a framework, for Strands to Azure AI Foundry', () => {
    expect(exportRow({ framework: 'strands', exportTarget: 'azure-ai' })?.alternatives).toEqual([{ exportTarget: 'docker' }, { framework: 'crewai' }, { exportTarget: 'zip' }]);
  });
});

describe('managed targets and the chosen cloud', () => {
  it('warns when a managed target deploys to another cloud than the chosen one', () => {
    const row = exportRow({ framework: 'langgraph', hyperscaler: 'azure', exportTarget: 'bedrock' });
    expect(row).toMatchObject({ rule: 'export.other-cloud', severity: 'warn' });
    expect(row?.message).toMatch(/runs the agent on AWS, not on Azure/);
    expect(row?.alternatives[0]).toEqual({ exportTarget: 'azure-ai' });
    expect(row?.alternatives).toContainEqual({ hyperscaler: 'aws' });
  });

  it('accepts the chosen cloud’s own target and cloud-neutral targets', () => {
    expect(exportRow({ framework: 'langgraph', hyperscaler: 'gcp', exportTarget: 'vertex-ai' })?.severity).toBe('ok');
    expect(exportRow({ framework: 'langgraph', hyperscaler: 'on_prem', exportTarget: 'docker' })?.severity).toBe('ok');
  });
});
