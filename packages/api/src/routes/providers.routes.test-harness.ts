// Test support for the provider routes: the real app over a real SQLite file whose bytes a test
// can read, with a recording logger, a chosen SESSION_SECRET and what a start-up probe found.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role, Store } from '@agent-generator/contracts';
import type { LocalProviderProbe } from '@agent-generator/models';
import { renderProject } from '@agent-generator/renderers';
import { createStore } from '@agent-generator/store';
import type { AppDeps } from '../app-deps';
import { newApiToken } from '../auth/secret-token';
import { createApp } from '../create-app';
import type { Logger } from '../logger';

export const SECRET_A = 'first-session-secret-with-at-least-32-characters';
export const SECRET_B = 'rotated-session-secret-with-at-least-32-chars!!';

/** Every log call, serialised the way a JSON logger would write it. */
export function recordingLogger(lines: string[], bindings: Record<string, unknown> = {}): Logger {
  const write = (level: string) => (fields: Record<string, unknown>, message?: string) => void lines.push(JSON.stringify({ level, ...bindings, ...fields, message }));
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'), child: (more) => recordingLogger(lines, { ...bindings, ...more }) };
}

export async function createProvidersHarness() {
  const directory = mkdtempSync(join(tmpdir(), 'ag-providers-test-'));
  const store: Store = await createStore({ databaseUrl: `sqlite:${join(directory, 'providers.db')}` });
  const logLines: string[] = [];

  function appWith(options: { readonly sessionSecret?: string; readonly localProviders?: ReadonlyArray<LocalProviderProbe> } = {}) {
    const deps: AppDeps = {
      store,
      renderProject,
      logger: recordingLogger(logLines),
      system: { version: '9.9.9-test', startedAt: new Date('2025-01-01T00:00:00Z') },
      auth: { sessionSecret: options.sessionSecret ?? SECRET_A, sessionMaxAgeMs: 3_600_000, publicUrl: 'http://127.0.0.1:8080', loginMaxFailures: 5, oauthProviders: [], oauthSignupRole: 'none' },
      ...(options.localProviders === undefined ? {} : { localProviders: Promise.resolve(options.localProviders) }),
    };
    return createApp(deps);
  }

  let counter = 0;
  async function headersFor(role: Role): Promise<Record<string, string>> {
    const user = await store.users.create({ email: `${role}${(counter += 1)}@example.com`, name: `${role} ${counter}`, role, passwordHash: 'not-used' });
    const secret = newApiToken();
    await store.apiTokens.create({ userId: user.id, name: 'test', prefix: secret.prefix, tokenHash: secret.hash, scopes: ['read', 'write', 'admin'] });
    return { authorization: `Bearer ${secret.token}` };
  }

  return {
    store,
    logLines,
    appWith,
    headersFor,
    /** The database file and its WAL/journal, as raw bytes. */
    databaseBytes(): Buffer {
      return Buffer.concat(readdirSync(directory).map((name) => readFileSync(join(directory, name))));
    },
    async close() {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
