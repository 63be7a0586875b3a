// PKCE (RFC 7636, S256): the verifier stays with us, the provider sees only its hash; the OIDC
// nonce of the same attempt is another hash of it.
import { createHash } from 'node:crypto';
import { randomSecret } from '../secret-token';

export function newPkce(): { readonly verifier: string; readonly challenge: string } {
  const verifier = randomSecret();
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The OIDC nonce of an attempt, derived from its verifier, so the signed state cookie needs no extra field. */
export function nonceOf(verifier: string): string {
  return createHash('sha256').update(`oidc-nonce:${verifier}`).digest('base64url');
}
