// The shape of a conformance case and the fixtures cases share: a settable clock, specs, files, users.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { UserError, type ErrorCode, type FileTree, type FrameworkId, type NewProjectVersion, type Store, type UserId } from '@agent-generator/contracts';
import { planProject } from '@agent-generator/core';

export interface ConformanceStoreOptions {
  readonly clock?: () => Date;
  readonly ids?: () => string;
}

export interface StoreConformanceContext {
  /** A store over a fresh, empty database; the harness closes it after the case. */
  open(options?: ConformanceStoreOptions): Promise<Store>;
}

export interface StoreConformanceCase {
  readonly name: string;
  run(context: StoreConformanceContext): Promise<void>;
}

export interface ManualClock {
  readonly now: () => Date;
  advance(milliseconds: number): void;
  iso(offsetMilliseconds?: number): string;
}

export function manualClock(start = '2025-03-01T12:00:00.000Z'): ManualClock {
  let time = Date.parse(start);
  return {
    now: () => new Date(time),
    advance: (milliseconds) => {
      time += milliseconds;
    },
    iso: (offsetMilliseconds = 0) => new Date(time + offsetMilliseconds).toISOString(),
  };
}

export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, details: Record<string, unknown> = {}): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof UserError, `expected a UserError with code ${code}, got ${String(error)}`);
    assert.equal(error.code, code);
    for (const [key, value] of Object.entries(details)) assert.deepEqual(error.details[key], value, `details.${key}`);
    return error;
  }
  assert.fail(`expected the call to fail with ${code}`);
}

export function sampleFiles(label: string): FileTree {
  return [
    { path: 'README.md', content: `# ${label}\n` },
    { path: 'pyproject.toml', content: '[project]\nname = "demo"\n' },
    { path: 'scripts/run.sh', content: '#!/bin/sh\necho run\n', executable: true },
    { path: 'src/app/main.py', content: `print(${JSON.stringify(label)})  # ünïcødé ✓\n` },
  ];
}

export function sampleVersion(options: { readonly createdBy: UserId; readonly framework?: FrameworkId; readonly idea?: string; readonly label?: string }): NewProjectVersion {
  const idea = options.idea ?? 'Research a topic on the web and write a short report about it';
  const { spec } = planProject(idea, options.framework === undefined ? {} : { framework: options.framework });
  return { spec, rendererVersion: 'test-1', diagnostics: [], files: sampleFiles(options.label ?? spec.name), createdBy: options.createdBy };
}

export async function createOwner(store: Pick<Store, 'users'>, email = 'owner@example.com'): Promise<UserId> {
  const user = await store.users.create({ email, name: 'Owner', role: 'editor' });
  return user.id;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
