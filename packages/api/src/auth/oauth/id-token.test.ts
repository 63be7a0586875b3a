import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { idTokenVerifier } from './id-token';

const JWKS_URI = 'https://login.example/keys';
let signingKey: CryptoKey;
let jwks: unknown;
let jwksFetches = 0;

// Answers the JWKS like a provider would; nothing else is reachable.
const fakeFetch = (async (input: string | URL | Request) => {
  if (String(input) !== JWKS_URI) return new Response('{}', { status: 404 });
  jwksFetches += 1;
  return Response.json(jwks);
}) as typeof fetch;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  signingKey = pair.privateKey;
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k', alg: 'ES256' }] };
});

const sign = (claims: JWTPayload) =>
  new SignJWT({ nonce: 'n-1', ...claims }).setProtectedHeader({ alg: 'ES256', kid: 'k' }).setSubject('person-1').setAudience(claims.aud ?? 'client-1').setIssuedAt().setExpirationTime('5m').sign(signingKey);

function verifier(acceptIssuerWithoutScheme = false) {
  return idTokenVerifier({ label: 'Provider', clientId: 'client-1', acceptIssuerWithoutScheme, fetch: fakeFetch, clock: () => new Date() });
}

describe('idTokenVerifier', () => {
  it('fills Entra’s {tenantid} issuer template from the tid claim, and refuses a tid that does not match the issuer', async () => {
    const verify = verifier();
    const issuer = 'https://login.example/{tenantid}/v2.0';
    const token = await sign({ iss: 'https://login.example/tenant-a/v2.0', tid: 'tenant-a' });
    expect((await verify({ token, issuer, jwksUri: JWKS_URI, nonce: 'n-1' })).sub).toBe('person-1');
    const mismatched = await sign({ iss: 'https://login.example/tenant-a/v2.0', tid: 'tenant-b' });
    await expect(verify({ token: mismatched, issuer, jwksUri: JWKS_URI, nonce: 'n-1' })).rejects.toMatchObject({ code: 'unauthenticated', details: { reason: 'id_token_issuer' } });
  });

  it('accepts Google’s scheme-less issuer only when told to', async () => {
    const token = await sign({ iss: 'accounts.example.com' });
    const check = { token, issuer: 'https://accounts.example.com', jwksUri: JWKS_URI, nonce: 'n-1' };
    expect((await verifier(true)(check)).iss).toBe('accounts.example.com');
    await expect(verifier(false)(check)).rejects.toMatchObject({ details: { reason: 'id_token_issuer' } });
  });

  it('refuses several audiences unless we are the authorized party, and a token that is not a JWT', async () => {
    const verify = verifier();
    const shared = await sign({ iss: 'https://i.example', aud: ['client-1', 'other'], azp: 'other' });
    await expect(verify({ token: shared, issuer: 'https://i.example', jwksUri: JWKS_URI, nonce: 'n-1' })).rejects.toMatchObject({ details: { reason: 'id_token_audience' } });
    await expect(verify({ token: 'not.a.jwt', issuer: 'https://i.example', jwksUri: JWKS_URI, nonce: 'n-1' })).rejects.toMatchObject({ details: { reason: 'id_token_malformed' } });
  });

  it('fetches the provider’s keys once and keeps them', async () => {
    const verify = verifier();
    const before = jwksFetches;
    for (let index = 0; index < 3; index += 1) await verify({ token: await sign({ iss: 'https://i.example' }), issuer: 'https://i.example', jwksUri: JWKS_URI, nonce: 'n-1' });
    expect(jwksFetches - before).toBe(1);
  });
});
