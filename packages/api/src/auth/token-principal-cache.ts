// Remembers, for a few seconds, who an API token belongs to, so a burst of API calls costs one
// token and one user lookup instead of two per request. Revocation: this process forgets a token
// as soon as it is revoked, or its owner is changed or deleted (see watch-credential-changes.ts);
// another replica may keep answering for it until TOKEN_CACHE_TTL_MS has passed.
import type { ApiTokenId, UserId } from '@agent-generator/contracts';
import type { TokenPrincipal } from './principal';

/** How long another replica may still accept a token revoked elsewhere (or a changed user's old role). */
export const TOKEN_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  principal: TokenPrincipal;
  readonly cachedAt: number;
}

export class TokenPrincipalCache {
  private readonly entries = new Map<string, Entry>();
  // Bumped by every invalidation: a lookup that began before one must not store what it read.
  private generation = 0;

  constructor(private readonly options: { readonly clock: () => Date; readonly ttlMs?: number }) {}

  /** The principal of a token hash, if cached, fresh and the token has not expired since. */
  get(tokenHash: string): TokenPrincipal | undefined {
    const entry = this.entries.get(tokenHash);
    if (entry === undefined) return undefined;
    const now = this.options.clock().getTime();
    const { expiresAt } = entry.principal.credential.token;
    if (now - entry.cachedAt >= (this.options.ttlMs ?? TOKEN_CACHE_TTL_MS) || (expiresAt !== null && Date.parse(expiresAt) <= now)) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.principal;
  }

  /** A ticket to pass to `set` after the lookup: it is refused if anything was invalidated in between. */
  ticket(): number {
    return this.generation;
  }

  set(tokenHash: string, principal: TokenPrincipal, ticket: number): void {
    if (ticket !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(tokenHash, { principal, cachedAt: this.options.clock().getTime() });
  }

  /** Replaces the cached principal (e.g. with a newer `lastUsedAt`) without extending its lifetime. */
  update(tokenHash: string, principal: TokenPrincipal): void {
    const entry = this.entries.get(tokenHash);
    if (entry) entry.principal = principal;
  }

  forgetToken(id: ApiTokenId): void {
    this.forget((principal) => principal.credential.token.id === id);
  }

  forgetUser(id: UserId): void {
    this.forget((principal) => principal.user.id === id);
  }

  private forget(matches: (principal: TokenPrincipal) => boolean): void {
    this.generation += 1;
    for (const [hash, entry] of this.entries) if (matches(entry.principal)) this.entries.delete(hash);
  }
}
