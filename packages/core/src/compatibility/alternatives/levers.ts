// For each category, the fields an alternative may change, best lever first (one list per lever).
import { frameworkIn, modelsServedBy, modelsWithId } from '../catalog-lookup';
import type { DiagnosticCategory, Finding, RuleContext, SelectionPatch } from '../finding';
import { onPremSubstitute } from '../rules/tool-fit';
import { preferredExportTargets } from './preferences';

export type Lever = (context: RuleContext, target: Finding) => ReadonlyArray<SelectionPatch>;

// An archived framework is never proposed: it would trade one warning for another.
const otherFrameworks: Lever = ({ selection, catalog }) =>
  catalog.frameworks.filter((framework) => framework.id !== selection.framework && framework.maturity !== 'archived').map((framework) => ({ framework: framework.id }));

const otherHyperscalers: Lever = ({ selection, catalog }) =>
  selection.hyperscaler ? catalog.hyperscalers.filter((cloud) => cloud.id !== selection.hyperscaler).map((cloud) => ({ hyperscaler: cloud.id })) : [];

const otherPatterns: Lever = ({ selection, catalog }) =>
  catalog.patterns.filter((pattern) => pattern.id !== selection.pattern).map((pattern) => ({ pattern: pattern.id }));

const otherProviders: Lever = ({ selection, catalog }) =>
  catalog.providers.filter((provider) => provider.id !== selection.provider).map((provider) => ({ provider: provider.id }));

const otherModels: Lever = ({ selection, catalog }) => {
  const pool = selection.provider ? modelsServedBy(catalog, selection.provider) : catalog.models;
  const ids = [...new Set(pool.map((model) => model.id))].filter((id) => id !== selection.model);
  return ids.map((id) => ({ model: id }));
};

const providersServingModel: Lever = ({ selection, catalog }) => {
  if (!selection.model) return [];
  const owners = new Set(modelsWithId(catalog, selection.model).map((model) => model.provider));
  return [...owners].filter((provider) => provider !== selection.provider).map((provider) => ({ provider }));
};

const withoutTools: Lever = ({ selection }) => ((selection.tools ?? []).length > 0 ? [{ tools: [] }] : []);

const otherExportTargets: Lever = ({ selection, catalog }) =>
  preferredExportTargets(frameworkIn(catalog, selection.framework), selection.hyperscaler)
    .filter((target) => target !== selection.exportTarget)
    .map((target) => ({ exportTarget: target }));

const toolSubstitute: Lever = ({ selection }, target) => {
  const tools = selection.tools ?? [];
  const subject = tools.find((tool) => tool === target.subject);
  if (!subject) return [];
  const substitute = onPremSubstitute(subject);
  const replaced = tools.flatMap((tool) => (tool === target.subject ? (substitute ? [substitute] : []) : [tool]));
  return [{ tools: [...new Set(replaced)] }, { tools: tools.filter((tool) => tool !== target.subject) }];
};

// Two changes at once, for the provider rows no single change can fix (watsonx Orchestrate calls
// only watsonx natively, and watsonx is hosted, so on-prem needs a new framework or a new cloud).
const providerAndFramework: Lever = (context, target) =>
  otherFrameworks(context, target).flatMap((framework) => otherProviders(context, target).map((provider) => ({ ...framework, ...provider })));

const providerAndHyperscaler: Lever = (context, target) =>
  otherHyperscalers(context, target).flatMap((cloud) => otherProviders(context, target).map((provider) => ({ ...provider, ...cloud })));

/** Levers tried in order; their best candidates are interleaved. */
export const LEVERS: Readonly<Record<DiagnosticCategory, ReadonlyArray<Lever>>> = {
  framework: [otherFrameworks],
  hyperscaler: [otherFrameworks, otherHyperscalers],
  pattern: [otherPatterns, otherFrameworks],
  provider: [otherProviders, otherFrameworks, otherHyperscalers],
  model: [otherModels, providersServingModel, withoutTools],
  tool: [toolSubstitute],
  export: [otherExportTargets, otherFrameworks, otherHyperscalers],
};

/** Levers tried only when the ordinary ones find nothing. */
export const FALLBACK_LEVERS: Readonly<Partial<Record<DiagnosticCategory, ReadonlyArray<Lever>>>> = {
  provider: [providerAndFramework, providerAndHyperscaler],
};
