// Step 2, first half: the cloud facet rail, the philosophy filter and the framework cards.
import type { HyperscalerId, Philosophy, Selection } from '@agent-generator/contracts';
import { catalog, visibleFrameworks } from '@agent-generator/core';
import { Badge } from '@agent-generator/ui';
import type { Dispatch } from 'react';
import { ChoiceCard } from './choice-card';
import { breakage, leverOf } from './wizard-selection';
import type { WizardAction, WizardFilter } from './wizard-state';

const PHILOSOPHIES: ReadonlyArray<{ readonly id: Philosophy | undefined; readonly label: string }> = [
  { id: undefined, label: 'Any' },
  { id: 'brainstorm', label: 'Brainstorm (agents talk)' },
  { id: 'pipeline', label: 'Pipeline (steps in order)' },
  { id: 'graph', label: 'Graph (explicit states)' },
];

const hyperscalerLabel = (id: HyperscalerId) => catalog.hyperscalers.find((entry) => entry.id === id)?.short ?? id;

export function FrameworkPicker({ selection, filter, dispatch }: { readonly selection: Selection; readonly filter: WizardFilter; readonly dispatch: Dispatch<WizardAction> }) {
  const visible = visibleFrameworks(filter);
  const hidden = catalog.frameworks.length - visible.length;
  return (
    <section className="ag-stack" aria-labelledby="framework-heading">
      <h2 id="framework-heading">Framework</h2>
      <div className="ag-row" role="group" aria-label="Filter by cloud">
        <button type="button" className="ag-chip" aria-pressed={!filter.hyperscaler} onClick={() => dispatch({ type: 'filter', filter: { ...filter, hyperscaler: undefined } })}>
          All clouds
        </button>
        {catalog.hyperscalers.map((cloud) => (
          <button key={cloud.id} type="button" className="ag-chip" aria-pressed={filter.hyperscaler === cloud.id} onClick={() => dispatch({ type: 'filter', filter: { ...filter, hyperscaler: cloud.id } })}>
            {cloud.label}
          </button>
        ))}
      </div>
      <div className="ag-row" role="group" aria-label="Filter by philosophy">
        {PHILOSOPHIES.map((philosophy) => (
          <button key={philosophy.label} type="button" className="ag-chip" aria-pressed={filter.philosophy === philosophy.id} onClick={() => dispatch({ type: 'filter', filter: { ...filter, philosophy: philosophy.id } })}>
            {philosophy.label}
          </button>
        ))}
      </div>
      <div className="ag-choices">
        {visible.map((framework) => {
          const problem = framework.id === selection.framework ? undefined : breakage(selection, { patch: { framework: framework.id }, category: 'pattern' }) ?? breakage(selection, { patch: { framework: framework.id }, category: 'framework' });
          return (
            <ChoiceCard
              key={framework.id}
              title={framework.name}
              selected={framework.id === selection.framework}
              onChoose={() => dispatch({ type: 'select', patch: { framework: framework.id } })}
              blocked={problem ? [problem.message, leverOf(problem)].filter(Boolean).join(' ') : undefined}
            >
              <span className="ag-muted">{framework.vendor}</span>
              <span className="ag-row">
                <Badge tone={framework.maturity === 'core' ? 'ok' : framework.maturity === 'archived' ? 'err' : 'warn'}>{framework.maturity}</Badge>
                {framework.hyperscalers.map((cloud) => (
                  <Badge key={cloud}>{hyperscalerLabel(cloud)}</Badge>
                ))}
              </span>
              <span className="ag-choice__text">{framework.summary}</span>
            </ChoiceCard>
          );
        })}
      </div>
      {hidden > 0 && (
        <p className="ag-muted">
          {hidden} more hidden by the filters.{' '}
          <button type="button" className="ag-button ag-button--small" onClick={() => dispatch({ type: 'filter', filter: {} })}>
            Clear filters
          </button>
        </p>
      )}
    </section>
  );
}
