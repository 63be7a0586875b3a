// The planner's public shapes: what a caller may force, and what the wizard shows back.
import type { FrameworkId, HyperscalerId, PatternId, ProjectSpec, ProviderId, ToolId } from '@agent-generator/contracts';

/** Choices the person made explicitly; each one always wins over anything read from the idea. */
export interface PlanChoices {
  readonly framework?: FrameworkId | undefined;
  readonly pattern?: PatternId | undefined;
  readonly hyperscaler?: HyperscalerId | undefined;
  readonly provider?: ProviderId | undefined;
  /** The provider's own model id; with no provider, the catalog provider serving it is used. */
  readonly model?: string | undefined;
  /** The exact tool set; an empty list means "no tools", not "infer them". */
  readonly tools?: ReadonlyArray<ToolId> | undefined;
  readonly name?: string | undefined;
}

export type PlanHintKind = 'framework' | 'pattern' | 'hyperscaler' | 'provider' | 'tool' | 'agents';

/** One sentence the wizard shows about a preselection, and the value it is about. */
export interface PlanHint {
  readonly kind: PlanHintKind;
  readonly message: string;
  readonly value: string;
}

export interface PlanResult {
  readonly spec: ProjectSpec;
  readonly hints: ReadonlyArray<PlanHint>;
}
