// Verifies an OpenID Connect ID token with jose: the signature against the provider's JWKS (from
// the discovery document's jwks_uri, fetched through the injected fetch and cached), then `iss`,
// `aud` (our client id; `azp` too when there are several audiences), `exp`/`nbf`, and `nonce`.
// A token that fails any check refuses the sign-in, naming what was wrong.
import { OperationalError, UserError } from '@agent-generator/contracts';
import { createRemoteJWKSet, customFetch, errors, jwtVerify, type JWTPayload } from 'jose';

// Asymmetric algorithms only: an HMAC-signed token would be "signed" with our own client secret.
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const CLOCK_TOLERANCE_SECONDS = 60;
const JWKS_TIMEOUT_MS = 10_000;

export interface IdTokenCheck {
  readonly token: string;
  /** The discovery document's issuer; Entra's multi-tenant `{tenantid}` placeholder is filled from the `tid` claim. */
  readonly issuer: string;
  readonly jwksUri: string;
  readonly nonce: string;
}

export interface IdTokenVerifierOptions {
  readonly label: string;
  readonly clientId: string;
  /** Google also issues tokens whose `iss` omits the scheme (`accounts.google.com`). */
  readonly acceptIssuerWithoutScheme: boolean;
  readonly fetch: typeof fetch;
  readonly clock: () => Date;
}

export type IdTokenFailure = 'signature' | 'issuer' | 'audience' | 'expired' | 'not_yet_valid' | 'nonce' | 'malformed';

const FAILURE_TEXT: Readonly<Record<IdTokenFailure, string>> = {
  signature: 'its signature does not match the keys the provider publishes',
  issuer: 'it was issued by someone else',
  audience: 'it was issued to another application (audience)',
  expired: 'it has expired',
  not_yet_valid: 'it is not valid yet (check the server clock)',
  nonce: 'it belongs to another sign-in attempt (nonce)',
  malformed: 'it is not a well-formed signed JWT',
};

function failureOf(error: unknown): IdTokenFailure | undefined {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return error.claim === 'aud' ? 'audience' : error.claim === 'nbf' || error.claim === 'iat' ? 'not_yet_valid' : 'malformed';
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JOSEAlgNotAllowed) return 'signature';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported) return 'malformed';
  return undefined;
}

function expectedIssuers(options: IdTokenVerifierOptions, issuer: string, payload: JWTPayload): ReadonlyArray<string> {
  const tenant = typeof payload.tid === 'string' ? payload.tid : undefined;
  const resolved = issuer.includes('{tenantid}') ? (tenant === undefined ? [] : [issuer.replace('{tenantid}', tenant)]) : [issuer];
  return options.acceptIssuerWithoutScheme ? resolved.flatMap((value) => [value, value.replace(/^https:\/\//, '')]) : resolved;
}

export function idTokenVerifier(options: IdTokenVerifierOptions): (check: IdTokenCheck) => Promise<JWTPayload & { readonly sub: string }> {
  const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  const keysAt = (jwksUri: string) => {
    let keys = keySets.get(jwksUri);
    if (keys === undefined) {
      keys = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: JWKS_TIMEOUT_MS, [customFetch]: (url, init) => options.fetch(url, init) });
      keySets.set(jwksUri, keys);
    }
    return keys;
  };
  const refuse = (failure: IdTokenFailure) =>
    new UserError('unauthenticated', `${options.label}'s ID token was refused: ${FAILURE_TEXT[failure]}. Nothing was signed in; start again.`, { provider: options.label, reason: `id_token_${failure}` });

  return async (check) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(check.token, keysAt(check.jwksUri), { audience: options.clientId, algorithms: ALGORITHMS, currentDate: options.clock(), clockTolerance: CLOCK_TOLERANCE_SECONDS, requiredClaims: ['exp', 'sub'] }));
    } catch (error) {
      const failure = failureOf(error);
      if (failure) throw refuse(failure);
      throw new OperationalError('unavailable', `Could not check ${options.label}'s ID token (${error instanceof Error ? error.message : String(error)}); try again.`, { provider: options.label });
    }
    if (typeof payload.iss !== 'string' || !expectedIssuers(options, check.issuer, payload).includes(payload.iss)) throw refuse('issuer');
    if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== options.clientId) throw refuse('audience');
    if (payload.nonce !== check.nonce) throw refuse('nonce');
    if (typeof payload.sub !== 'string' || payload.sub === '') throw refuse('malformed');
    return { ...payload, sub: payload.sub };
  };
}
