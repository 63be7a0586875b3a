// What a caller hands runSpec: the spec, its models, the input, and the run's safety settings.
import type { AgentModel, AgentSpec, ProjectSpec } from '@agent-generator/contracts';
import type { Approvals } from './approvals';

/** Safe: side-effect-free calls only. Dev: every call. Ask: side-effecting calls wait for the user. */
export type PermissionMode = 'safe' | 'dev' | 'ask';

export interface RunLimits {
  /** The most model calls a run may make (every reason/act round is one). */
  readonly maxSteps: number;
  /** The most input plus output tokens a run may use, over all model calls. */
  readonly maxTokens: number;
  /** Wall-clock budget of the whole run, approval waits included. */
  readonly timeoutMs: number;
}

export const DEFAULT_LIMITS: RunLimits = { maxSteps: 40, maxTokens: 200_000, timeoutMs: 300_000 };

/** Settings of the built-in tools; anything not configured makes its tool answer "not configured". */
export interface ToolsConfig {
  /** Each run works in its own folder `<workspaceRoot>/<runId>` (file tools, PDF reader). */
  readonly workspaceRoot?: string;
  /** Lets http_request, web_scraper and pdf_reader reach private, loopback and link-local addresses. */
  readonly allowPrivateNetwork?: boolean;
  readonly http?: { readonly timeoutMs?: number; readonly maxResponseBytes?: number };
  /** sql_query's database; read-only unless `allowWrites`. */
  readonly sql?: SqlToolConfig;
  /** A SearXNG-compatible JSON search API (`GET <url>/search?q=…&format=json`). */
  readonly search?: { readonly url: string; readonly apiKey?: string };
}

/** A SQLite file on this machine, or a PostgreSQL database by its `postgres://` URL (which may hold a password: never logged). */
export type SqlToolConfig =
  | { readonly kind?: 'sqlite'; readonly databasePath: string; readonly allowWrites?: boolean; readonly timeoutMs?: number }
  | { readonly kind: 'postgres'; readonly url: string; readonly allowWrites?: boolean; readonly timeoutMs?: number };

export interface GroupChatSettings {
  /** Rounds in which every agent speaks once; the chat ends after the last one. */
  readonly maxRounds: number;
  /** A message containing this phrase ends the chat. */
  readonly terminationPhrase: string;
}

export const DEFAULT_GROUP_CHAT: GroupChatSettings = { maxRounds: 3, terminationPhrase: 'TERMINATE' };

export interface RunSpecOptions {
  readonly spec: ProjectSpec;
  /** The run's model: every agent's unless `modelFor` says otherwise, and the built-in supervisor's. */
  readonly model: AgentModel;
  /** The model one agent runs on (asked once per agent per run); default: `model`. */
  readonly modelFor?: (agent: AgentSpec) => AgentModel;
  readonly input: string;
  /** Default: a random UUID. Letters, digits, `-` and `_` only (it names the sandbox folder). */
  readonly runId?: string;
  readonly tools?: ToolsConfig;
  /**
   * The tool names the model may be offered (the person's choice for this run); an agent's other
   * tools are left out of its tool list. Names the spec does not use are ignored. Default: every tool.
   */
  readonly enabledTools?: ReadonlyArray<string>;
  /** Default `safe`. */
  readonly permissionMode?: PermissionMode;
  readonly limits?: Partial<RunLimits>;
  /** Aborting it stops the run: the last event is `run-end` with status `cancelled`. */
  readonly signal?: AbortSignal;
  /** Where the caller answers approval requests; needed in `ask` mode. */
  readonly approvals?: Approvals;
  /** How long an approval request waits before it counts as refused (default 120 s). */
  readonly approvalTimeoutMs?: number;
  readonly groupChat?: Partial<GroupChatSettings>;
  /** Clock for event times (default: the system clock). */
  readonly now?: () => Date;
}
