// What the runs and chat routes answer, and the messages of their WebSocket streams (ADR 0007).
import type { PermissionMode, RunEvent, RunRuntime, RunStatus } from '@agent-generator/contracts';

export type { PermissionMode, RunRuntime, RunStatus };

export interface ModelChoice {
  readonly provider: string;
  readonly id: string;
}

export interface Run {
  readonly id: string;
  readonly projectId: string;
  readonly sessionId: string | null;
  readonly runtime: RunRuntime;
  readonly permissionMode: PermissionMode;
  readonly status: RunStatus;
  readonly input: string;
  readonly output: string | null;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly totals: { readonly inputTokens: number; readonly outputTokens: number; readonly costUsd?: number };
  readonly lastSeq: number;
  readonly cancelRequested: boolean;
  readonly model: ModelChoice | null;
  /** The tool names the run could offer its model; null: every tool of the spec. */
  readonly tools: ReadonlyArray<string> | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
}

export interface ListRunsQuery {
  readonly projectId?: string;
  readonly sessionId?: string;
  readonly status?: RunStatus;
  readonly limit?: number;
  readonly offset?: number;
}

export interface ChatSession {
  readonly id: string;
  readonly projectId: string;
  readonly title: string;
  readonly runtime: RunRuntime;
  readonly permissionMode: PermissionMode;
  readonly model: ModelChoice | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A session with its runs, oldest first. */
export interface ChatSessionDetail {
  readonly session: ChatSession;
  readonly runs: ReadonlyArray<Run>;
}

export interface UpdateChatSessionBody {
  readonly title?: string;
  /** `spec`: the built-in engine runs the spec; `project`: the generated project runs its own code. */
  readonly runtime?: RunRuntime;
  readonly permissionMode?: PermissionMode;
  readonly model?: { readonly provider: string; readonly id: string } | null;
}

export interface CreateChatSessionBody {
  readonly projectId: string;
  readonly runtime?: RunRuntime;
  readonly permissionMode?: PermissionMode;
  readonly model?: ModelChoice;
}

export interface StartRunBody {
  readonly input: string;
  readonly runtime?: RunRuntime;
  readonly permissionMode?: PermissionMode;
  readonly model?: ModelChoice;
  /** The tool names the run may offer its model; omitted: every tool of the spec. */
  readonly tools?: ReadonlyArray<string>;
}

/** One stored RunEvent with its run and sequence number, as every stream sends it. */
export interface RunEnvelope {
  readonly type: 'event';
  readonly runId: string;
  readonly seq: number;
  readonly event: RunEvent;
}

export interface StreamError {
  readonly code: string;
  readonly message: string;
}

/** What the server sends on a run or chat WebSocket. */
export type ServerMessage = RunEnvelope | { readonly type: 'error'; readonly error: StreamError };

/** What a client sends on a chat WebSocket. */
export type ChatClientMessage =
  | { readonly type: 'message'; readonly text: string; readonly tools?: ReadonlyArray<string> }
  | { readonly type: 'approval'; readonly callId: string; readonly approved: boolean }
  | { readonly type: 'resume'; readonly runId: string; readonly afterSeq: number };
