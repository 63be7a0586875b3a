// POST /api/projects/import: the spec inside a project zip from this product (or its CLI). Every
// generated project keeps it in agent-generator.json at its root; the download puts the project in a
// folder named after its slug, so the file is found at the root or one folder down.
import { restoreProjectSpec, UserError, type ProjectSpec } from '@agent-generator/contracts';
import { PROJECT_MANIFEST_PATH } from '@agent-generator/renderers';
import { readZipDirectory, readZipEntry, type ZipEntryInfo } from './project-import-zip';

/** The largest zip accepted, whatever the server's body limit; a project zip is tens of KB. */
export const MAX_IMPORT_ZIP_BYTES = 8 * 1024 * 1024;
/** A spec is at most a few hundred KB; its file may not unpack to more. */
const MAX_MANIFEST_BYTES = 1024 * 1024;

// application/zip as the route is documented; the others are what browsers and HTTP tools send for a zip file.
const ZIP_CONTENT_TYPES = new Set(['application/zip', 'application/x-zip-compressed', 'application/octet-stream']);

/** Refuses a body not declared as a zip, before it is read. */
export function assertZipContentType(header: string | undefined): void {
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!ZIP_CONTENT_TYPES.has(type)) throw new UserError('invalid_input', 'Send the project zip as the request body with Content-Type: application/zip.', { field: 'content-type' });
}

function isManifest(entry: ZipEntryInfo): boolean {
  const segments = entry.name.split('/');
  return segments.at(-1) === PROJECT_MANIFEST_PATH && segments.length <= 2;
}

function manifestEntry(entries: ReadonlyArray<ZipEntryInfo>): ZipEntryInfo {
  const found = entries.filter(isManifest);
  const [only] = found;
  if (only === undefined) {
    throw new UserError('invalid_input', `This zip has no ${PROJECT_MANIFEST_PATH}, so it holds no spec to load. Upload a project zip downloaded from agent-generator (projects generated before this file existed: add a new version, then download again), or load the spec JSON instead.`, { field: 'body' });
  }
  if (found.length > 1) {
    throw new UserError('invalid_input', `This zip holds ${found.length} projects (${found.map((entry) => entry.name).slice(0, 5).join(', ')}); upload one project's zip.`, { field: 'body' });
  }
  return only;
}

function parseManifest(bytes: Uint8Array, name: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    throw new UserError('invalid_input', `${name} in the zip is not JSON; it should hold the project's spec.`, { field: 'body', entry: name });
  }
}

/** The validated spec of a project zip, or a UserError saying what is wrong with the upload. */
export function specOfProjectZip(bytes: Uint8Array): ProjectSpec {
  if (bytes.byteLength > MAX_IMPORT_ZIP_BYTES) throw new UserError('payload_too_large', `The zip is ${bytes.byteLength} bytes; at most ${MAX_IMPORT_ZIP_BYTES} bytes are imported.`, { field: 'body' });
  const entry = manifestEntry(readZipDirectory(bytes));
  const restored = restoreProjectSpec(parseManifest(readZipEntry(bytes, { entry, maxBytes: MAX_MANIFEST_BYTES }), entry.name));
  if (!restored.ok) {
    const first = restored.issues[0];
    throw new UserError('invalid_input', `${entry.name} in the zip is not a valid spec: ${first ? `${first.path}: ${first.message}` : 'see the issues'}${restored.issues.length > 1 ? ` (and ${restored.issues.length - 1} more)` : ''}.`, {
      field: 'body',
      entry: entry.name,
      issues: restored.issues.slice(0, 20),
    });
  }
  return restored.spec;
}
