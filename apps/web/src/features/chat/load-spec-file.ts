// "Load from file…": a spec JSON becomes a project the Test page can run; other files get a plain answer.
import { restoreProjectSpec, type ProjectSpec } from '@agent-generator/contracts';

export type LoadedFile = { readonly ok: true; readonly spec: ProjectSpec } | { readonly ok: false; readonly message: string };

export async function readSpecFile(file: File): Promise<LoadedFile> {
  if (/\.zip$/i.test(file.name)) return { ok: false, message: 'Loading a project zip is not supported yet. Load the project’s spec JSON (agent-generator.json or a spec exported from the wizard) instead.' };
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    return { ok: false, message: `${file.name} is not JSON. Load a spec JSON file.` };
  }
  const restored = restoreProjectSpec(data);
  if (!restored.ok) return { ok: false, message: `${file.name} is not a valid spec: ${restored.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}` };
  return { ok: true, spec: restored.spec };
}
