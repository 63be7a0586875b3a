// Rule `framework.maturity`: the upstream status of the chosen framework; archived ones warn.
import type { FrameworkId, Maturity } from '@agent-generator/contracts';
import { frameworkIn } from '../catalog-lookup';
import { finding, type Finding, type RuleContext } from '../finding';

// github.com/microsoft/autogen (README): the project is archived and Microsoft Agent Framework is
// its successor (learn.microsoft.com/agent-framework).
const SUCCESSORS: Partial<Record<FrameworkId, string>> = {
  autogen: 'Microsoft Agent Framework',
};

const STATUS: Readonly<Record<Exclude<Maturity, 'archived'>, string>> = {
  core: 'a stable, widely used framework',
  beta: 'in beta upstream, so expect API changes between releases',
  new: 'new upstream, so its multi-agent APIs may still change',
};

export function frameworkMaturity({ selection, catalog }: RuleContext): ReadonlyArray<Finding> {
  const framework = frameworkIn(catalog, selection.framework);
  const base = { category: 'framework', subject: framework.id } as const;
  if (framework.maturity !== 'archived') {
    const vendor = framework.vendor === framework.name ? '' : ` (${framework.vendor})`;
    const message = `${framework.name}${vendor} is ${STATUS[framework.maturity]}. ${framework.summary}`;
    return [finding({ ...base, rule: 'framework.maturity', severity: 'ok', message })];
  }
  const successor = SUCCESSORS[framework.id];
  const upstream = successor ? `its successor is ${successor}` : 'it has no named successor';
  const message =
    `${framework.name} is archived upstream (maintenance only, no new features); ${upstream}. ` +
    'The generated project still runs, but for new work pick a maintained framework.';
  return [finding({ ...base, rule: 'framework.maturity', severity: 'warn', message })];
}
