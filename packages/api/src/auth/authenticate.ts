// Finds the caller of a request from `Authorization: Bearer <API token>` or the session cookie.
// Lazy: public routes never touch the database for it. Token callers are remembered for a few
// seconds (token-principal-cache.ts) when a cache is given.
import { UserError, type Store, type UserId } from '@agent-generator/contracts';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import type { Principal, TokenPrincipal } from './principal';
import { API_TOKEN_PREFIX, sha256Hex } from './secret-token';
import type { SessionService } from './session.service';
import type { TokenPrincipalCache } from './token-principal-cache';

// Recording when a token was last used costs a write, so it is recorded at most once a minute.
const TOKEN_TOUCH_INTERVAL_MS = 60 * 1000;

export interface AuthenticateOptions {
  readonly store: Store;
  readonly sessions: SessionService;
  readonly clock: () => Date;
  /** Without one, every request looks its token and user up. */
  readonly tokens?: TokenPrincipalCache;
}

const INVALID_TOKEN = 'This API token is not valid: it may be revoked, expired or mistyped. Create a new one under Settings → Account → API tokens.';

async function activeUser(store: Store, userId: UserId) {
  const user = await store.users.get(userId);
  return user !== undefined && !user.disabled ? user : undefined;
}

/** The principal with `lastUsedAt` set to now when it is time to record a use (at most once a minute). */
function dueForTouch(options: AuthenticateOptions, principal: TokenPrincipal): TokenPrincipal | undefined {
  const { token } = principal.credential;
  const now = options.clock();
  const last = token.lastUsedAt === null ? 0 : new Date(token.lastUsedAt).getTime();
  return now.getTime() - last < TOKEN_TOUCH_INTERVAL_MS ? undefined : { ...principal, credential: { kind: 'token', token: { ...token, lastUsedAt: now.toISOString() } } };
}

async function lookUpToken(options: AuthenticateOptions, tokenHash: string): Promise<TokenPrincipal> {
  const token = await options.store.apiTokens.findActiveByHash(tokenHash);
  const user = token && (await activeUser(options.store, token.userId));
  if (!token || !user) throw new UserError('unauthenticated', INVALID_TOKEN);
  return { user, credential: { kind: 'token', token } };
}

async function fromBearer(options: AuthenticateOptions, header: string): Promise<Principal> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw new UserError('unauthenticated', 'Send the API token as "Authorization: Bearer <token>".');
  const secret = match[1];
  if (!secret.startsWith(API_TOKEN_PREFIX) || secret.length > 200) throw new UserError('unauthenticated', INVALID_TOKEN);
  const tokenHash = sha256Hex(secret);
  const { tokens } = options;
  const cached = tokens?.get(tokenHash);
  const ticket = tokens?.ticket() ?? 0;
  const found = cached ?? (await lookUpToken(options, tokenHash));
  const touched = dueForTouch(options, found);
  const principal = touched ?? found;
  // Cached before the write, so concurrent requests with the same token do not all record the use.
  if (cached) {
    if (touched) tokens?.update(tokenHash, touched);
  } else {
    tokens?.set(tokenHash, principal, ticket);
  }
  if (touched) await options.store.apiTokens.touch(touched.credential.token.id);
  return principal;
}

async function resolvePrincipal(options: AuthenticateOptions, context: Context<AppEnv>): Promise<Principal | undefined> {
  const header = context.req.header('authorization');
  if (header !== undefined) return fromBearer(options, header);
  const session = await options.sessions.resolve(context);
  const user = session && (await activeUser(options.store, session.userId));
  return session && user ? { user, credential: { kind: 'session', session } } : undefined;
}

export function authenticate(options: AuthenticateOptions): MiddlewareHandler<AppEnv> {
  return async (context, next) => {
    let cached: Promise<Principal | undefined> | undefined;
    context.set('principal', () => (cached ??= resolvePrincipal(options, context)));
    await next();
  };
}
