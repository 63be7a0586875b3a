// Public surface of the compatibility engine: the evaluator and the helpers the wizard uses.
export { applyAlternative } from './apply-alternative';
export { evaluate } from './evaluate';
export { evaluateUnknown, type EvaluateResult } from './evaluate-unknown';
export type { SelectionPatch } from './finding';
export { patternSupport, visibleFrameworks, type FrameworkFilter } from './wizard-helpers';
