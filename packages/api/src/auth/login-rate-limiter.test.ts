import { UserError } from '@agent-generator/contracts';
import { describe, expect, it } from 'vitest';
import { LOGIN_WINDOW_MS, LoginRateLimiter } from './login-rate-limiter';

function limiter(maxFailures = 3) {
  let now = Date.parse('2025-01-01T00:00:00Z');
  const instance = new LoginRateLimiter({ maxFailures, clock: () => new Date(now) });
  return { instance, advance: (ms: number) => (now += ms) };
}

function refusal(action: () => void): UserError | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  return undefined;
}

describe('LoginRateLimiter', () => {
  it('refuses an account+address after the allowed failures, until the window ends', () => {
    const { instance, advance } = limiter(3);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(refusal(() => instance.check('Ada@example.com', '10.0.0.1'))).toBeUndefined();
      instance.recordFailure('Ada@example.com', '10.0.0.1');
    }
    const error = refusal(() => instance.check('ada@EXAMPLE.com', '10.0.0.1'));
    expect(error?.code).toBe('rate_limited');
    expect(error?.details.retryAfterSeconds).toBe(900);
    // Another address may still try the same account; the same address may try another account.
    expect(refusal(() => instance.check('ada@example.com', '10.0.0.2'))).toBeUndefined();
    expect(refusal(() => instance.check('bob@example.com', '10.0.0.1'))).toBeUndefined();
    advance(LOGIN_WINDOW_MS);
    expect(refusal(() => instance.check('ada@example.com', '10.0.0.1'))).toBeUndefined();
  });

  it('limits one address across many accounts (password spraying)', () => {
    const { instance } = limiter(2);
    for (let account = 0; account < 20; account += 1) instance.recordFailure(`user${account}@example.com`, '10.0.0.9');
    expect(refusal(() => instance.check('fresh@example.com', '10.0.0.9'))?.code).toBe('rate_limited');
  });

  it('forgets an account’s failures after a successful sign-in', () => {
    const { instance } = limiter(2);
    instance.recordFailure('ada@example.com', '10.0.0.1');
    instance.recordSuccess('ada@example.com', '10.0.0.1');
    instance.recordFailure('ada@example.com', '10.0.0.1');
    expect(refusal(() => instance.check('ada@example.com', '10.0.0.1'))).toBeUndefined();
  });
});
