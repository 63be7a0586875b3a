// SESSION_SECRET when configured; otherwise one generated on first start and kept in DATA_DIR, so
// restarts (and replicas sharing the directory) keep signing with the same key.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE_NAME = 'session-secret';

function readSecret(path: string): string | undefined {
  try {
    const value = readFileSync(path, 'utf8').trim();
    return value.length >= 32 ? value : undefined;
  } catch {
    return undefined;
  }
}

export function resolveSessionSecret(options: { readonly configured: string | undefined; readonly dataDir: string }): string {
  if (options.configured !== undefined) return options.configured;
  const path = join(options.dataDir, FILE_NAME);
  const existing = readSecret(path);
  if (existing) return existing;
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  try {
    // `wx` fails when another process created the file first; then its secret wins.
    writeFileSync(path, `${randomBytes(48).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
  }
  const created = readSecret(path);
  if (!created) throw new Error(`could not read the session secret from ${path}; delete the file or set SESSION_SECRET`);
  return created;
}
