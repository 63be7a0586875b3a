// The per-request variables every middleware and route handler shares (Hono's typed context).
import type { Principal } from './auth/principal';
import type { Logger } from './logger';

export interface AppEnv {
  Variables: {
    readonly requestId: string;
    readonly logger: Logger;
    /** The caller's address (X-Forwarded-For when TRUST_PROXY is on), for rate limits and audit. */
    readonly clientAddress: string;
    /** Resolves and caches the caller; undefined when the request carries no valid credential. */
    readonly principal: () => Promise<Principal | undefined>;
  };
}
