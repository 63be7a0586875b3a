// Rules `export.supported` / `export.unsupported` / `export.other-cloud` for the chosen export target.
import type { ExportTargetId, HyperscalerId } from '@agent-generator/contracts';
import { exportTargetIn, frameworkIn, hyperscalerIn, listOf, possessive } from '../catalog-lookup';
import { finding, type Finding, type RuleContext } from '../finding';

// The cloud each managed target deploys to (catalog/export-targets.ts: Azure AI Foundry Agent
// Service, Bedrock AgentCore Runtime, Vertex AI Agent Engine, watsonx Orchestrate on IBM Cloud).
const CLOUD_OF_TARGET: Partial<Record<ExportTargetId, HyperscalerId>> = {
  'azure-ai': 'azure',
  bedrock: 'aws',
  'vertex-ai': 'gcp',
  watsonx: 'ibm',
};

/** The cloud a target deploys to; undefined for cloud-neutral targets (zip, docker, github, hf). */
export function cloudOfTarget(target: ExportTargetId): HyperscalerId | undefined {
  return CLOUD_OF_TARGET[target];
}

// Source: each framework's `exportTargets` list in catalog/frameworks.ts (the targets the
// generator can package that framework for).
export function exportFit({ selection, catalog }: RuleContext): ReadonlyArray<Finding> {
  if (!selection.exportTarget) return [];
  const framework = frameworkIn(catalog, selection.framework);
  const target = exportTargetIn(catalog, selection.exportTarget);
  const base = { category: 'export', subject: target.id } as const;
  if (!framework.exportTargets.includes(target.id)) {
    const offered = listOf(framework.exportTargets.map((id) => exportTargetIn(catalog, id).label));
    const message =
      `${framework.name} projects cannot be exported to ${target.label}. ` +
      `Export to ${offered} instead, or pick a framework that deploys to ${target.label}.`;
    return [finding({ ...base, rule: 'export.unsupported', severity: 'err', message })];
  }
  const targetCloud = CLOUD_OF_TARGET[target.id];
  if (selection.hyperscaler && targetCloud && targetCloud !== selection.hyperscaler) {
    const chosen = hyperscalerIn(catalog, selection.hyperscaler).label;
    const message =
      `${target.label} runs the agent on ${hyperscalerIn(catalog, targetCloud).label}, not on ${chosen} as you chose. ` +
      `Pick a cloud-neutral target (Docker image, ZIP archive) or ${possessive(chosen)} own, or change the cloud.`;
    return [finding({ ...base, rule: 'export.other-cloud', severity: 'warn', message })];
  }
  return [finding({ ...base, rule: 'export.supported', severity: 'ok', message: `${framework.name} projects export to ${target.label}: ${target.description}` })];
}
