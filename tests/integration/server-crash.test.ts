// kill -9 during a stream of writes: after a restart on the same SQLite file, every write the
// server acknowledged (201) is there, with its audit row.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, apiToken, buildServerBundle, client, signIn, spawnServer, tempDir, removeBundle } from './server-harness';

const WRITERS = 8;
const KILL_AFTER_ACKS = 80;

let bundle: string;
let dataDir: string;

beforeAll(async () => {
  bundle = await buildServerBundle('crash');
  dataDir = tempDir('crash');
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  removeBundle(bundle);
});

describe('crash safety', () => {
  it('keeps every acknowledged write across kill -9 and a restart', async () => {
    const first = await spawnServer(bundle, { DATA_DIR: dataDir, ADMIN_EMAIL, ADMIN_PASSWORD });
    const admin = await signIn(first.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const token = await apiToken(first.url, admin, ['read', 'write', 'admin']);
    const acknowledged: string[] = [];
    let killed = false;
    let attempts = 0;
    const writer = async (writerIndex: number): Promise<void> => {
      while (!killed) {
        attempts += 1;
        try {
          const response = await token.request('/api/projects', { method: 'POST', json: { idea: `Summarise news for team ${writerIndex} every morning`, name: `Crash ${writerIndex}-${attempts}` } });
          if (response.status !== 201) throw new Error(`unexpected ${response.status}: ${await response.text()}`);
          const { project } = (await response.json()) as { project: { id: string } };
          acknowledged.push(project.id);
          if (acknowledged.length >= KILL_AFTER_ACKS && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        } catch (error) {
          if (!killed) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, index) => writer(index)));
    expect(await first.exited).toBe('SIGKILL');
    expect(attempts).toBeGreaterThan(acknowledged.length); // some writes were in flight at the kill

    const second = await spawnServer(bundle, { DATA_DIR: dataDir });
    try {
      const after = client(second.url, token.headers);
      expect((await after.request('/readyz')).status).toBe(200);
      const listed = (await (await after.request('/api/projects?limit=500')).json()) as { total: number; items: Array<{ id: string }> };
      const stored = new Set(listed.items.map((project) => project.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      const audit = (await (await after.request('/api/audit?action=project-create&limit=500')).json()) as { items: Array<{ targetId: string }> };
      const audited = new Set(audit.items.map((entry) => entry.targetId));
      expect(acknowledged.filter((id) => !audited.has(id))).toEqual([]);
      // Projects and their audit rows were written together: no project without its row.
      expect([...stored].filter((id) => !audited.has(id))).toEqual([]);
      for (const id of acknowledged.slice(-5)) expect((await after.request(`/api/projects/${id}/files`)).status).toBe(200);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 300_000);
});
