// The wizard: five steps, the live compatibility panel beside them, and Resolve that jumps to the fixing step.
import type { Diagnostic, WizardStep } from '@agent-generator/contracts';
import { evaluate } from '@agent-generator/core';
import { Button, CompatibilityCard } from '@agent-generator/ui';
import { useMemo } from 'react';
import { useCrumb } from '../../app/crumb';
import { AgentsStep } from './agents-step';
import { DescribeStep } from './describe-step';
import { ExportStep } from './export-step';
import { FrameworkPicker } from './framework-picker';
import { ModelPicker } from './model-picker';
import { PatternPicker } from './pattern-picker';
import { ReviewStep } from './review-step';
import { useWizard } from './use-wizard';
import { selectionToCheck } from './wizard-selection';
import './wizard.css';

const STEPS: ReadonlyArray<{ readonly id: WizardStep; readonly label: string }> = [
  { id: 'describe', label: 'Describe' },
  { id: 'framework', label: 'Framework & model' },
  { id: 'agents', label: 'Agents, tasks & tools' },
  { id: 'review', label: 'Review' },
  { id: 'export', label: 'Generate' },
];

export default function WizardPage() {
  const { state, dispatch } = useWizard();
  useCrumb(state.editing ? `Edit ${state.editing.name}` : undefined);
  const { spec, selection } = state;
  const checked = useMemo(() => (spec && selection ? selectionToCheck(selection, spec, state.exportTarget) : undefined), [spec, selection, state.exportTarget]);
  const diagnostics = useMemo(() => (checked ? evaluate(checked) : []), [checked]);
  const blocking = diagnostics.some((diagnostic) => diagnostic.severity === 'err');
  const index = STEPS.findIndex((step) => step.id === state.step);
  const resolve = (diagnostic: Diagnostic) => dispatch({ type: 'resolve', diagnostic });
  const go = (step: WizardStep) => dispatch({ type: 'step', step });
  const next = STEPS[index + 1];
  const nextDisabled = !spec || (next?.id === 'export' && blocking);

  return (
    <div className="ag-wizard">
      <div className="ag-page-head">
        <h1>{state.editing ? `Edit “${state.editing.name}”` : 'New project'}</h1>
        {(spec || state.idea) && <Button onClick={() => dispatch({ type: 'reset' })}>Start over</Button>}
      </div>
      <ol className="ag-steps" aria-label="Wizard steps">
        {STEPS.map((step, position) => (
          <li key={step.id}>
            <button type="button" className="ag-steps__step" aria-current={step.id === state.step ? 'step' : undefined} disabled={position > 0 && !spec} onClick={() => go(step.id)}>
              <span className="ag-steps__number">{position + 1}</span> {step.label}
            </button>
          </li>
        ))}
      </ol>
      <div className="ag-wizard__body">
        <div className="ag-wizard__main">
          {state.step === 'describe' || !spec || !selection || !checked ? (
            <DescribeStep state={state} dispatch={dispatch} />
          ) : state.step === 'framework' ? (
            <div className="ag-stack">
              <FrameworkPicker selection={selection} filter={state.filter} dispatch={dispatch} />
              <PatternPicker selection={selection} dispatch={dispatch} />
              <ModelPicker selection={selection} dispatch={dispatch} />
            </div>
          ) : state.step === 'agents' ? (
            <AgentsStep spec={spec} selection={selection} dispatch={dispatch} />
          ) : state.step === 'review' ? (
            <ReviewStep spec={spec} diagnostics={diagnostics} onResolve={resolve} />
          ) : (
            <ExportStep state={{ ...state, spec }} selection={checked} dispatch={dispatch} />
          )}
          {spec && state.step !== 'describe' && (
            <div className="ag-row ag-wizard__nav">
              {index > 0 && <Button onClick={() => go(STEPS[index - 1]?.id ?? 'describe')}>Back</Button>}
              <span className="ag-spacer" />
              {next && (
                <Button variant="primary" disabled={nextDisabled} onClick={() => go(next.id)} title={nextDisabled ? 'Resolve the blocking rows first' : undefined}>
                  Next: {next.label}
                </Button>
              )}
            </div>
          )}
        </div>
        {spec && state.step !== 'review' && (
          <aside className="ag-wizard__side" aria-label="Live compatibility">
            <CompatibilityCard diagnostics={diagnostics} onResolve={resolve} />
          </aside>
        )}
      </div>
    </div>
  );
}
