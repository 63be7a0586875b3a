// Pure validation and migration of persisted or user-supplied specs (any version → current).
import { z } from 'zod';
import { PROJECT_SPEC_VERSION, ProjectSpecSchema, type ProjectSpec } from './project-spec';

export type RestoreResult =
  | { ok: true; spec: ProjectSpec; migratedFrom: number | null }
  | { ok: false; issues: ReadonlyArray<{ path: string; message: string }> };

// Version 0 was the predecessor's spec shape: snake_case keys and a `framework` naming its
// engine key. Migrating it lets people bring their old specs along.
const LEGACY_FRAMEWORK: Record<string, string> = {
  crewai_flow: 'crewai-flow',
  crewflow: 'crewai-flow',
  watsonx_orchestrate: 'watsonx-orchestrate',
  wxo: 'watsonx-orchestrate',
  llamaidx: 'llamaindex',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function migrateV0(input: Record<string, unknown>): Record<string, unknown> {
  const framework = typeof input.framework === 'string' ? (LEGACY_FRAMEWORK[input.framework] ?? input.framework) : input.framework;
  const renameKeys = (value: unknown, map: Record<string, string>): unknown =>
    isRecord(value) ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [map[key] ?? key, inner])) : value;
  const tasks = Array.isArray(input.tasks) ? input.tasks.map((task) => renameKeys(task, { expected_output: 'expectedOutput' })) : input.tasks;
  const agents = Array.isArray(input.agents) ? input.agents.map((agent) => renameKeys(agent, { allow_delegation: 'allowDelegation' })) : input.agents;
  return { ...input, version: 1, framework, tasks, agents };
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.length === 0 ? '(spec)' : path.map((part) => String(part)).join('.');
}

/** Validates unknown input as a ProjectSpec, migrating older versions first. Never throws. */
export function restoreProjectSpec(input: unknown): RestoreResult {
  if (!isRecord(input)) return { ok: false, issues: [{ path: '(spec)', message: 'a spec must be a JSON object' }] };
  const version = input.version ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, issues: [{ path: 'version', message: 'version must be a whole number' }] };
  }
  if (version > PROJECT_SPEC_VERSION) {
    return {
      ok: false,
      issues: [{ path: 'version', message: `spec version ${version} is newer than this agent-generator understands (${PROJECT_SPEC_VERSION}); upgrade agent-generator` }],
    };
  }
  const migrated = version === 0 ? migrateV0(input) : input;
  const parsed = ProjectSpecSchema.safeParse(migrated);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })) };
  }
  return { ok: true, spec: parsed.data, migratedFrom: version === PROJECT_SPEC_VERSION ? null : version };
}

/** JSON Schema (draft 2020-12) of the spec as stored on disk, for editors and outside tools. */
export function projectSpecJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ProjectSpecSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
