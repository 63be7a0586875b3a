// The run tools form's draft, the change it sends (only what differs) and which field an API error names.
import { ApiError, type ToolsSettings, type ToolsSettingsChange } from '@agent-generator/client';

/** One of databasePath and postgresUrl (null turns SQL off), or neither to keep the stored database with new limits. */
type SqlChange = NonNullable<ToolsSettingsChange['sql']>;

export type DatabaseKind = 'none' | 'sqlite' | 'postgres';

export interface RunToolsDraft {
  readonly allowPrivateNetwork: boolean;
  readonly database: DatabaseKind;
  readonly databasePath: string;
  /** Empty keeps the stored URL; the field never shows it (it may hold a password). */
  readonly postgresUrl: string;
  readonly allowWrites: boolean;
  /** Seconds as typed; the API takes milliseconds. */
  readonly timeoutSeconds: string;
  readonly searchUrl: string;
  /** Empty keeps the stored key; the field never shows it. */
  readonly apiKey: string;
}

export type RunToolsField = 'sql.databasePath' | 'sql.postgresUrl' | 'sql.timeoutMs' | 'search.url' | 'search.apiKey';
const FIELDS: ReadonlyArray<RunToolsField> = ['sql.databasePath', 'sql.postgresUrl', 'sql.timeoutMs', 'search.url', 'search.apiKey'];

export function storedDatabase(settings: ToolsSettings): DatabaseKind {
  if (settings.sql.postgres) return 'postgres';
  return settings.sql.databasePath === null ? 'none' : 'sqlite';
}

export function draftOf(settings: ToolsSettings): RunToolsDraft {
  return {
    allowPrivateNetwork: settings.allowPrivateNetwork,
    database: storedDatabase(settings),
    databasePath: settings.sql.databasePath ?? '',
    postgresUrl: '',
    allowWrites: settings.sql.allowWrites,
    timeoutSeconds: String(settings.sql.timeoutMs / 1000),
    searchUrl: settings.search.url ?? '',
    apiKey: '',
  };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

function sqlChange(settings: ToolsSettings, draft: RunToolsDraft): SqlChange | undefined {
  const stored = storedDatabase(settings);
  const limits = { allowWrites: draft.allowWrites, timeoutMs: Math.round(Number(draft.timeoutSeconds) * 1000) };
  const limitsChanged = limits.allowWrites !== settings.sql.allowWrites || limits.timeoutMs !== settings.sql.timeoutMs;
  const off: SqlChange | undefined = stored === 'none' ? undefined : stored === 'postgres' ? { postgresUrl: null } : { databasePath: null };
  const databasePath = orNull(draft.databasePath);
  const postgresUrl = orNull(draft.postgresUrl);
  switch (draft.database) {
    case 'none':
      return off;
    case 'sqlite':
      if (databasePath === null) return off;
      return databasePath !== settings.sql.databasePath || stored !== 'sqlite' || limitsChanged ? { databasePath, ...limits } : undefined;
    case 'postgres':
      if (postgresUrl !== null) return { postgresUrl, ...limits };
      return stored === 'postgres' && limitsChanged ? limits : undefined;
  }
}

/** Only what differs from the stored settings (a typed key or URL always counts). */
export function changeOf(settings: ToolsSettings, draft: RunToolsDraft): ToolsSettingsChange {
  const sql = sqlChange(settings, draft);
  const url = orNull(draft.searchUrl);
  const apiKey = draft.apiKey.trim();
  return {
    ...(draft.allowPrivateNetwork !== settings.allowPrivateNetwork ? { allowPrivateNetwork: draft.allowPrivateNetwork } : {}),
    ...(sql === undefined ? {} : { sql }),
    ...(url !== settings.search.url || apiKey !== '' ? { search: { url, ...(apiKey === '' ? {} : { apiKey }) } } : {}),
  };
}

function isField(path: unknown): path is RunToolsField {
  return FIELDS.some((field) => field === path);
}

/** The field an API error is about (its `details.field`, or the first validation issue's path), with its message. */
export function fieldErrorOf(error: unknown): { readonly field: RunToolsField | undefined; readonly message: string } {
  if (!(error instanceof ApiError)) return { field: undefined, message: error instanceof Error ? error.message : 'Saving failed.' };
  const issues = Array.isArray(error.details.issues) ? (error.details.issues as ReadonlyArray<{ readonly path?: unknown; readonly message?: unknown }>) : [];
  const issue = issues.find((candidate) => isField(candidate.path));
  if (isField(error.details.field)) return { field: error.details.field, message: error.message };
  if (issue !== undefined && isField(issue.path)) return { field: issue.path, message: typeof issue.message === 'string' ? `Expected ${issue.message}.` : error.message };
  return { field: undefined, message: error.message };
}
