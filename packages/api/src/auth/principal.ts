// The caller of a request once authenticated: a user, and whether they came with a session or a token.
import type { ApiTokenRecord, SessionRecord, UserRecord } from '@agent-generator/contracts';

export type Credential = { readonly kind: 'session'; readonly session: SessionRecord } | { readonly kind: 'token'; readonly token: ApiTokenRecord };

export interface Principal {
  readonly user: UserRecord;
  readonly credential: Credential;
}

/** A caller who came with an API token. */
export interface TokenPrincipal extends Principal {
  readonly credential: Extract<Credential, { readonly kind: 'token' }>;
}

/** How the audit log names the caller. */
export function actorLabel(principal: Principal): string {
  return principal.credential.kind === 'token' ? `${principal.user.email} (token ${principal.credential.token.name})` : principal.user.email;
}
