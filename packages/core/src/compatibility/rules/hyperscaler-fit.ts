// Rules `hyperscaler.native` / `hyperscaler.adapter`: a cloud is never an error, at worst "via adapter".
import { frameworkIn, hyperscalerIn } from '../catalog-lookup';
import { finding, type Finding, type RuleContext } from '../finding';

// Source: each framework's `hyperscalers` list in catalog/frameworks.ts (the clouds its vendor
// documents first-class deployment for). Anywhere else the generated project is a plain container.
export function hyperscalerFit({ selection, catalog }: RuleContext): ReadonlyArray<Finding> {
  if (!selection.hyperscaler) return [];
  const framework = frameworkIn(catalog, selection.framework);
  const cloud = hyperscalerIn(catalog, selection.hyperscaler);
  const base = { category: 'hyperscaler', subject: cloud.id } as const;
  if (framework.hyperscalers.includes(cloud.id)) {
    return [finding({ ...base, rule: 'hyperscaler.native', severity: 'ok', message: `${framework.name} runs natively on ${cloud.label}.` })];
  }
  const where = cloud.id === 'on_prem' ? 'your own premises' : cloud.label;
  const message =
    `${framework.name} is not built for ${where}: the generated project runs there via adapter ` +
    `(a plain container on the framework's generic APIs) rather than with first-class ${cloud.label} support. ` +
    `It works; for a first-class fit pick a framework built for ${where}, or another cloud.`;
  return [finding({ ...base, rule: 'hyperscaler.adapter', severity: 'warn', message })];
}
