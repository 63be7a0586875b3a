// The wizard's state as a hook: a reducer whose every change is saved for the session.
import { useEffect, useReducer } from 'react';
import { loadWizardState, saveWizardState, wizardReducer } from './wizard-state';

export function useWizard() {
  const [state, dispatch] = useReducer(wizardReducer, undefined, loadWizardState);
  useEffect(() => saveWizardState(state), [state]);
  return { state, dispatch };
}
