// agent-generator.json: the project's spec at the root of every generated project, so the project
// (or its zip) can be loaded back: the Test page, `agent-generator generate --spec`, POST /api/projects/import.
import type { GeneratedFile, ProjectSpec } from '@agent-generator/contracts';
import { jsonDocument } from './shared/escape';

/** Where every generated project keeps its spec. */
export const PROJECT_MANIFEST_PATH = 'agent-generator.json';

type Json = string | number | boolean | null | ReadonlyArray<Json> | { readonly [key: string]: Json };

// Keys sorted at every level: equal specs give equal bytes, whatever order their keys were built in.
function sortedKeys(value: unknown): Json {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, inner]) => inner !== undefined);
    return Object.fromEntries(entries.sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)).map(([key, inner]) => [key, sortedKeys(inner)]));
  }
  return value as Json;
}

/** The spec itself as a JSON document (its `version` field is the format marker). */
export function projectManifest(spec: ProjectSpec): GeneratedFile {
  return { path: PROJECT_MANIFEST_PATH, content: jsonDocument(sortedKeys(spec)) };
}
