// 200 project creations at once over HTTP against the bundled server on SQLite: every one answers
// 201, every project is stored, and every creation has its audit row.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, apiToken, buildServerBundle, signIn, spawnServer, tempDir, type Client, type ServerProcess, removeBundle } from './server-harness';

const CREATIONS = 200;
const IDEAS = ['Research a topic and write a weekly digest', 'Triage support emails and draft replies', 'Watch competitor prices and alert on Slack', 'Summarise new GitHub issues every morning'];
const FRAMEWORKS = ['crewai', 'langgraph', 'autogen', 'strands', 'llamaindex'];

let bundle: string;
let dataDir: string;
let server: ServerProcess;
let editor: Client;

beforeAll(async () => {
  bundle = await buildServerBundle('concurrency');
  dataDir = tempDir('concurrency');
  server = await spawnServer(bundle, { DATA_DIR: dataDir, ADMIN_EMAIL, ADMIN_PASSWORD });
  const admin = await signIn(server.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  editor = await apiToken(server.url, admin, ['read', 'write', 'admin']);
});

afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  rmSync(dataDir, { recursive: true, force: true });
  removeBundle(bundle);
});

describe('concurrent writes on SQLite', () => {
  it(`creates ${CREATIONS} projects at once without an error, each with its audit row`, async () => {
    const started = performance.now();
    const responses = await Promise.all(
      Array.from({ length: CREATIONS }, (_, index) =>
        editor.request('/api/projects', {
          method: 'POST',
          json: { idea: `${IDEAS[index % IDEAS.length]} (#${index})`, selection: { framework: FRAMEWORKS[index % FRAMEWORKS.length] }, name: `Concurrent ${index}` },
        }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    const failures = await Promise.all(responses.filter((response) => response.status !== 201).map(async (response) => `${response.status} ${await response.text()}`));
    expect(failures).toEqual([]);
    expect(statuses.filter((status) => status === 201)).toHaveLength(CREATIONS);
    const ids = new Set(await Promise.all(responses.map(async (response) => ((await response.json()) as { project: { id: string } }).project.id)));
    expect(ids.size).toBe(CREATIONS);
    console.log(`${CREATIONS} concurrent creations in ${Math.round(performance.now() - started)} ms`);

    const projects = (await (await editor.request(`/api/projects?limit=500`)).json()) as { total: number; items: Array<{ id: string }> };
    expect(projects.total).toBe(CREATIONS);
    expect(new Set(projects.items.map((project) => project.id))).toEqual(ids);
    const audit = (await (await editor.request('/api/audit?action=project-create&limit=500')).json()) as { total: number; items: Array<{ targetId: string }> };
    expect(audit.total).toBe(CREATIONS);
    expect(new Set(audit.items.map((entry) => entry.targetId))).toEqual(ids);
  }, 300_000);
});
