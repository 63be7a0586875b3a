// PKCE (RFC 7636, S256): the verifier stays with us, the provider sees only its hash.
import { createHash } from 'node:crypto';
import { randomSecret } from '../secret-token';

export function newPkce(): { readonly verifier: string; readonly challenge: string } {
  const verifier = randomSecret();
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}
