// The persistence port: records and repositories the server keeps, implemented by @agent-generator/store.
import type { Diagnostic } from './diagnostic';
import type { FrameworkId, PatternId } from './ids';
import type { FileTree } from './ports';
import type { ProjectSpec } from './project-spec';
import type { ChatSessionRepository, ProviderSettingsRepository, RunRepository } from './run-store';

/*
 * Conventions for every repository below:
 * - Timestamps are ISO 8601 UTC strings (`2025-01-02T03:04:05.678Z`) from the store's injected clock;
 *   they sort lexicographically. Timestamps passed in (e.g. `expiresAt`) are normalised to that form.
 * - Ids come from the store's injected id generator.
 * - `get*` / `find*` answer `undefined` when nothing matches; they never throw for "missing".
 * - Writes that break a uniqueness rule throw the store's conflict error: a `UserError` with code
 *   `conflict` and `details: { entity, fields }`. Writes to a missing row throw a `UserError`
 *   with code `not_found` and `details: { entity, id }`.
 * - A failed connection or driver error surfaces as an `OperationalError` with code `unavailable`.
 */

declare const brand: unique symbol;
/** A string that a type checker keeps apart from other ids; create one with `value as UserId` at a validated boundary. */
export type Branded<Value, Name extends string> = Value & { readonly [brand]: Name };

export type UserId = Branded<string, 'UserId'>;
export type ProjectId = Branded<string, 'ProjectId'>;
export type ApiTokenId = Branded<string, 'ApiTokenId'>;
export type AuditEntryId = Branded<string, 'AuditEntryId'>;
/** sha256 (lowercase hex) of the session cookie's token; the token itself is never stored. */
export type SessionId = Branded<string, 'SessionId'>;
/** ISO 8601 UTC timestamp. */
export type IsoTimestamp = string;

export type Role = 'admin' | 'editor' | 'viewer';

/** One page of a listing plus the total number of rows that match the filters. */
export interface Page<Item> {
  readonly items: ReadonlyArray<Item>;
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** Default limit 50, maximum 500; offset default 0. */
export interface PageQuery {
  readonly limit?: number;
  readonly offset?: number;
}

export type SortOrder = 'asc' | 'desc';

// ---------------------------------------------------------------- users and identities

export interface UserRecord {
  readonly id: UserId;
  /** Stored as given; unique case-insensitively. */
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** argon2id encoded hash; null for accounts that sign in only through OAuth. */
  readonly passwordHash: string | null;
  readonly disabled: boolean;
  readonly createdAt: IsoTimestamp;
  readonly updatedAt: IsoTimestamp;
}

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly passwordHash?: string | null;
  readonly disabled?: boolean;
}

export interface UserPatch {
  readonly email?: string;
  readonly name?: string;
  readonly role?: Role;
  readonly passwordHash?: string | null;
  readonly disabled?: boolean;
}

export interface UserListQuery extends PageQuery {
  /** Case-insensitive substring of email or name. */
  readonly search?: string;
  readonly role?: Role;
}

export interface UserRepository {
  /** Conflict when the email (case-insensitive) is taken. */
  create(input: NewUser): Promise<UserRecord>;
  get(id: UserId): Promise<UserRecord | undefined>;
  findByEmail(email: string): Promise<UserRecord | undefined>;
  /** Sorted by email ascending. */
  list(query?: UserListQuery): Promise<Page<UserRecord>>;
  /** Counts users, e.g. `{ role: 'admin', disabled: false }` to know whether first-run setup is needed. */
  count(filter?: { readonly role?: Role; readonly disabled?: boolean }): Promise<number>;
  /** Not found when missing; conflict when the new email is taken. */
  update(id: UserId, patch: UserPatch): Promise<UserRecord>;
  /**
   * Deletes the user with their sessions, API tokens and identities. Conflict when the user still
   * owns projects (disable them instead, or delete the projects first). Answers false when missing.
   */
  delete(id: UserId): Promise<boolean>;
}

/** A provider account (GitHub, Google, Entra ID, …) linked to a local user. */
export interface IdentityRecord {
  readonly provider: string;
  /** The provider's stable subject id (`sub`, GitHub user id). */
  readonly subject: string;
  readonly userId: UserId;
  readonly email: string | null;
  readonly createdAt: IsoTimestamp;
}

export interface IdentityKey {
  readonly provider: string;
  readonly subject: string;
}

export interface IdentityRepository {
  /** Conflict when provider + subject is already linked (to anyone). */
  link(input: IdentityKey & { readonly userId: UserId; readonly email?: string | null }): Promise<IdentityRecord>;
  find(key: IdentityKey): Promise<IdentityRecord | undefined>;
  listForUser(userId: UserId): Promise<ReadonlyArray<IdentityRecord>>;
  unlink(key: IdentityKey): Promise<boolean>;
}

// ---------------------------------------------------------------- sessions and API tokens

export interface SessionRecord {
  readonly id: SessionId;
  readonly userId: UserId;
  readonly csrfSecret: string;
  readonly createdAt: IsoTimestamp;
  readonly expiresAt: IsoTimestamp;
  readonly lastSeenAt: IsoTimestamp;
  readonly revokedAt: IsoTimestamp | null;
  readonly userAgent: string | null;
  readonly ipAddress: string | null;
}

export interface NewSession {
  readonly id: SessionId;
  readonly userId: UserId;
  readonly csrfSecret: string;
  readonly expiresAt: IsoTimestamp;
  readonly userAgent?: string | null;
  readonly ipAddress?: string | null;
}

export interface SessionRepository {
  /** Conflict when the id exists. */
  create(input: NewSession): Promise<SessionRecord>;
  /** Any session, including revoked or expired ones. */
  get(id: SessionId): Promise<SessionRecord | undefined>;
  /** Only a session that is not revoked and whose `expiresAt` is after the store clock's now. */
  findActive(id: SessionId): Promise<SessionRecord | undefined>;
  /** Sets `lastSeenAt` to now and, when given, a new `expiresAt` (sliding expiry). */
  touch(id: SessionId, options?: { readonly expiresAt?: IsoTimestamp }): Promise<void>;
  /** Answers false when missing or already revoked. */
  revoke(id: SessionId): Promise<boolean>;
  /** Revokes every active session of the user (password change, disable, role change); answers how many. */
  revokeAllForUser(userId: UserId): Promise<number>;
  /** Active sessions, newest first. */
  listActiveForUser(userId: UserId): Promise<ReadonlyArray<SessionRecord>>;
  /** Removes sessions expired or revoked before `before`; answers how many. */
  purge(before: IsoTimestamp): Promise<number>;
}

export interface ApiTokenRecord {
  readonly id: ApiTokenId;
  readonly userId: UserId;
  readonly name: string;
  /** The first characters of the token, shown in listings so people can tell tokens apart. */
  readonly prefix: string;
  /** sha256 (lowercase hex) of the whole token. */
  readonly tokenHash: string;
  /** Meaning is the API's business; the store keeps them in the given order. */
  readonly scopes: ReadonlyArray<string>;
  readonly createdAt: IsoTimestamp;
  readonly lastUsedAt: IsoTimestamp | null;
  readonly expiresAt: IsoTimestamp | null;
  readonly revokedAt: IsoTimestamp | null;
}

export interface NewApiToken {
  readonly userId: UserId;
  readonly name: string;
  readonly prefix: string;
  readonly tokenHash: string;
  readonly scopes: ReadonlyArray<string>;
  readonly expiresAt?: IsoTimestamp | null;
}

export interface ApiTokenRepository {
  /** Conflict when the hash exists. */
  create(input: NewApiToken): Promise<ApiTokenRecord>;
  get(id: ApiTokenId): Promise<ApiTokenRecord | undefined>;
  /** Only a token that is not revoked and not expired by the store clock. */
  findActiveByHash(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  /** All of the user's tokens including revoked ones, newest first. */
  listForUser(userId: UserId): Promise<ReadonlyArray<ApiTokenRecord>>;
  /** Sets `lastUsedAt` to now. */
  touch(id: ApiTokenId): Promise<void>;
  /** Answers false when missing or already revoked. */
  revoke(id: ApiTokenId): Promise<boolean>;
}

// ---------------------------------------------------------------- projects and versions

export interface ProjectRecord {
  readonly id: ProjectId;
  readonly ownerId: UserId;
  readonly name: string;
  /** Not unique: two projects may share a slug. */
  readonly slug: string;
  /** Framework and pattern of the latest version's spec, kept here for filtering. */
  readonly framework: FrameworkId;
  readonly pattern: PatternId;
  readonly idea: string;
  readonly latestVersion: number;
  readonly createdAt: IsoTimestamp;
  readonly updatedAt: IsoTimestamp;
}

export interface FileManifestEntry {
  readonly path: string;
  /** UTF-8 byte length of the content. */
  readonly bytes: number;
  /** sha256 (lowercase hex) of the UTF-8 content. */
  readonly sha256: string;
  readonly executable: boolean;
}

export interface ProjectVersionRecord {
  readonly projectId: ProjectId;
  /** 1, 2, 3, … per project. */
  readonly version: number;
  readonly spec: ProjectSpec;
  readonly rendererVersion: string;
  readonly diagnostics: ReadonlyArray<Diagnostic>;
  /** Sorted by path. */
  readonly manifest: ReadonlyArray<FileManifestEntry>;
  /** Null when the author has since been deleted. */
  readonly createdBy: UserId | null;
  readonly createdAt: IsoTimestamp;
}

/** What a new version is made of; the store computes the manifest from `files`. */
export interface NewProjectVersion {
  readonly spec: ProjectSpec;
  readonly rendererVersion: string;
  readonly diagnostics: ReadonlyArray<Diagnostic>;
  /** Paths must be unique. */
  readonly files: FileTree;
  readonly createdBy: UserId;
}

export interface NewProject {
  readonly ownerId: UserId;
  readonly name: string;
  readonly slug: string;
  readonly idea: string;
  /** Version 1; framework and pattern of the project come from its spec. */
  readonly version: NewProjectVersion;
}

export interface ProjectPatch {
  readonly name?: string;
  readonly slug?: string;
  readonly idea?: string;
}

export type ProjectSortKey = 'name' | 'created' | 'updated';

export interface ProjectListQuery extends PageQuery {
  /** Case-insensitive substring of name or idea. */
  readonly search?: string;
  readonly framework?: FrameworkId;
  readonly ownerId?: UserId;
  /** Default `updated`. */
  readonly sort?: ProjectSortKey;
  /** Default `desc`. */
  readonly order?: SortOrder;
}

export interface ProjectFileKey {
  readonly projectId: ProjectId;
  readonly version: number;
}

export interface ProjectRepository {
  /** Atomically stores the project, version 1 and its files. */
  create(input: NewProject): Promise<{ readonly project: ProjectRecord; readonly version: ProjectVersionRecord }>;
  get(id: ProjectId): Promise<ProjectRecord | undefined>;
  list(query?: ProjectListQuery): Promise<Page<ProjectRecord>>;
  /** Sets `updatedAt`. Not found when missing. */
  update(id: ProjectId, patch: ProjectPatch): Promise<ProjectRecord>;
  /** Deletes the project with all its versions and files. Answers false when missing. */
  delete(id: ProjectId): Promise<boolean>;
  /**
   * Atomically appends version `latestVersion + 1` with its files, and updates the project's
   * `latestVersion`, framework, pattern and `updatedAt`. Not found when the project is missing.
   */
  addVersion(projectId: ProjectId, input: NewProjectVersion): Promise<ProjectVersionRecord>;
  getVersion(key: ProjectFileKey): Promise<ProjectVersionRecord | undefined>;
  /** Newest first. */
  listVersions(projectId: ProjectId): Promise<ReadonlyArray<ProjectVersionRecord>>;
  /** One file's content, or undefined when the version or the path does not exist. */
  readFile(key: ProjectFileKey & { readonly path: string }): Promise<string | undefined>;
  /** Every file of a version sorted by path (for diff and zip), or undefined when the version does not exist. */
  readFiles(key: ProjectFileKey): Promise<FileTree | undefined>;
}

// ---------------------------------------------------------------- settings and audit

/** `global` for server-wide settings, `run-tools` for the run tools' settings (admins only), or a user's id for that user's own. */
export type SettingsScope = 'global' | 'run-tools' | UserId;

export type JsonObject = { readonly [key: string]: unknown };

export interface SettingsRecord {
  readonly scope: SettingsScope;
  readonly value: JsonObject;
  readonly updatedAt: IsoTimestamp;
}

export interface SettingsRepository {
  get(scope: SettingsScope): Promise<SettingsRecord | undefined>;
  /**
   * Replaces the whole document. With `expectedUpdatedAt` (optimistic concurrency) it throws
   * conflict when the stored document changed since; pass null to require that none exists yet.
   */
  put(input: { readonly scope: SettingsScope; readonly value: JsonObject; readonly expectedUpdatedAt?: IsoTimestamp | null }): Promise<SettingsRecord>;
}

export interface AuditEntry {
  readonly id: AuditEntryId;
  readonly at: IsoTimestamp;
  /** Null for the system itself (start-up, env setup); kept after the user is deleted. */
  readonly actorId: UserId | null;
  /** What identified the actor at the time (email, token name), for when the user is gone. */
  readonly actorLabel: string | null;
  /** Noun-verb, e.g. `project-create`, `user-update`, `login-fail`. */
  readonly action: string;
  readonly targetType: string | null;
  readonly targetId: string | null;
  /** Never secrets. */
  readonly details: JsonObject;
  readonly requestId: string | null;
  readonly ipAddress: string | null;
}

export interface NewAuditEntry {
  readonly actorId?: UserId | null;
  readonly actorLabel?: string | null;
  readonly action: string;
  readonly targetType?: string | null;
  readonly targetId?: string | null;
  readonly details?: JsonObject;
  readonly requestId?: string | null;
  readonly ipAddress?: string | null;
}

export interface AuditQuery extends PageQuery {
  readonly actorId?: UserId;
  readonly action?: string;
  /** Inclusive lower bound on `at`. */
  readonly since?: IsoTimestamp;
  /** Exclusive upper bound on `at`. */
  readonly until?: IsoTimestamp;
}

export interface AuditRepository {
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Newest first (ties broken by insertion order, latest first). */
  list(query?: AuditQuery): Promise<Page<AuditEntry>>;
}

// ---------------------------------------------------------------- rate limits

/** A fixed window counting events for one key, e.g. failed sign-ins of one account from one address. */
export interface RateLimitWindow {
  readonly key: string;
  readonly count: number;
  readonly startedAt: IsoTimestamp;
  /** When the window closes; the next event starts a new one. */
  readonly endsAt: IsoTimestamp;
}

/** Counters shared by every process on the database, so a limit holds across replicas. */
export interface RateLimitRepository {
  /**
   * Counts one event for each key, atomically: in the key's open window, or in a new window of
   * `windowMs` from the store clock's now when none is open. Answers the windows after counting, in key order.
   */
  hit(keys: ReadonlyArray<string>, options: { readonly windowMs: number }): Promise<ReadonlyArray<RateLimitWindow>>;
  /** The open windows among these keys; closed or unknown keys are left out. */
  peek(keys: ReadonlyArray<string>): Promise<ReadonlyArray<RateLimitWindow>>;
  /** Closes a key's window at once; answers whether one was open. */
  reset(key: string): Promise<boolean>;
  /** Deletes windows that closed before `before`; answers how many. */
  purge(before: IsoTimestamp): Promise<number>;
}

// ---------------------------------------------------------------- the store

export interface StoreRepositories {
  readonly users: UserRepository;
  readonly identities: IdentityRepository;
  readonly sessions: SessionRepository;
  readonly apiTokens: ApiTokenRepository;
  readonly projects: ProjectRepository;
  readonly settings: SettingsRepository;
  readonly audit: AuditRepository;
  readonly rateLimits: RateLimitRepository;
  readonly runs: RunRepository;
  readonly chatSessions: ChatSessionRepository;
  readonly providerSettings: ProviderSettingsRepository;
}

export type StoreKind = 'sqlite' | 'postgres';

/** What the store holds, counted by the database itself (Settings → Data controls). */
export interface StorageUsage {
  readonly projects: number;
  readonly versions: number;
  /** Files across every version of every project. */
  readonly files: number;
  readonly auditEntries: number;
  /** UTF-8 bytes of every version's files, as downloads would carry them. */
  readonly fileBytes: number;
  /** Bytes of file content actually stored: identical contents are kept once. */
  readonly storedFileBytes: number;
  /** Size of the whole database: the SQLite file's pages, or `pg_database_size` on Postgres. */
  readonly databaseBytes: number;
}

export interface Store extends StoreRepositories {
  readonly kind: StoreKind;
  /**
   * Runs `work` in one database transaction: everything it writes through `tx` is committed
   * together, or nothing is when it throws (the error is rethrown). Do not use the outer store
   * inside `work`.
   */
  transaction<Result>(work: (tx: StoreRepositories) => Promise<Result>): Promise<Result>;
  /** Resolves when the database answers a trivial query; throws OperationalError otherwise. */
  ping(): Promise<void>;
  /** Names of the applied migrations, oldest first. */
  appliedMigrations(): Promise<ReadonlyArray<string>>;
  /** Counts and sizes of what is stored, for the data controls. */
  usage(): Promise<StorageUsage>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** `sqlite:<path>`, a plain file path, `:memory:`, or `postgres://…` / `postgresql://…`. */
  readonly databaseUrl: string;
  /** Defaults to the system clock. */
  readonly clock?: () => Date;
  /** Defaults to random UUIDs. */
  readonly ids?: () => string;
  /** SQLite file only: checkpoint the WAL from a worker thread, off the event loop (long-running servers). */
  readonly checkpointInBackground?: boolean;
}
