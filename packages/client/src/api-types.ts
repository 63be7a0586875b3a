// The shapes the HTTP API answers with, as the server's OpenAPI document describes them.
import type { Diagnostic, FrameworkId, PatternId, ProjectSpec, Selection } from '@agent-generator/contracts';

export type Role = 'admin' | 'editor' | 'viewer';
export type TokenScope = 'read' | 'write' | 'admin';

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly disabled: boolean;
  readonly hasPassword: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface OAuthProviderLink {
  readonly id: 'github' | 'google' | 'entra';
  readonly label: string;
  readonly startUrl: string;
}

export interface AuthStatus {
  readonly setupRequired: boolean;
  readonly passwordLogin: boolean;
  readonly oauthProviders: ReadonlyArray<OAuthProviderLink>;
}

export interface SignedIn {
  readonly user: User;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

export interface Me {
  readonly user: User;
  readonly via: 'session' | 'token';
  readonly csrfToken?: string;
  readonly expiresAt: string | null;
  readonly scopes: ReadonlyArray<TokenScope>;
}

export interface ApiToken {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly scopes: ReadonlyArray<string>;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

export interface Page<Item> {
  readonly items: ReadonlyArray<Item>;
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export interface PlanHint {
  readonly kind: string;
  readonly message: string;
  readonly value: string;
}

export interface Plan {
  readonly spec: ProjectSpec;
  readonly hints: ReadonlyArray<PlanHint>;
  readonly diagnostics: ReadonlyArray<Diagnostic>;
}

export interface Project {
  readonly id: string;
  readonly ownerId: string;
  readonly name: string;
  readonly slug: string;
  readonly framework: FrameworkId;
  readonly pattern: PatternId;
  readonly idea: string;
  readonly latestVersion: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface FileEntry {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly executable: boolean;
}

export interface ProjectVersion {
  readonly projectId: string;
  readonly version: number;
  readonly spec: ProjectSpec;
  readonly rendererVersion: string;
  readonly diagnostics: ReadonlyArray<Diagnostic>;
  readonly files: ReadonlyArray<FileEntry>;
  readonly createdBy: string | null;
  readonly createdAt: string;
}

export interface VersionSummary {
  readonly version: number;
  readonly framework: FrameworkId;
  readonly pattern: PatternId;
  readonly rendererVersion: string;
  readonly fileCount: number;
  readonly totalBytes: number;
  readonly createdBy: string | null;
  readonly createdAt: string;
}

export interface CreatedProject {
  readonly project: Project;
  readonly version: ProjectVersion;
  readonly hints: ReadonlyArray<PlanHint>;
}

export interface ProjectDetail {
  readonly project: Project;
  readonly latest: ProjectVersion;
}

export interface FileTree {
  readonly version: number;
  readonly totalBytes: number;
  readonly files: ReadonlyArray<FileEntry>;
}

export interface FileDiff {
  readonly path: string;
  readonly status: 'added' | 'removed' | 'modified';
  readonly additions: number;
  readonly deletions: number;
  readonly patch: string;
}

export interface VersionDiff {
  readonly from: number;
  readonly to: number;
  readonly files: ReadonlyArray<FileDiff>;
}

export interface ListProjectsQuery {
  readonly search?: string;
  readonly framework?: FrameworkId;
  readonly sort?: 'name' | 'created' | 'updated';
  readonly order?: 'asc' | 'desc';
  readonly limit?: number;
  readonly offset?: number;
}

export interface CreateProjectBody {
  readonly idea?: string;
  readonly spec?: ProjectSpec;
  readonly selection?: Partial<Selection>;
  readonly name?: string;
}

export interface SystemInfo {
  readonly version: string;
  readonly runtime: { readonly name: 'node'; readonly version: string; readonly platform: string; readonly arch: string };
  readonly database: { readonly kind: 'sqlite' | 'postgres'; readonly migrations: ReadonlyArray<string> };
  readonly startedAt: string;
  readonly uptimeSeconds: number;
  readonly memory: { readonly rssBytes: number; readonly heapUsedBytes: number };
}

export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly actorId: string | null;
  readonly actorLabel: string | null;
  readonly action: string;
  readonly targetType: string | null;
  readonly targetId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
  readonly requestId: string | null;
  readonly ipAddress: string | null;
}

export interface EvaluateAnswer {
  readonly diagnostics: ReadonlyArray<Diagnostic>;
  readonly hasErrors: boolean;
}

/** The files the server would generate for a spec, rendered on request and not stored. */
export interface Preview {
  readonly rendererVersion: string;
  readonly totalBytes: number;
  readonly files: ReadonlyArray<FileEntry>;
  readonly diagnostics: ReadonlyArray<Diagnostic>;
}

/** An installed renderer (plug-in template) and the orchestration patterns it generates. */
export interface RendererInfo {
  readonly framework: FrameworkId;
  readonly name: string;
  readonly vendor: string;
  readonly version: string;
  readonly language: string;
  readonly maturity: string;
  readonly patterns: ReadonlyArray<{ readonly id: PatternId; readonly support: 'native' | 'adapter' }>;
}

/** What the server stores, counted by its database. */
export interface StorageUsage {
  readonly databaseKind: 'sqlite' | 'postgres';
  readonly projects: number;
  readonly versions: number;
  readonly files: number;
  readonly auditEntries: number;
  readonly fileBytes: number;
  readonly storedFileBytes: number;
  readonly databaseBytes: number;
}
