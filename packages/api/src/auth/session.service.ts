// Cookie sessions: started (and rotated) at sign-in, slid forward while used, revoked at sign-out.
import type { SessionId, SessionRecord, Store, UserRecord } from '@agent-generator/contracts';
import type { Context } from 'hono';
import { clearSessionCookies, readSessionCookie, writeSessionCookies, type CookiePolicy } from './session-cookies';
import { randomSecret, sha256Hex } from './secret-token';

// Extending a session costs a write, so a session in use is extended at most this often.
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export interface SessionServiceOptions {
  readonly store: Store;
  readonly clock: () => Date;
  readonly maxAgeMs: number;
  readonly secureCookies: boolean;
}

export interface StartedSession {
  readonly session: SessionRecord;
  readonly csrfToken: string;
}

export class SessionService {
  constructor(private readonly options: SessionServiceOptions) {}

  private get policy(): CookiePolicy {
    return { secure: this.options.secureCookies, maxAgeSeconds: Math.floor(this.options.maxAgeMs / 1000) };
  }

  private expiresAt(): string {
    return new Date(this.options.clock().getTime() + this.options.maxAgeMs).toISOString();
  }

  /** Signs `user` in: revokes any session the request came with (rotation) and sets fresh cookies. */
  async start(context: Context, options: { readonly user: UserRecord; readonly ipAddress: string }): Promise<StartedSession> {
    const previous = readSessionCookie(context);
    if (previous !== undefined) await this.options.store.sessions.revoke(sha256Hex(previous) as SessionId);
    const token = randomSecret();
    const csrfToken = randomSecret();
    const session = await this.options.store.sessions.create({
      id: sha256Hex(token) as SessionId,
      userId: options.user.id,
      csrfSecret: csrfToken,
      expiresAt: this.expiresAt(),
      userAgent: context.req.header('user-agent')?.slice(0, 300) ?? null,
      ipAddress: options.ipAddress,
    });
    writeSessionCookies(context, { token, csrf: csrfToken }, this.policy);
    return { session, csrfToken };
  }

  /** The active session of the request's cookie, extended when it is in use; undefined otherwise. */
  async resolve(context: Context): Promise<SessionRecord | undefined> {
    const token = readSessionCookie(context);
    if (token === undefined) return undefined;
    const session = await this.options.store.sessions.findActive(sha256Hex(token) as SessionId);
    if (session === undefined) return undefined;
    const idle = this.options.clock().getTime() - new Date(session.lastSeenAt).getTime();
    if (idle < TOUCH_INTERVAL_MS) return session;
    const expiresAt = this.expiresAt();
    await this.options.store.sessions.touch(session.id, { expiresAt });
    writeSessionCookies(context, { token, csrf: session.csrfSecret }, this.policy);
    return { ...session, expiresAt };
  }

  /** Signs out: revokes the request's session and clears the cookies. */
  async end(context: Context): Promise<void> {
    const token = readSessionCookie(context);
    if (token !== undefined) await this.options.store.sessions.revoke(sha256Hex(token) as SessionId);
    clearSessionCookies(context, this.policy);
  }
}
