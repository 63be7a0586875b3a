// Test support: several replicas of the API, each with its own store (its own connection) on one
// SQLite file and its own app, sharing a fake clock — what several server processes look like.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '@agent-generator/contracts';
import { renderProject } from '@agent-generator/renderers';
import { createStore } from '@agent-generator/store';
import { createApp } from '../create-app';

export interface Replica {
  readonly store: Store;
  /** Calls the app in-process; `json` becomes the body, `token` a bearer credential. */
  call(path: string, init?: { readonly token?: string; readonly method?: string; readonly json?: unknown }): Promise<Response>;
}

export async function startReplicas(options: { readonly count: number; readonly loginMaxFailures?: number }) {
  const directory = mkdtempSync(join(tmpdir(), 'ag-replicas-'));
  const file = join(directory, 'shared.db');
  let now = Date.parse('2025-06-01T00:00:00Z');
  const clock = () => new Date(now);
  const replicas: Replica[] = [];
  for (let index = 0; index < options.count; index += 1) {
    const store = await createStore({ databaseUrl: `sqlite:${file}`, clock });
    const app = createApp({
      store,
      renderProject,
      clock,
      system: { version: 'test', startedAt: new Date(0) },
      auth: { sessionSecret: 's'.repeat(40), sessionMaxAgeMs: 3_600_000, publicUrl: 'http://127.0.0.1', loginMaxFailures: options.loginMaxFailures ?? 5, oauthProviders: [], oauthSignupRole: 'none' },
    });
    replicas.push({
      store,
      call: async (path, init = {}) =>
        app.request(path, {
          method: init.method ?? 'GET',
          headers: { ...(init.token === undefined ? {} : { authorization: `Bearer ${init.token}` }), ...(init.json === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
        }),
    });
  }
  return {
    replicas,
    file,
    advance: (ms: number) => (now += ms),
    async close() {
      await Promise.all(replicas.map((replica) => replica.store.close()));
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
