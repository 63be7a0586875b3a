// Step 2, middle: the orchestration patterns with their support in the chosen framework, and the pattern card.
import type { Selection } from '@agent-generator/contracts';
import { catalog, patternById, patternSupport } from '@agent-generator/core';
import { Badge } from '@agent-generator/ui';
import type { Dispatch } from 'react';
import { ChoiceCard } from './choice-card';
import type { WizardAction } from './wizard-state';

export function PatternPicker({ selection, dispatch }: { readonly selection: Selection; readonly dispatch: Dispatch<WizardAction> }) {
  const framework = catalog.frameworks.find((entry) => entry.id === selection.framework);
  const chosen = selection.pattern ? patternById(selection.pattern) : undefined;
  return (
    <section className="ag-stack" aria-labelledby="pattern-heading">
      <h2 id="pattern-heading">Orchestration pattern</h2>
      <div className="ag-choices ag-choices--row">
        {catalog.patterns.map((pattern) => {
          const support = patternSupport(selection.framework, pattern.id);
          const supporters = catalog.frameworks.filter((entry) => entry.patterns[pattern.id] !== 'unsupported').map((entry) => entry.name);
          return (
            <ChoiceCard
              key={pattern.id}
              title={`${pattern.glyph} ${pattern.label}`}
              selected={pattern.id === selection.pattern}
              onChoose={() => dispatch({ type: 'select', patch: { pattern: pattern.id } })}
              blocked={support === 'unsupported' ? `${framework?.name ?? selection.framework} has no ${pattern.label}. Frameworks with it: ${supporters.join(', ')}.` : undefined}
            >
              <Badge tone={support === 'native' ? 'ok' : support === 'adapter' ? 'warn' : 'neutral'}>{support}</Badge>
            </ChoiceCard>
          );
        })}
      </div>
      {chosen && (
        <div className="ag-card" aria-label={`${chosen.label} pattern`}>
          <h3>{chosen.label}</h3>
          <p>{chosen.blurb}</p>
          <dl className="ag-facts">
            <dt>Flow</dt>
            <dd>{chosen.flow}</dd>
            <dt>Communication</dt>
            <dd>{chosen.communication}</dd>
            <dt>Flexibility</dt>
            <dd>{chosen.flexibility}</dd>
            <dt>Predictability</dt>
            <dd>{chosen.predictability}</dd>
            <dt>Cost</dt>
            <dd>{chosen.cost}</dd>
            <dt>Risk</dt>
            <dd>{chosen.risk}</dd>
          </dl>
        </div>
      )}
    </section>
  );
}
