// Tests of the wizard's reducer with the real planner and compatibility engine: red, Resolve, green.
import { evaluate, planProject } from '@agent-generator/core';
import { describe, expect, it } from 'vitest';
import { selectionToCheck } from './wizard-selection';
import { initialWizardState, wizardReducer, type WizardAction, type WizardState } from './wizard-state';

const run = (actions: ReadonlyArray<WizardAction>, from: WizardState = initialWizardState) => actions.reduce(wizardReducer, from);

function errorsOf(state: WizardState) {
  if (!state.spec || !state.selection) throw new Error('not planned');
  return evaluate(selectionToCheck(state.selection, state.spec, state.exportTarget)).filter((diagnostic) => diagnostic.severity === 'err');
}

describe('wizard state', () => {
  const { spec, hints } = planProject('Research a topic on the web and write a weekly digest', { framework: 'langgraph', pattern: 'graph' });
  const planned = run([{ type: 'planned', spec, hints }]);

  it('takes the selection from the planned spec', () => {
    expect(planned.selection).toMatchObject({ framework: 'langgraph', pattern: 'graph', provider: spec.model.provider, model: spec.model.id });
    expect(errorsOf(planned)).toEqual([]);
  });

  it('a framework without the chosen pattern turns a row red; Resolve applies its alternative and jumps to the step', () => {
    const broken = run([{ type: 'step', step: 'review' }, { type: 'select', patch: { framework: 'crewai' } }], planned);
    expect(broken.spec?.framework).toBe('crewai');
    const [error] = errorsOf(broken);
    expect(error?.category).toBe('pattern');
    const fixed = run([{ type: 'resolve', diagnostic: error! }], broken);
    expect(errorsOf(fixed)).toEqual([]);
    expect(fixed.step).toBe(error!.step);
    expect(fixed.spec?.pattern).toBe(fixed.selection?.pattern);
  });

  it('a provider change without a model picks that provider’s default model in spec and selection', () => {
    const next = run([{ type: 'select', patch: { provider: 'ollama', model: undefined } }], planned);
    expect(next.spec?.model.provider).toBe('ollama');
    expect(next.selection?.model).toBe(next.spec?.model.id);
  });

  it('edit starts from a stored spec at the framework step, remembering the project', () => {
    const editing = run([{ type: 'edit', projectId: 'p1', spec, name: 'Digest' }]);
    expect(editing).toMatchObject({ step: 'framework', editing: { projectId: 'p1', name: 'Digest' }, idea: spec.idea });
  });
});
