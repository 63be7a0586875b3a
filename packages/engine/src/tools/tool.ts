// The shape of a built-in tool in the spec runtime, and the error a tool reports to the model.
import type { ToolDefinition } from '@agent-generator/contracts';

export type ToolArguments = Readonly<Record<string, unknown>>;

/** What the model gets back: the text, and whether it describes a failure. */
export interface ToolOutcome {
  readonly content: string;
  readonly isError: boolean;
}

export interface ToolContext {
  /** Aborted when the run is cancelled or times out; tools stop their I/O on it. */
  readonly signal: AbortSignal;
}

export interface EngineTool {
  readonly definition: ToolDefinition;
  /** Whether this call would change something outside the run (decides Safe and Ask mode). */
  hasSideEffects(args: ToolArguments): boolean;
  execute(args: ToolArguments, context: ToolContext): Promise<ToolOutcome>;
}

/** A refusal or failure the model should read and can react to; never a crash of the run. */
export class ToolError extends Error {
  override readonly name = 'ToolError';
}

/** A set of tools offered to one agent, by tool name. */
export type ToolSet = ReadonlyMap<string, EngineTool>;
