// Starts the real server (apps/server) on 127.0.0.1 port 0 with a temporary data directory, serving the
// built web app from apps/web/dist; builds the web app first when no build exists.
import { loadConfig, startServer, type RunningServer } from '@agent-generator/server';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB_DIR = fileURLToPath(new URL('../../../apps/web/dist', import.meta.url));

export interface TestApp {
  readonly url: string;
  readonly server: RunningServer;
  stop(): Promise<void>;
}

export function ensureWebBuild(): void {
  if (existsSync(join(WEB_DIR, 'index.html')) && process.env.AG_E2E_REBUILD !== '1') return;
  execFileSync('npm', ['run', 'build', '-w', '@agent-generator/web'], { stdio: 'inherit', cwd: fileURLToPath(new URL('../../..', import.meta.url)) });
}

export async function startApp(env: Readonly<Record<string, string>> = {}): Promise<TestApp> {
  ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'ag-e2e-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', WEB_DIR, ...env });
  const server = await startServer(config);
  return {
    url: server.url,
    server,
    async stop() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
