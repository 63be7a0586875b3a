// The server as operators and browsers meet it: the web app with cache headers and SPA fallback,
// security headers, JSON logs with request ids and no secrets, metrics, system facts, the
// persisted session secret, fail-fast configuration and graceful shutdown of the real bundle.
import { request as httpRequest } from 'node:http';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, buildServerBundle, client, signIn, spawnServer, startInProcess, tempDir, removeBundle } from './server-harness';

let bundle: string;
beforeAll(async () => {
  bundle = await buildServerBundle('lifecycle');
});
afterAll(() => removeBundle(bundle));

function webBuild(): string {
  const directory = tempDir('web');
  mkdirSync(join(directory, 'assets'));
  writeFileSync(join(directory, 'index.html'), '<!doctype html><title>agent-generator</title><script type="module" src="/assets/app-3f2a1b.js"></script>');
  writeFileSync(join(directory, 'assets', 'app-3f2a1b.js'), 'console.log("app");');
  writeFileSync(join(directory, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return directory;
}

describe('the web app on the same port', () => {
  it('serves hashed assets for a year, everything else revalidated, and index.html for app routes', async () => {
    const web = webBuild();
    const server = await startInProcess({ WEB_DIR: web });
    try {
      const index = await fetch(`${server.url}/`);
      expect(index.status).toBe(200);
      expect(await index.text()).toContain('<title>agent-generator</title>');
      expect(index.headers.get('cache-control')).toBe('no-cache');
      expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const asset = await fetch(`${server.url}/assets/app-3f2a1b.js`);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      const again = await fetch(`${server.url}/assets/app-3f2a1b.js`, { headers: { 'if-none-match': asset.headers.get('etag') ?? '' } });
      expect(again.status).toBe(304);
      const route = await fetch(`${server.url}/projects/42/files`, { headers: { accept: 'text/html' } });
      expect(route.status).toBe(200);
      expect(await route.text()).toContain('<title>agent-generator</title>');
      expect((await fetch(`${server.url}/favicon.svg`)).headers.get('content-type')).toBe('image/svg+xml');
      const missingAsset = await fetch(`${server.url}/assets/gone-123.js`);
      expect(missingAsset.status).toBe(404);
      expect(await missingAsset.json()).toMatchObject({ error: { code: 'not_found' } });
      expect((await fetch(`${server.url}/api/nothing-here`, { headers: { accept: 'text/html' } })).status).toBe(404);
      expect((await fetch(`${server.url}/..%2f..%2fetc%2fpasswd`)).status).not.toBe(500);
      expect(await (await fetch(`${server.url}/%2e%2e/%2e%2e/etc/passwd`, { headers: { accept: 'text/html' } })).text()).not.toContain('root:');
    } finally {
      await server.stop();
      rmSync(web, { recursive: true, force: true });
    }
  });

  it('says the web app is not built, and links the API reference, when there is no build', async () => {
    const server = await startInProcess({ WEB_DIR: tempDir('no-web') });
    try {
      const page = await (await fetch(`${server.url}/`)).text();
      expect(page).toContain('The web app is not built yet');
      expect(page).toContain('href="/docs"');
      const docs = await fetch(`${server.url}/docs`);
      const html = await docs.text();
      expect(html).toContain('<code>/api/projects</code>');
      expect(html).toContain('href="/docs/docs.css"');
      expect(html).not.toMatch(/<script|https?:\/\/(?!127)/);
      expect((await fetch(`${server.url}/docs/docs.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    } finally {
      await server.stop();
    }
  });
});

describe('operations', () => {
  it('sends security headers, logs JSON lines with request ids and no secrets, and counts requests', async () => {
    const server = await startInProcess();
    try {
      const health = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'trace-abc-123' } });
      expect(health.headers.get('x-request-id')).toBe('trace-abc-123');
      expect(health.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(health.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(health.headers.get('x-frame-options')).toBe('DENY');
      expect(health.headers.get('x-content-type-options')).toBe('nosniff');
      expect(health.headers.get('referrer-policy')).toBe('no-referrer');
      const admin = await signIn(server.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      await admin.request('/api/projects', { method: 'POST', json: { idea: 'Collect competitor prices every day' } });
      const system = (await (await admin.request('/api/system')).json()) as Record<string, unknown>;
      expect(system).toMatchObject({ runtime: { name: 'node', version: process.version }, database: { kind: 'sqlite' } });
      expect(system.version).toMatch(/^\d+\.\d+\.\d+/);
      expect((system.database as { migrations: string[] }).migrations.length).toBeGreaterThan(0);
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toMatch(/agent_generator_http_requests_total\{method="POST",route="\/api\/projects",status="201"\} 1/);
      expect(metrics).toMatch(/agent_generator_http_requests_total\{method="GET",route="\/api\/system",status="200"\} 1/);
      expect(metrics).toContain('agent_generator_process_resident_memory_bytes');

      const requestLines = server.logs.lines.filter((line) => line.msg === 'request');
      expect(requestLines.length).toBeGreaterThanOrEqual(4);
      for (const line of requestLines) expect(typeof line.requestId).toBe('string');
      expect(requestLines.find((line) => line.path === '/healthz')?.requestId).toBe('trace-abc-123');
      const everything = server.logs.raw.join('\n');
      expect(everything).not.toContain(ADMIN_PASSWORD);
      expect(everything).not.toContain(admin.headers['x-csrf-token']);
      expect(everything).not.toContain(admin.headers.cookie?.split('=')[1]?.split(';')[0]);
    } finally {
      await server.stop();
    }
  });

  it('generates the session secret once and keeps it, readable only by its owner', async () => {
    const dataDir = tempDir('secret');
    const first = await startInProcess({ DATA_DIR: dataDir });
    await first.stop();
    const secretFile = join(dataDir, 'session-secret');
    const secret = readFileSync(secretFile, 'utf8');
    expect(secret.trim().length).toBeGreaterThanOrEqual(32);
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    const second = await startInProcess({ DATA_DIR: dataDir });
    await second.stop();
    expect(readFileSync(secretFile, 'utf8')).toBe(secret);
    rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('the bundled server process', () => {
  it('refuses to start with invalid configuration, listing every invalid key', async () => {
    const failed = spawnServer(bundle, { PORT: 'eighty', SESSION_SECRET: 'short', LOG_LEVEL: 'chatty', DATA_DIR: tempDir('bad-config') });
    const error = await failed.then(
      () => undefined,
      (reason: unknown) => String(reason),
    );
    expect(error).toContain('exited (78)');
    expect(error).toContain('PORT: "eighty" must be a whole number');
    expect(error).toContain('SESSION_SECRET: must be at least 32 characters');
    expect(error).toContain('LOG_LEVEL: "chatty" must be one of');
  });

  it('finishes an in-flight request on SIGTERM, refuses new connections, and exits 0', async () => {
    const dataDir = tempDir('shutdown');
    const server = await spawnServer(bundle, { DATA_DIR: dataDir, ADMIN_EMAIL, ADMIN_PASSWORD });
    const admin = await signIn(server.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const body = JSON.stringify({ idea: 'Write a weekly digest of new papers on robotics' });
    const half = Math.floor(body.length / 2);
    const url = new URL('/api/projects', server.url);
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = httpRequest(url, { method: 'POST', headers: { ...admin.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      request.on('error', reject);
      request.write(body.slice(0, half));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => request.end(body.slice(half)), 500);
      }, 200);
    });
    const response = await answer;
    expect(response.status, response.text).toBe(201);
    const refused = await client(server.url)
      .request('/healthz')
      .then(
        () => 'answered',
        () => 'refused',
      );
    expect(refused).toBe('refused');
    expect(await server.exited).toBe(0);
    expect(server.output.join('')).toContain('"msg":"agent-generator stopped"');
    rmSync(dataDir, { recursive: true, force: true });
  });
});
