import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError, type Store } from '@agent-generator/contracts';
import { createStore } from '@agent-generator/store';
import { afterEach, describe, expect, it } from 'vitest';
import { LOGIN_WINDOW_MS, LoginRateLimiter } from './login-rate-limiter';
import { hashPassword } from './password';
import { startReplicas } from './test-replicas';

const directories: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** `replicas` limiters, each with its own store (connection) on one SQLite file, sharing a fake clock. */
async function limiters(options: { readonly maxFailures: number; readonly replicas?: number }) {
  const directory = mkdtempSync(join(tmpdir(), 'ag-login-limit-'));
  directories.push(directory);
  const file = join(directory, 'shared.db');
  let now = Date.parse('2025-01-01T00:00:00Z');
  const clock = () => new Date(now);
  const instances: LoginRateLimiter[] = [];
  for (let index = 0; index < (options.replicas ?? 1); index += 1) {
    const store = await createStore({ databaseUrl: `sqlite:${file}`, clock });
    stores.push(store);
    instances.push(new LoginRateLimiter({ maxFailures: options.maxFailures, clock, store }));
  }
  return { instances, file, advance: (ms: number) => (now += ms) };
}

async function refusal(check: Promise<void>): Promise<UserError | undefined> {
  try {
    await check;
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  return undefined;
}

describe('LoginRateLimiter', () => {
  it('refuses an account+address after the allowed failures, until the window ends', async () => {
    const { instances, advance } = await limiters({ maxFailures: 3 });
    const [limiter] = instances;
    if (!limiter) throw new Error('no limiter');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await refusal(limiter.check('Ada@example.com', '10.0.0.1'))).toBeUndefined();
      await limiter.recordFailure('Ada@example.com', '10.0.0.1');
    }
    const error = await refusal(limiter.check('ada@EXAMPLE.com', '10.0.0.1'));
    expect(error?.code).toBe('rate_limited');
    expect(error?.details.retryAfterSeconds).toBe(900);
    // Another address may still try the same account; the same address may try another account.
    expect(await refusal(limiter.check('ada@example.com', '10.0.0.2'))).toBeUndefined();
    expect(await refusal(limiter.check('bob@example.com', '10.0.0.1'))).toBeUndefined();
    advance(LOGIN_WINDOW_MS);
    expect(await refusal(limiter.check('ada@example.com', '10.0.0.1'))).toBeUndefined();
  });

  it('limits one address across many accounts (password spraying)', async () => {
    const { instances } = await limiters({ maxFailures: 2 });
    const [limiter] = instances;
    if (!limiter) throw new Error('no limiter');
    for (let account = 0; account < 20; account += 1) await limiter.recordFailure(`user${account}@example.com`, '10.0.0.9');
    expect((await refusal(limiter.check('fresh@example.com', '10.0.0.9')))?.code).toBe('rate_limited');
  });

  it('forgets an account’s failures after a successful sign-in', async () => {
    const { instances } = await limiters({ maxFailures: 2 });
    const [limiter] = instances;
    if (!limiter) throw new Error('no limiter');
    await limiter.recordFailure('ada@example.com', '10.0.0.1');
    await limiter.recordSuccess('ada@example.com', '10.0.0.1');
    await limiter.recordFailure('ada@example.com', '10.0.0.1');
    expect(await refusal(limiter.check('ada@example.com', '10.0.0.1'))).toBeUndefined();
  });

  it('holds the limit across replicas: failures on any of them count together', async () => {
    const { instances } = await limiters({ maxFailures: 4, replicas: 2 });
    const [one, two] = instances;
    if (!one || !two) throw new Error('no limiters');
    // Alternating replicas, as a load balancer would spread an attacker's attempts.
    for (const replica of [one, two, one, two]) {
      expect(await refusal(replica.check('ada@example.com', '203.0.113.7'))).toBeUndefined();
      await replica.recordFailure('ada@example.com', '203.0.113.7');
    }
    expect((await refusal(one.check('ada@example.com', '203.0.113.7')))?.code).toBe('rate_limited');
    expect((await refusal(two.check('ada@example.com', '203.0.113.7')))?.code).toBe('rate_limited');
  });

  it('keeps no email address or client address in the database', async () => {
    const { instances, file } = await limiters({ maxFailures: 2 });
    await instances[0]?.recordFailure('ada@example.com', '198.51.100.23');
    // The database file and its write-ahead log, byte for byte: neither address appears.
    const bytes = [file, `${file}-wal`].filter((path) => existsSync(path)).map((path) => readFileSync(path));
    expect(bytes.length).toBeGreaterThan(0);
    for (const content of bytes) for (const text of ['ada@example.com', '198.51.100.23']) expect(content.includes(text)).toBe(false);
    expect(bytes.some((content) => content.includes('login-account:'))).toBe(true);
  });
});

describe('POST /api/auth/login on two apps over one database', () => {
  it('answers 429 on both once the failures spread over them reach the limit, even with the right password', async () => {
    const running = await startReplicas({ count: 2, loginMaxFailures: 3 });
    try {
      const [one, two] = running.replicas;
      if (!one || !two) throw new Error('replicas did not start');
      await one.store.users.create({ email: 'ada@example.com', name: 'Ada', role: 'editor', passwordHash: await hashPassword('the right password 1') });
      const login = (replica: typeof one, password: string) => replica.call('/api/auth/login', { method: 'POST', json: { email: 'ada@example.com', password } });
      expect((await login(one, 'wrong 1')).status).toBe(401);
      expect((await login(two, 'wrong 2')).status).toBe(401);
      expect((await login(one, 'wrong 3')).status).toBe(401);
      // One process alone would allow two more attempts here; together the limit is reached.
      for (const replica of [two, one]) {
        const refused = await login(replica, 'the right password 1');
        expect(refused.status).toBe(429);
        expect(refused.headers.get('retry-after')).toBe('900');
      }
      running.advance(LOGIN_WINDOW_MS);
      expect((await login(two, 'the right password 1')).status).toBe(200);
    } finally {
      await running.close();
    }
  });
});
