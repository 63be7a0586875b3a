// Row types of every table, as Kysely sees them. Booleans are 0/1 integers and JSON is text in both dialects.
import type { Generated } from 'kysely';

export interface UsersTable {
  id: string;
  email: string;
  /** lower-cased, trimmed email: the unique key. */
  email_key: string;
  name: string;
  /** lower-cased name, for case-insensitive search. */
  name_key: string;
  role: string;
  password_hash: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface IdentitiesTable {
  provider: string;
  subject: string;
  user_id: string;
  email: string | null;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_secret: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  user_agent: string | null;
  ip_address: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  scopes: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface ProjectsTable {
  id: string;
  owner_id: string;
  name: string;
  /** lower-cased name, sorted with a byte-wise collation so both dialects order alike. */
  name_key: string;
  slug: string;
  framework: string;
  pattern: string;
  idea: string;
  /** lower-cased name and idea, searched with LIKE. */
  search_text: string;
  latest_version: number;
  created_at: string;
  updated_at: string;
}

export interface ProjectVersionsTable {
  project_id: string;
  version: number;
  spec: string;
  renderer_version: string;
  diagnostics: string;
  created_by: string | null;
  created_at: string;
}

export interface FileBlobsTable {
  sha256: string;
  bytes: number;
  /** UTF-8 bytes of the file. */
  content: Uint8Array;
}

export interface ProjectFilesTable {
  project_id: string;
  version: number;
  path: string;
  sha256: string;
  executable: number;
}

export interface SettingsTable {
  scope: string;
  value: string;
  updated_at: string;
}

export interface AuditLogTable {
  /** Insertion order, to break ties between entries with the same timestamp. */
  seq: Generated<number>;
  id: string;
  at: string;
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: string;
  request_id: string | null;
  ip_address: string | null;
}

export interface RateLimitsTable {
  key: string;
  count: number;
  started_at: string;
  ends_at: string;
}

export interface SchemaMigrationsTable {
  version: string;
  applied_at: string;
}

export interface RunsTable {
  id: string;
  project_id: string;
  session_id: string | null;
  runtime: string;
  permission_mode: string;
  status: string;
  input: string;
  output: string | null;
  /** JSON `{ code, message }`. */
  error: string | null;
  /** JSON RunTotals. */
  totals: string;
  last_seq: number;
  cancel_requested: number;
  model_provider: string | null;
  model_id: string | null;
  /** JSON array of tool names; null: every tool of the spec. */
  tools: string | null;
  created_by: string;
  created_at: string;
  started_at: string | null;
  ended_at: string | null;
  worker_id: string | null;
  lease_until: string | null;
}

export interface RunEventsTable {
  run_id: string;
  seq: number;
  type: string;
  /** The whole RunEvent as JSON. */
  body: string;
  at: string;
}

export interface ChatSessionsTable {
  id: string;
  project_id: string;
  user_id: string;
  title: string;
  runtime: string;
  permission_mode: string;
  model_provider: string | null;
  model_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProviderSettingsTable {
  id: string;
  enabled: number;
  base_url: string | null;
  api_key_ciphertext: string | null;
  api_key_hint: string | null;
  default_model: string | null;
  /** JSON object. */
  options: string;
  updated_at: string;
}

export interface Database {
  users: UsersTable;
  identities: IdentitiesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  projects: ProjectsTable;
  project_versions: ProjectVersionsTable;
  file_blobs: FileBlobsTable;
  project_files: ProjectFilesTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  rate_limits: RateLimitsTable;
  runs: RunsTable;
  run_events: RunEventsTable;
  chat_sessions: ChatSessionsTable;
  provider_settings: ProviderSettingsTable;
  schema_migrations: SchemaMigrationsTable;
}
