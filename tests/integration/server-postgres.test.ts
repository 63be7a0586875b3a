// Two server processes started at the same time on one PostgreSQL (started by the test): both
// migrate safely, they serve the same data — projects, sessions and tokens work on either — and
// the login rate limit counts failures on both together.
import { rmSync } from 'node:fs';
import { startPostgres, type PostgresCluster } from '@agent-generator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, apiToken, buildServerBundle, client, signIn, spawnServer, tempDir, type ServerProcess, removeBundle } from './server-harness';

let postgres: PostgresCluster;
let bundle: string;
let servers: ServerProcess[] = [];
const dataDirs: string[] = [];

beforeAll(async () => {
  [postgres, bundle] = await Promise.all([startPostgres(), buildServerBundle('postgres')]);
  const databaseUrl = await postgres.createDatabase('agents');
  const shared = { DATABASE_URL: databaseUrl, SESSION_SECRET: 'a shared session secret for both replicas', ADMIN_EMAIL, ADMIN_PASSWORD };
  servers = await Promise.all(
    [0, 1].map(() => {
      const dataDir = tempDir('replica');
      dataDirs.push(dataDir);
      return spawnServer(bundle, { ...shared, DATA_DIR: dataDir });
    }),
  );
}, 300_000);

afterAll(async () => {
  for (const server of servers) server.child.kill('SIGTERM');
  await Promise.all(servers.map((server) => server.exited));
  await postgres?.stop();
  for (const dataDir of dataDirs) rmSync(dataDir, { recursive: true, force: true });
  removeBundle(bundle);
});

describe('two replicas on one Postgres', () => {
  it('both start (migrations and the first admin race safely) and report Postgres', async () => {
    const [one, two] = servers;
    const admin = await signIn(one!.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const system = (await (await admin.request('/api/system')).json()) as { database: { kind: string; migrations: string[] } };
    expect(system.database.kind).toBe('postgres');
    const onTwo = client(two!.url, admin.headers);
    const systemTwo = (await (await onTwo.request('/api/system')).json()) as { database: { migrations: string[] } };
    expect(systemTwo.database.migrations).toEqual(system.database.migrations);
    const users = (await (await admin.request('/api/users?role=admin')).json()) as { total: number };
    expect(users.total).toBe(1);
  });

  it('serves the same projects, sessions and tokens from either replica', async () => {
    const [one, two] = servers;
    const session = await signIn(one!.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    // The session cookie from replica one works on replica two, including its CSRF token.
    const sameSessionOnTwo = client(two!.url, session.headers);
    const created = await sameSessionOnTwo.request('/api/projects', { method: 'POST', json: { idea: 'Answer questions about our handbook', selection: { framework: 'llamaindex' } } });
    expect(created.status).toBe(201);
    const { project } = (await created.json()) as { project: { id: string } };
    const token = await apiToken(one!.url, session, ['read', 'write']);
    const fromOne = await client(one!.url, token.headers).request(`/api/projects/${project.id}`);
    expect(fromOne.status).toBe(200);
    const version = await client(two!.url, token.headers).request(`/api/projects/${project.id}/versions`, { method: 'POST', json: { selection: { framework: 'langgraph' } } });
    expect(version.status).toBe(201);
    const history = (await (await client(one!.url, token.headers).request(`/api/projects/${project.id}/versions`)).json()) as { items: Array<{ version: number }> };
    expect(history.items.map((item) => item.version)).toEqual([2, 1]);
    // Signing out on one replica signs out on both.
    expect((await session.request('/api/auth/logout', { method: 'POST' })).status).toBe(204);
    expect((await sameSessionOnTwo.request('/api/auth/me')).status).toBe(401);
  });

  it('counts failed logins on both replicas together (LOGIN_MAX_FAILURES=5 for the pair, not per process)', async () => {
    const [one, two] = servers;
    const attempt = (origin: string, password: string) => client(origin).request('/api/auth/login', { method: 'POST', json: { email: 'target@example.com', password } });
    const statuses: number[] = [];
    for (let index = 0; index < 5; index += 1) statuses.push((await attempt(index % 2 === 0 ? one!.url : two!.url, `guess ${index}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect((await attempt(one!.url, 'guess 5')).status).toBe(429);
    expect((await attempt(two!.url, 'guess 6')).status).toBe(429);
  });

  it('takes concurrent writes on both replicas without losing any', async () => {
    const [one, two] = servers;
    const session = await signIn(one!.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const token = await apiToken(one!.url, session, ['read', 'write', 'admin']);
    const before = ((await (await client(one!.url, token.headers).request('/api/projects')).json()) as { total: number }).total;
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, index) => client(index % 2 === 0 ? one!.url : two!.url, token.headers).request('/api/projects', { method: 'POST', json: { idea: `Collect market news #${index}` } })),
    );
    expect(responses.map((response) => response.status).filter((status) => status !== 201)).toEqual([]);
    const after = (await (await client(two!.url, token.headers).request('/api/projects')).json()) as { total: number };
    expect(after.total).toBe(before + 40);
  }, 120_000);
});
