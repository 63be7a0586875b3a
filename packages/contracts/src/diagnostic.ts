// What the user picked, and what the compatibility engine says about it.
import { z } from 'zod';
import {
  ExportTargetIdSchema,
  FrameworkIdSchema,
  HyperscalerIdSchema,
  PatternIdSchema,
  ProviderIdSchema,
  ToolIdSchema,
  WizardStepSchema,
} from './ids';

/** A choice of framework × pattern × hyperscaler × model × tools × export target. */
export const SelectionSchema = z.object({
  framework: FrameworkIdSchema,
  pattern: PatternIdSchema.optional(),
  hyperscaler: HyperscalerIdSchema.optional(),
  provider: ProviderIdSchema.optional(),
  /** A catalog model id (the provider's own id). */
  model: z.string().max(128).optional(),
  tools: z.array(ToolIdSchema).max(12).optional(),
  exportTarget: ExportTargetIdSchema.optional(),
});
export type Selection = z.infer<typeof SelectionSchema>;

export const SEVERITIES = ['ok', 'warn', 'err'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export const DIAGNOSTIC_CATEGORIES = ['framework', 'hyperscaler', 'pattern', 'provider', 'model', 'tool', 'export'] as const;

export const DiagnosticSchema = z.object({
  /** Stable id of the rule that produced the row, e.g. `pattern.unsupported`. */
  rule: z.string(),
  severity: SeveritySchema,
  category: z.enum(DIAGNOSTIC_CATEGORIES),
  /** The selected value the row is about, e.g. `supervisor`. */
  subject: z.string(),
  /** A sentence a person understands. */
  message: z.string(),
  /** The wizard step where the user changes this. */
  step: WizardStepSchema,
  /** Selections that would make this row ok; empty only when the row is already ok. */
  alternatives: z.array(SelectionSchema.partial()),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

export function hasErrors(diagnostics: ReadonlyArray<Diagnostic>): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'err');
}
