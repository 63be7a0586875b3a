// Extension points: every adapter implements one of these and passes its conformance suite.
import type { FrameworkId } from './ids';
import type { ProjectSpec } from './project-spec';

/** One file of a generated project. Paths are POSIX, relative, without `..`. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
  /** Marks files that must be executable (e.g. scripts). */
  readonly executable?: boolean;
}

/** A generated project: files sorted by path, byte-for-byte deterministic for a given spec. */
export type FileTree = ReadonlyArray<GeneratedFile>;

export interface Renderer {
  readonly framework: FrameworkId;
  /** Bumped whenever output changes for the same spec; stored with each project version. */
  readonly version: string;
  render(spec: ProjectSpec): FileTree;
}

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant' | 'tool';
  readonly content: string;
  readonly toolCallId?: string;
}

export interface ModelRequest {
  readonly messages: ReadonlyArray<ChatMessage>;
  /** When set, the model must answer with JSON matching this schema. */
  readonly jsonSchema?: { readonly name: string; readonly schema: Record<string, unknown> };
  readonly temperature?: number;
  readonly signal?: AbortSignal;
}

export interface ModelResponse {
  readonly text: string;
  readonly usage?: { readonly inputTokens: number; readonly outputTokens: number };
}

/** The narrow model port the planner needs; the engine extends it with streaming and tools. */
export interface ModelClient {
  readonly modelId: string;
  generate(request: ModelRequest): Promise<ModelResponse>;
}
