// Finds the caller of a request from `Authorization: Bearer <API token>` or the session cookie.
// Lazy: public routes never touch the database for it.
import { UserError, type ApiTokenRecord, type Store, type UserId } from '@agent-generator/contracts';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import type { Principal } from './principal';
import { API_TOKEN_PREFIX, sha256Hex } from './secret-token';
import type { SessionService } from './session.service';

// Recording when a token was last used costs a write, so it is recorded at most once a minute.
const TOKEN_TOUCH_INTERVAL_MS = 60 * 1000;

export interface AuthenticateOptions {
  readonly store: Store;
  readonly sessions: SessionService;
  readonly clock: () => Date;
}

const INVALID_TOKEN = 'This API token is not valid: it may be revoked, expired or mistyped. Create a new one under Settings → Account → API tokens.';

async function activeUser(store: Store, userId: UserId) {
  const user = await store.users.get(userId);
  return user !== undefined && !user.disabled ? user : undefined;
}

async function touchToken(options: AuthenticateOptions, token: ApiTokenRecord): Promise<void> {
  const last = token.lastUsedAt === null ? 0 : new Date(token.lastUsedAt).getTime();
  if (options.clock().getTime() - last >= TOKEN_TOUCH_INTERVAL_MS) await options.store.apiTokens.touch(token.id);
}

async function fromBearer(options: AuthenticateOptions, header: string): Promise<Principal> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw new UserError('unauthenticated', 'Send the API token as "Authorization: Bearer <token>".');
  const secret = match[1];
  if (!secret.startsWith(API_TOKEN_PREFIX) || secret.length > 200) throw new UserError('unauthenticated', INVALID_TOKEN);
  const token = await options.store.apiTokens.findActiveByHash(sha256Hex(secret));
  const user = token && (await activeUser(options.store, token.userId));
  if (!token || !user) throw new UserError('unauthenticated', INVALID_TOKEN);
  await touchToken(options, token);
  return { user, credential: { kind: 'token', token } };
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
