// Public surface of the planner: idea → ProjectSpec, offline or with a model.
export { planProject } from './plan-project';
export { planWithModel, type PlanWithModelOptions } from './plan-with-model';
export type { PlanChoices, PlanHint, PlanHintKind, PlanResult } from './plan-types';
export { DEFAULT_SELECTION, defaultFrameworkFor, defaultModelFor, defaultModelOfProvider, type DefaultSelection } from '../catalog/defaults';
