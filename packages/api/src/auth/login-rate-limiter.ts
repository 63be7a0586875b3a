// Brute-force protection for password login: failures are counted per account+address and per
// address in a 15-minute window; past the limit, login answers 429 until the window ends. The
// counts live in the store, so the limit holds across every replica; each process also remembers
// the keys it has seen blocked, which refuses a blocked caller without a database round trip.
import { UserError, type RateLimitWindow, type Store } from '@agent-generator/contracts';
import { sha256Hex } from './secret-token';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
// One address may try this many times more than one account allows (password spraying).
const ADDRESS_FACTOR = 10;
const MAX_REMEMBERED = 10_000;
// Every this many failures, closed windows are deleted, so the table stays small.
const PURGE_EVERY = 100;

export interface LoginRateLimiterOptions {
  readonly maxFailures: number;
  readonly clock: () => Date;
  readonly store: Pick<Store, 'rateLimits'>;
}

interface Key {
  readonly key: string;
  readonly limit: number;
}

function refusal(endsAt: number, now: number): UserError {
  const retryAfterSeconds = Math.max(1, Math.ceil((endsAt - now) / 1000));
  return new UserError('rate_limited', `Too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s), or ask an admin to reset your password.`, { retryAfterSeconds });
}

export class LoginRateLimiter {
  /** Key → when its window ends, for keys this process saw at or over their limit. */
  private readonly blocked = new Map<string, number>();
  private failures = 0;

  constructor(private readonly options: LoginRateLimiterOptions) {}

  // Hashed, so the table holds no email addresses.
  private keys(email: string, address: string): readonly [Key, Key] {
    return [
      { key: `login-account:${sha256Hex(`${email.trim().toLowerCase()}|${address}`)}`, limit: this.options.maxFailures },
      { key: `login-address:${sha256Hex(address)}`, limit: this.options.maxFailures * ADDRESS_FACTOR },
    ];
  }

  private remember(keys: ReadonlyArray<Key>, windows: ReadonlyArray<RateLimitWindow>): number | undefined {
    let endsAt: number | undefined;
    for (const window of windows) {
      const limit = keys.find((entry) => entry.key === window.key)?.limit ?? Number.POSITIVE_INFINITY;
      if (window.count < limit) continue;
      const end = Date.parse(window.endsAt);
      if (this.blocked.size >= MAX_REMEMBERED) this.blocked.clear();
      this.blocked.set(window.key, end);
      endsAt = Math.max(endsAt ?? end, end);
    }
    return endsAt;
  }

  /** Throws `rate_limited` (with Retry-After) when this account or address has failed too often. */
  async check(email: string, address: string): Promise<void> {
    const now = this.options.clock().getTime();
    const keys = this.keys(email, address);
    for (const { key } of keys) {
      const endsAt = this.blocked.get(key);
      if (endsAt !== undefined && endsAt > now) throw refusal(endsAt, now);
      if (endsAt !== undefined) this.blocked.delete(key);
    }
    const endsAt = this.remember(keys, await this.options.store.rateLimits.peek(keys.map((entry) => entry.key)));
    if (endsAt !== undefined) throw refusal(endsAt, now);
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const keys = this.keys(email, address);
    this.remember(keys, await this.options.store.rateLimits.hit(keys.map((entry) => entry.key), { windowMs: LOGIN_WINDOW_MS }));
    this.failures += 1;
    if (this.failures % PURGE_EVERY === 0) await this.options.store.rateLimits.purge(this.options.clock().toISOString());
  }

  /** A successful sign-in clears the account's count (not the address's). */
  async recordSuccess(email: string, address: string): Promise<void> {
    const [account] = this.keys(email, address);
    this.blocked.delete(account.key);
    await this.options.store.rateLimits.reset(account.key);
  }
}
