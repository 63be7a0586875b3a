// Tests of "Load from file…" on the client: a zip (by name or by its bytes) goes to
// POST /api/projects/import as raw bytes with the CSRF header; a spec JSON is checked and created;
// the server's errors and local problems come back as one sentence for the toast.
import type { CreatedProject } from '@agent-generator/client';
import { describe, expect, it, vi } from 'vitest';
import { importProjectZip } from './import-project-zip';
import { loadProjectFile, type ProjectLoader } from './load-spec-file';

const CREATED = { project: { id: 'p1', name: 'Desk helper' }, version: { version: 1 }, hints: [] } as unknown as CreatedProject;
const ZIP_BYTES = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 250]);

interface Sent {
  readonly url: string;
  readonly init: RequestInit;
  readonly bytes: Uint8Array;
}

function server(answer: { readonly status: number; readonly body: unknown }) {
  const sent: Sent[] = [];
  const fetchDouble = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: String(input), init: init ?? {}, bytes: new Uint8Array(await new Response(init?.body ?? null).arrayBuffer()) });
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  });
  return { sent, fetch: fetchDouble as unknown as typeof fetch };
}

function loaderWith(fetchDouble: typeof fetch, onUnauthenticated = vi.fn()): ProjectLoader & { readonly createFromSpec: ReturnType<typeof vi.fn> } {
  return {
    createFromSpec: vi.fn(async () => CREATED),
    importZip: (file) => importProjectZip(file, { fetch: fetchDouble, csrfToken: () => 'csrf-123', onUnauthenticated }),
  };
}

describe('loadProjectFile with a project zip', () => {
  it('posts the zip bytes to /api/projects/import with the CSRF header and answers the created project', async () => {
    const http = server({ status: 201, body: CREATED });
    const loader = loaderWith(http.fetch);
    const loaded = await loadProjectFile(new File([ZIP_BYTES], 'desk-helper-v1.zip', { type: 'application/zip' }), loader);
    expect(loaded).toEqual({ ok: true, project: CREATED.project });
    expect(http.sent).toHaveLength(1);
    const [request] = http.sent;
    expect(request?.url).toBe('/api/projects/import');
    expect(request?.init.method).toBe('POST');
    expect(request?.init.headers).toMatchObject({ 'Content-Type': 'application/zip', 'X-CSRF-Token': 'csrf-123' });
    expect(request?.bytes).toEqual(ZIP_BYTES);
    expect(loader.createFromSpec).not.toHaveBeenCalled();
  });

  it('recognises a zip by its bytes when the name does not say so', async () => {
    const http = server({ status: 201, body: CREATED });
    expect(await loadProjectFile(new File([ZIP_BYTES], 'download'), loaderWith(http.fetch))).toMatchObject({ ok: true });
    expect(http.sent[0]?.bytes).toEqual(ZIP_BYTES);
  });

  it("shows the server's message when the zip is refused, and reports a lost session", async () => {
    const refused = server({ status: 400, body: { error: { code: 'invalid_input', message: 'This zip has no agent-generator.json, so it holds no spec to load.', details: {} } } });
    expect(await loadProjectFile(new File([ZIP_BYTES], 'other.zip'), loaderWith(refused.fetch))).toEqual({
      ok: false,
      message: 'other.zip was not loaded: This zip has no agent-generator.json, so it holds no spec to load.',
    });
    const expired = vi.fn();
    const signedOut = server({ status: 401, body: { error: { code: 'unauthenticated', message: 'Sign in first.', details: {} } } });
    expect(await loadProjectFile(new File([ZIP_BYTES], 'p.zip'), loaderWith(signedOut.fetch, expired))).toMatchObject({ ok: false, message: 'p.zip was not loaded: Sign in first.' });
    expect(expired).toHaveBeenCalledOnce();
  });
});

describe('loadProjectFile with a spec JSON', () => {
  it('creates the project from a valid spec without calling the import route', async () => {
    const http = server({ status: 500, body: {} });
    const loader = loaderWith(http.fetch);
    const spec = { version: 1, name: 'Desk helper', slug: 'desk-helper', idea: 'Help at the desk', framework: 'crewai', pattern: 'sequential', hyperscaler: 'on_prem', model: { provider: 'ollama', id: 'llama3.1:8b' }, agents: [{ id: 'helper', role: 'Helper', goal: 'Help', backstory: '' }], tasks: [{ id: 'answer', description: 'Answer', expectedOutput: 'An answer', agent: 'helper' }] };
    expect(await loadProjectFile(new File([JSON.stringify(spec)], 'agent-generator.json'), loader)).toEqual({ ok: true, project: CREATED.project });
    expect(loader.createFromSpec).toHaveBeenCalledWith(expect.objectContaining({ slug: 'desk-helper', framework: 'crewai' }));
    expect(http.sent).toHaveLength(0);
  });

  it('says what is wrong with a file that is not JSON or not a spec', async () => {
    const loader = loaderWith(server({ status: 500, body: {} }).fetch);
    expect(await loadProjectFile(new File(['name: yaml'], 'spec.json'), loader)).toMatchObject({ ok: false, message: expect.stringContaining('spec.json is not JSON') });
    expect(await loadProjectFile(new File(['{"version":1}'], 'spec.json'), loader)).toMatchObject({ ok: false, message: expect.stringContaining('spec.json is not a valid spec: name:') });
    expect(loader.createFromSpec).not.toHaveBeenCalled();
  });
});
