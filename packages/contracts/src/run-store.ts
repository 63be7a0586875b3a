// The persistence port for runs, their event logs, chat sessions and model-provider settings
// (see docs/decisions/0007): the store is the log, notifications only wake readers.
import type { RunEvent } from './run-event';
import type { IsoTimestamp, JsonObject, Page, PageQuery, ProjectId, UserId, Branded } from './store';

export type RunId = Branded<string, 'RunId'>;
export type ChatSessionId = Branded<string, 'ChatSessionId'>;

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
/** `spec`: the engine interprets the spec in Node; `project`: the generated project itself runs. */
export type RunRuntime = 'spec' | 'project';
export type PermissionMode = 'safe' | 'dev' | 'ask';

export interface RunTotals {
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Absent when no model price is known. */
  readonly costUsd?: number;
}

export interface RunRecord {
  readonly id: RunId;
  readonly projectId: ProjectId;
  /** Set for runs started by a chat message. */
  readonly sessionId: ChatSessionId | null;
  readonly runtime: RunRuntime;
  readonly permissionMode: PermissionMode;
  readonly status: RunStatus;
  readonly input: string;
  readonly output: string | null;
  /** `{ code, message }` of the run-error, when it failed. */
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly totals: RunTotals;
  /** Sequence number of the last stored event; -1 before run-start. */
  readonly lastSeq: number;
  readonly cancelRequested: boolean;
  /** Model provider and id the run uses, e.g. `openai` / `gpt-4.1-mini`. */
  readonly model: { readonly provider: string; readonly id: string } | null;
  /** The tool names the run may offer its model (the person's choice in Test); null: every tool of the spec. */
  readonly tools: ReadonlyArray<string> | null;
  readonly createdBy: UserId;
  readonly createdAt: IsoTimestamp;
  readonly startedAt: IsoTimestamp | null;
  readonly endedAt: IsoTimestamp | null;
  /** Which worker holds the run, and until when its lease runs. */
  readonly workerId: string | null;
  readonly leaseUntil: IsoTimestamp | null;
}

export interface NewRun {
  readonly projectId: ProjectId;
  readonly sessionId?: ChatSessionId | null;
  readonly runtime: RunRuntime;
  readonly permissionMode: PermissionMode;
  readonly input: string;
  readonly model?: { readonly provider: string; readonly id: string } | null;
  /** Omitted or null: every tool of the spec. */
  readonly tools?: ReadonlyArray<string> | null;
  readonly createdBy: UserId;
}

export interface RunListQuery extends PageQuery {
  readonly projectId?: ProjectId;
  readonly sessionId?: ChatSessionId;
  readonly status?: RunStatus;
  readonly createdBy?: UserId;
}

/** A stored event: the RunEvent exactly as emitted. */
export interface StoredRunEvent {
  readonly runId: RunId;
  readonly seq: number;
  readonly event: RunEvent;
}

export interface RunRepository {
  create(run: NewRun): Promise<RunRecord>;
  get(id: RunId): Promise<RunRecord | undefined>;
  /** Newest first. */
  list(query: RunListQuery): Promise<Page<RunRecord>>;
  /**
   * Appends events in order. Their `seq` must continue the run's log without gaps (the first is
   * `lastSeq + 1`); a repeated or skipped seq throws a `conflict` UserError and writes nothing.
   * Updates `lastSeq`, and `status`/`output`/`error`/`totals`/`startedAt`/`endedAt` from
   * run-start, usage, run-end and run-error events, in the same transaction.
   */
  appendEvents(runId: RunId, events: ReadonlyArray<RunEvent>): Promise<void>;
  /** Events with `seq > afterSeq`, in order, at most `limit` (default 1000). */
  events(runId: RunId, options?: { readonly afterSeq?: number; readonly limit?: number }): Promise<ReadonlyArray<StoredRunEvent>>;
  requestCancel(id: RunId): Promise<RunRecord>;
  /**
   * Takes the oldest queued run for `workerId` (Postgres: FOR UPDATE SKIP LOCKED), marks it running
   * with a lease until `leaseUntil`; undefined when nothing is queued.
   */
  claim(options: { readonly workerId: string; readonly leaseUntil: IsoTimestamp }): Promise<RunRecord | undefined>;
  /** Extends the lease; false when the run is no longer held by this worker. */
  renewLease(options: { readonly id: RunId; readonly workerId: string; readonly leaseUntil: IsoTimestamp }): Promise<boolean>;
  /** Running runs whose lease ended before `now`. */
  expiredLeases(now: IsoTimestamp): Promise<ReadonlyArray<RunRecord>>;
}

export interface ChatSessionRecord {
  readonly id: ChatSessionId;
  readonly projectId: ProjectId;
  readonly userId: UserId;
  readonly title: string;
  readonly runtime: RunRuntime;
  readonly permissionMode: PermissionMode;
  readonly model: { readonly provider: string; readonly id: string } | null;
  readonly createdAt: IsoTimestamp;
  readonly updatedAt: IsoTimestamp;
}

export interface NewChatSession {
  readonly projectId: ProjectId;
  readonly userId: UserId;
  readonly title: string;
  readonly runtime: RunRuntime;
  readonly permissionMode: PermissionMode;
  readonly model?: { readonly provider: string; readonly id: string } | null;
}

export interface ChatSessionPatch {
  readonly title?: string;
  /** The session's next runs execute the spec (`spec`) or the generated project's own code (`project`). */
  readonly runtime?: RunRuntime;
  readonly permissionMode?: PermissionMode;
  readonly model?: { readonly provider: string; readonly id: string } | null;
}

export interface ChatSessionRepository {
  create(session: NewChatSession): Promise<ChatSessionRecord>;
  get(id: ChatSessionId): Promise<ChatSessionRecord | undefined>;
  /** Most recently updated first. */
  list(query: PageQuery & { readonly userId?: UserId; readonly projectId?: ProjectId }): Promise<Page<ChatSessionRecord>>;
  update(id: ChatSessionId, patch: ChatSessionPatch): Promise<ChatSessionRecord>;
  /** Marks the session as used now (a new message). */
  touch(id: ChatSessionId): Promise<void>;
  delete(id: ChatSessionId): Promise<void>;
}

/** One model provider's server-side settings; the API key is stored encrypted, never in clear. */
export interface ProviderSettingsRecord {
  /** A catalog provider id, e.g. `openai`, `anthropic`, `ollama`. */
  readonly id: string;
  readonly enabled: boolean;
  readonly baseUrl: string | null;
  /** AES-256-GCM ciphertext (base64url, with IV and tag), or null when no key is set. */
  readonly apiKeyCiphertext: string | null;
  /** The last four characters of the key, for a masked hint. */
  readonly apiKeyHint: string | null;
  readonly defaultModel: string | null;
  /** Provider-specific settings (region, project id, api version, …); never secrets. */
  readonly options: JsonObject;
  readonly updatedAt: IsoTimestamp;
}

export interface ProviderSettingsRepository {
  list(): Promise<ReadonlyArray<ProviderSettingsRecord>>;
  get(id: string): Promise<ProviderSettingsRecord | undefined>;
  /** Creates or replaces the row. */
  put(record: Omit<ProviderSettingsRecord, 'updatedAt'>): Promise<ProviderSettingsRecord>;
}
