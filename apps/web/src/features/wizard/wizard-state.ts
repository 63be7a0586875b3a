// The wizard's state and its reducer; saved to sessionStorage so it survives a re-login or a reload.
import type { PlanHint } from '@agent-generator/client';
import type { Diagnostic, ExportTargetId, HyperscalerId, Philosophy, ProjectSpec, Selection, WizardStep } from '@agent-generator/contracts';
import { applyAlternative, type SelectionPatch } from '@agent-generator/core';
import { specWithSelection } from './wizard-selection';

export interface WizardFilter {
  readonly hyperscaler?: HyperscalerId | undefined;
  readonly philosophy?: Philosophy | undefined;
}

export interface WizardState {
  readonly step: WizardStep;
  readonly idea: string;
  readonly selection: Selection | undefined;
  readonly spec: ProjectSpec | undefined;
  readonly hints: ReadonlyArray<PlanHint>;
  readonly filter: WizardFilter;
  readonly exportTarget: ExportTargetId;
  /** Set when editing an existing project: generating adds a version to it. */
  readonly editing?: { readonly projectId: string; readonly name: string } | undefined;
  readonly created?: { readonly projectId: string; readonly version: number } | undefined;
}

export type WizardAction =
  | { readonly type: 'idea'; readonly idea: string }
  | { readonly type: 'planned'; readonly spec: ProjectSpec; readonly hints: ReadonlyArray<PlanHint> }
  | { readonly type: 'select'; readonly patch: SelectionPatch }
  | { readonly type: 'spec'; readonly spec: ProjectSpec }
  | { readonly type: 'step'; readonly step: WizardStep }
  | { readonly type: 'filter'; readonly filter: WizardFilter }
  | { readonly type: 'export'; readonly target: ExportTargetId }
  | { readonly type: 'resolve'; readonly diagnostic: Diagnostic }
  | { readonly type: 'created'; readonly projectId: string; readonly version: number }
  | { readonly type: 'edit'; readonly projectId: string; readonly spec: ProjectSpec; readonly name: string }
  | { readonly type: 'reset' };

export const initialWizardState: WizardState = { step: 'describe', idea: '', selection: undefined, spec: undefined, hints: [], filter: {}, exportTarget: 'zip' };

function selectionOf(spec: ProjectSpec): Selection {
  return { framework: spec.framework, pattern: spec.pattern, hyperscaler: spec.hyperscaler, provider: spec.model.provider, model: spec.model.id };
}

function applyPatch(state: WizardState, patch: SelectionPatch): WizardState {
  if (!state.selection || !state.spec) return state;
  const { exportTarget, ...rest } = patch;
  const applied = applyAlternative(state.selection, rest);
  const spec = specWithSelection(state.spec, { selection: applied, tools: rest.tools });
  // A provider change without a model picks the provider's default model: the selection names it too.
  const selection = { ...applied, provider: spec.model.provider, model: spec.model.id };
  return { ...state, selection, spec, exportTarget: exportTarget ?? state.exportTarget, created: undefined };
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'idea':
      return { ...state, idea: action.idea };
    case 'planned':
      return { ...state, spec: action.spec, hints: action.hints, selection: selectionOf(action.spec), created: undefined };
    case 'select':
      return applyPatch(state, action.patch);
    case 'spec':
      return { ...state, spec: action.spec, created: undefined };
    case 'step':
      return { ...state, step: action.step };
    case 'filter':
      return { ...state, filter: action.filter };
    case 'export':
      return { ...state, exportTarget: action.target };
    case 'resolve': {
      const alternative = action.diagnostic.alternatives[0];
      return { ...(alternative ? applyPatch(state, alternative) : state), step: action.diagnostic.step };
    }
    case 'created':
      return { ...state, created: { projectId: action.projectId, version: action.version } };
    case 'edit':
      return { ...initialWizardState, idea: action.spec.idea, spec: action.spec, selection: selectionOf(action.spec), step: 'framework', editing: { projectId: action.projectId, name: action.name } };
    case 'reset':
      return initialWizardState;
  }
}

const STORAGE_KEY = 'ag.wizard.v1';

export function saveWizardState(state: WizardState): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
}

/** The saved state, or a fresh one when nothing (or something unreadable) was saved. */
export function loadWizardState(): WizardState {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    if (typeof parsed === 'object' && parsed !== null && 'step' in parsed && 'idea' in parsed && typeof parsed.idea === 'string') {
      return { ...initialWizardState, ...(parsed as Partial<WizardState>) };
    }
  } catch {
    // An unreadable saved state is dropped; the wizard starts fresh.
  }
  return initialWizardState;
}
