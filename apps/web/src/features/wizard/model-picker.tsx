// Step 2, last: model access — providers grouped as in Settings, then the provider's models with catalog facts.
import type { ProviderEntry, Selection } from '@agent-generator/contracts';
import { catalog, modelsOf } from '@agent-generator/core';
import { Badge } from '@agent-generator/ui';
import type { Dispatch } from 'react';
import { ChoiceCard } from './choice-card';
import { breakage, leverOf } from './wizard-selection';
import type { WizardAction } from './wizard-state';

const GROUPS: ReadonlyArray<{ readonly id: ProviderEntry['group']; readonly label: string }> = [
  { id: 'cloud', label: 'Cloud LLM' },
  { id: 'enterprise', label: 'Enterprise' },
  { id: 'local', label: 'Local' },
];

const reason = (problem: ReturnType<typeof breakage>) => (problem ? [problem.message, leverOf(problem)].filter(Boolean).join(' ') : undefined);

export function ModelPicker({ selection, dispatch }: { readonly selection: Selection; readonly dispatch: Dispatch<WizardAction> }) {
  const models = selection.provider ? modelsOf(selection.provider) : [];
  return (
    <section className="ag-stack" aria-labelledby="model-heading">
      <h2 id="model-heading">Model access</h2>
      {GROUPS.map((group) => (
        <div key={group.id} className="ag-stack">
          <h3>{group.label}</h3>
          <div className="ag-choices ag-choices--row">
            {catalog.providers
              .filter((provider) => provider.group === group.id)
              .map((provider) => (
                <ChoiceCard
                  key={provider.id}
                  title={provider.label}
                  selected={provider.id === selection.provider}
                  onChoose={() => dispatch({ type: 'select', patch: { provider: provider.id, model: undefined } })}
                  blocked={provider.id === selection.provider ? undefined : reason(breakage({ ...selection, model: undefined }, { patch: { provider: provider.id }, category: 'provider' }))}
                />
              ))}
          </div>
        </div>
      ))}
      {models.length > 0 && (
        <div className="ag-choices">
          {models.map((model) => (
            <ChoiceCard
              key={model.id}
              title={model.label}
              selected={model.id === selection.model}
              onChoose={() => dispatch({ type: 'select', patch: { model: model.id } })}
              blocked={model.id === selection.model ? undefined : reason(breakage(selection, { patch: { model: model.id }, category: 'model' }))}
            >
              <span className="ag-muted">
                <code>{model.id}</code>
              </span>
              <span className="ag-row">
                <Badge>{Math.round(model.contextWindow / 1000)}k context</Badge>
                <Badge tone={model.toolCalling ? 'ok' : 'warn'}>{model.toolCalling ? 'tool calling' : 'no tool calling'}</Badge>
                <Badge>{model.price.input === 0 && model.price.output === 0 ? 'local' : `$${model.price.input} / $${model.price.output} per M tokens`}</Badge>
              </span>
            </ChoiceCard>
          ))}
        </div>
      )}
    </section>
  );
}
