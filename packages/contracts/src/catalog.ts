// Shapes of the compatibility catalog. The data itself lives in core.
import type { ExportTargetId, FrameworkId, HyperscalerId, PatternId, ProviderId, ToolId } from './ids';

export type Level = 'low' | 'medium' | 'high';
export type Support = 'native' | 'adapter' | 'unsupported';
export type Philosophy = 'brainstorm' | 'pipeline' | 'graph';
export type Maturity = 'core' | 'beta' | 'new' | 'archived';

export interface HyperscalerEntry {
  readonly id: HyperscalerId;
  readonly label: string;
  readonly short: string;
  readonly color: string;
  readonly vendor: string;
}

export interface FrameworkEntry {
  readonly id: FrameworkId;
  readonly name: string;
  readonly vendor: string;
  readonly philosophy: Philosophy;
  readonly maturity: Maturity;
  readonly summary: string;
  readonly risk: string;
  /** Upstream status a user should know, e.g. "archived; successor: Microsoft Agent Framework". */
  readonly note?: string;
  readonly language: 'python' | 'yaml';
  readonly hyperscalers: ReadonlyArray<HyperscalerId>;
  readonly patterns: Readonly<Record<PatternId, Support>>;
  readonly providers: Readonly<Record<ProviderId, Support>>;
  readonly exportTargets: ReadonlyArray<ExportTargetId>;
  readonly docsUrl: string;
  /** The default pattern when the user has not chosen one. */
  readonly defaultPattern: PatternId;
}

export interface PatternEntry {
  readonly id: PatternId;
  readonly label: string;
  readonly glyph: string;
  readonly blurb: string;
  readonly steps: ReadonlyArray<string>;
  readonly flow: string;
  readonly communication: string;
  readonly flexibility: Level;
  readonly predictability: Level;
  readonly cost: Level;
  readonly risk: string;
}

export interface ProviderEntry {
  readonly id: ProviderId;
  readonly label: string;
  readonly group: 'cloud' | 'enterprise' | 'local';
  /** Hyperscalers on which this provider is first-party. */
  readonly hyperscalers: ReadonlyArray<HyperscalerId>;
  /** Environment variables a generated project reads for this provider. */
  readonly env: ReadonlyArray<{ readonly name: string; readonly secret: boolean; readonly example: string }>;
  readonly docsUrl: string;
}

export interface ModelEntry {
  /** The provider's own model id. */
  readonly id: string;
  readonly label: string;
  readonly provider: ProviderId;
  readonly contextWindow: number;
  /** US dollars per million tokens; 0 for local models. */
  readonly price: { readonly input: number; readonly output: number };
  readonly toolCalling: boolean;
}

export interface ToolEntry {
  readonly id: ToolId;
  readonly label: string;
  readonly description: string;
  /** Environment variables the implementation needs (names only). */
  readonly env: ReadonlyArray<string>;
  /** Phrases in an idea that suggest this tool; matched on word boundaries. */
  readonly phrases: ReadonlyArray<string>;
  readonly sideEffects: boolean;
}

export interface ExportTargetEntry {
  readonly id: ExportTargetId;
  readonly label: string;
  readonly description: string;
}

export interface Catalog {
  readonly hyperscalers: ReadonlyArray<HyperscalerEntry>;
  readonly frameworks: ReadonlyArray<FrameworkEntry>;
  readonly patterns: ReadonlyArray<PatternEntry>;
  readonly providers: ReadonlyArray<ProviderEntry>;
  readonly models: ReadonlyArray<ModelEntry>;
  readonly tools: ReadonlyArray<ToolEntry>;
  readonly exportTargets: ReadonlyArray<ExportTargetEntry>;
}
