// The run tools form's draft, the change it sends (only what differs) and which field an API error names.
import { ApiError, type ToolsSettings, type ToolsSettingsChange } from '@agent-generator/client';

export interface RunToolsDraft {
  readonly allowPrivateNetwork: boolean;
  readonly databasePath: string;
  readonly allowWrites: boolean;
  /** Seconds as typed; the API takes milliseconds. */
  readonly timeoutSeconds: string;
  readonly searchUrl: string;
  /** Empty keeps the stored key; the field never shows it. */
  readonly apiKey: string;
}

export type RunToolsField = 'sql.databasePath' | 'sql.timeoutMs' | 'search.url' | 'search.apiKey';
const FIELDS: ReadonlyArray<RunToolsField> = ['sql.databasePath', 'sql.timeoutMs', 'search.url', 'search.apiKey'];

export function draftOf(settings: ToolsSettings): RunToolsDraft {
  return {
    allowPrivateNetwork: settings.allowPrivateNetwork,
    databasePath: settings.sql.databasePath ?? '',
    allowWrites: settings.sql.allowWrites,
    timeoutSeconds: String(settings.sql.timeoutMs / 1000),
    searchUrl: settings.search.url ?? '',
    apiKey: '',
  };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

function sqlChange(settings: ToolsSettings, draft: RunToolsDraft): ToolsSettingsChange['sql'] {
  const databasePath = orNull(draft.databasePath);
  const timeoutMs = Math.round(Number(draft.timeoutSeconds) * 1000);
  const changed = databasePath !== settings.sql.databasePath || draft.allowWrites !== settings.sql.allowWrites || timeoutMs !== settings.sql.timeoutMs;
  if (!changed) return undefined;
  return databasePath === null ? { databasePath } : { databasePath, allowWrites: draft.allowWrites, timeoutMs };
}

/** Only what differs from the stored settings (a typed key always counts). */
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
