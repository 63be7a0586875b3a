// "Load from file…": a spec JSON or a project zip becomes a project the Test page can run. A spec is
// checked here and created like the wizard does; a zip goes to the server, which finds its spec.
import type { CreatedProject } from '@agent-generator/client';
import { restoreProjectSpec, type ProjectSpec } from '@agent-generator/contracts';

export interface ProjectLoader {
  readonly createFromSpec: (spec: ProjectSpec) => Promise<CreatedProject>;
  readonly importZip: (file: File) => Promise<CreatedProject>;
}

export type LoadedFile = { readonly ok: true; readonly project: CreatedProject['project'] } | { readonly ok: false; readonly message: string };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : 'Something went wrong.');

// By name, or by the bytes every zip starts with ("PK\x03\x04"; "PK\x05\x06" when empty).
async function isZip(file: File): Promise<boolean> {
  if (/\.zip$/i.test(file.name)) return true;
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6);
}

async function readSpecFile(file: File): Promise<{ readonly ok: true; readonly spec: ProjectSpec } | { readonly ok: false; readonly message: string }> {
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    return { ok: false, message: `${file.name} is not JSON. Load a spec JSON file (agent-generator.json) or a project zip.` };
  }
  const restored = restoreProjectSpec(data);
  if (!restored.ok) return { ok: false, message: `${file.name} is not a valid spec: ${restored.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}` };
  return { ok: true, spec: restored.spec };
}

export async function loadProjectFile(file: File, loader: ProjectLoader): Promise<LoadedFile> {
  if (await isZip(file)) {
    try {
      return { ok: true, project: (await loader.importZip(file)).project };
    } catch (error) {
      return { ok: false, message: `${file.name} was not loaded: ${messageOf(error)}` };
    }
  }
  const read = await readSpecFile(file);
  if (!read.ok) return read;
  try {
    return { ok: true, project: (await loader.createFromSpec(read.spec)).project };
  } catch (error) {
    return { ok: false, message: `The spec was not loaded: ${messageOf(error)}` };
  }
}
