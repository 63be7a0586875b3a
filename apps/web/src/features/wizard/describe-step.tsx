// Step 1: the idea in a sentence, example prompts, and the planner's hints about what it preselects.
import type { Plan } from '@agent-generator/client';
import { Badge, Button, TextArea } from '@agent-generator/ui';
import type { Dispatch } from 'react';
import { messageOf } from '../../app/toasts';
import { usePlan } from './use-plan';
import type { WizardAction, WizardState } from './wizard-state';

const EXAMPLES = [
  'Research a topic on the web every week and email me a digest',
  'Triage new GitHub issues, label them and post a summary to Slack',
  'Answer questions about our PDF handbook on AWS',
  'Read sales figures from SQL and write a monthly report',
];

export function DescribeStep({ state, dispatch }: { readonly state: WizardState; readonly dispatch: Dispatch<WizardAction> }) {
  const plan = usePlan(state.idea);
  const use = (answer: Plan) => {
    dispatch({ type: 'planned', spec: answer.spec, hints: answer.hints });
    dispatch({ type: 'step', step: 'framework' });
  };
  return (
    <div className="ag-stack">
      <TextArea
        label="Describe the agent system you want"
        hint="One or two sentences: what it should do, with which data or services, on which cloud."
        rows={4}
        value={state.idea}
        onChange={(event) => dispatch({ type: 'idea', idea: event.target.value })}
      />
      <div className="ag-row" role="group" aria-label="Example ideas">
        {EXAMPLES.map((example) => (
          <button key={example} type="button" className="ag-chip" onClick={() => dispatch({ type: 'idea', idea: example })}>
            {example}
          </button>
        ))}
      </div>
      <section aria-label="Planner hints" aria-live="polite" className="ag-stack">
        {plan.isFetching && <p className="ag-muted">Reading your idea…</p>}
        {plan.error && <p className="ag-field__error">{messageOf(plan.error)}</p>}
        {plan.data && (
          <ul className="ag-diagnostics">
            {plan.data.hints.map((hint) => (
              <li key={`${hint.kind}:${hint.value}`} className="ag-diagnostic">
                <Badge tone="accent">{hint.kind}</Badge>
                <span>{hint.message}</span>
              </li>
            ))}
            {plan.data.hints.length === 0 && <li className="ag-muted">No specific signals found: the planner uses the defaults, and you can change everything next.</li>}
          </ul>
        )}
      </section>
      <div className="ag-row">
        <span className="ag-spacer" />
        <Button variant="primary" disabled={!plan.data || plan.isFetching} onClick={() => plan.data && use(plan.data)}>
          {state.spec ? 'Plan again from this idea' : 'Continue'}
        </Button>
        {state.spec && <Button onClick={() => dispatch({ type: 'step', step: 'framework' })}>Keep the current plan</Button>}
      </div>
    </div>
  );
}
