// Brute-force protection for password login: failures are counted per account+address and per
// address in a 15-minute window; past the limit, login answers 429 until the window ends.
// Counts live in this process: with several replicas each enforces the limit on its own.
import { UserError } from '@agent-generator/contracts';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
// One address may try this many times more than one account allows (password spraying).
const ADDRESS_FACTOR = 10;
const SWEEP_SIZE = 10_000;

interface Window {
  failures: number;
  readonly startedAt: number;
}

export class LoginRateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly options: { readonly maxFailures: number; readonly clock: () => Date }) {}

  private keys(email: string, address: string): ReadonlyArray<readonly [string, number]> {
    return [
      [`account:${email.toLowerCase()}|${address}`, this.options.maxFailures],
      [`address:${address}`, this.options.maxFailures * ADDRESS_FACTOR],
    ];
  }

  private current(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    if (window && now - window.startedAt >= LOGIN_WINDOW_MS) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  /** Throws `rate_limited` (with Retry-After) when this account or address has failed too often. */
  check(email: string, address: string): void {
    const now = this.options.clock().getTime();
    for (const [key, limit] of this.keys(email, address)) {
      const window = this.current(key, now);
      if (window && window.failures >= limit) {
        const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + LOGIN_WINDOW_MS - now) / 1000));
        throw new UserError('rate_limited', `Too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s), or ask an admin to reset your password.`, { retryAfterSeconds });
      }
    }
  }

  recordFailure(email: string, address: string): void {
    const now = this.options.clock().getTime();
    if (this.windows.size > SWEEP_SIZE) for (const key of [...this.windows.keys()]) this.current(key, now);
    for (const [key] of this.keys(email, address)) {
      const window = this.current(key, now);
      if (window) window.failures += 1;
      else this.windows.set(key, { failures: 1, startedAt: now });
    }
  }

  /** A successful sign-in clears the account's count (not the address's). */
  recordSuccess(email: string, address: string): void {
    const [account] = this.keys(email, address);
    if (account) this.windows.delete(account[0]);
  }
}
