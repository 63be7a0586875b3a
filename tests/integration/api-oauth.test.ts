// OAuth/OIDC sign-in end to end against a loopback fake provider that speaks the real wire shapes:
// GitHub's OAuth app endpoints (authorize, access_token answering errors with 200, /user,
// /user/emails) and OpenID Connect discovery, JWKS, token (with a really signed ID token) and
// userinfo for Google and Entra ID — plus ID tokens forged in each way the server must refuse.
import { createHash, createSign, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, client, signIn, startInProcess, type InProcessServer } from './server-harness';

interface Grant {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly challenge: string;
  readonly nonce: string;
  readonly person: Person;
}

/** How the next ID token is forged, for the hostile cases. */
interface Forgery {
  readonly otherKey?: boolean;
  readonly audience?: string;
  readonly issuer?: string;
  readonly expiresInSeconds?: number;
  readonly nonce?: string;
}
interface Person {
  readonly id: string;
  readonly email: string;
  readonly verified: boolean;
  readonly name: string;
}

const CLIENTS: Readonly<Record<string, string>> = { 'gh-client': 'gh-secret', 'google-client': 'google-secret', 'entra-client': 'entra-secret' };

/** A fake identity provider; `nextPerson` is who "signs in" at the next authorize call. */
class FakeProvider {
  readonly grants = new Map<string, Grant>();
  readonly tokens = new Map<string, Person>();
  nextPerson: Person = { id: '1', email: 'someone@example.com', verified: true, name: 'Someone' };
  /** Applies to the next ID token only. */
  forgery: Forgery = {};
  private server: Server | undefined;
  private keys: { readonly signing: KeyObject; readonly other: KeyObject; readonly published: Record<string, unknown> } | undefined;
  origin = '';

  async start(): Promise<void> {
    const [signing, other] = [generateKeyPairSync('rsa', { modulusLength: 2048 }), generateKeyPairSync('rsa', { modulusLength: 2048 })];
    this.keys = { signing: signing.privateKey, other: other.privateKey, published: { ...signing.publicKey.export({ format: 'jwk' }), kid: 'key-1', alg: 'RS256', use: 'sig' } };
    this.server = createServer((request, response) => {
      void this.handle(request).then(({ status, body, location }) => {
        response.writeHead(status, { 'content-type': 'application/json', ...(location ? { location } : {}) });
        response.end(body === undefined ? '' : JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(request: IncomingMessage): Promise<{ status: number; body?: unknown; location?: string }> {
    const url = new URL(request.url ?? '/', this.origin);
    const path = url.pathname;
    let body = '';
    for await (const chunk of request) body += String(chunk);
    const form = new URLSearchParams(body);
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const oidc = /^\/(google|[\w.-]+\/v2\.0)(\/.*)$/.exec(path);
    if (path === '/login/oauth/authorize' || oidc?.[2] === '/authorize') return this.authorize(url);
    if (path === '/login/oauth/access_token') return this.exchange(form, undefined);
    if (path === '/api/user' && bearer) return this.withPerson(bearer, (person) => ({ id: Number(person.id), login: person.name.toLowerCase().replace(/\W/g, ''), name: person.name, email: null }));
    if (path === '/api/user/emails' && bearer) return this.withPerson(bearer, (person) => [{ email: 'old@example.com', primary: false, verified: true, visibility: null }, { email: person.email, primary: true, verified: person.verified, visibility: 'private' }]);
    if (oidc?.[2] === '/.well-known/openid-configuration') {
      const issuer = `${this.origin}/${oidc[1]}`;
      return { status: 200, body: { issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, userinfo_endpoint: `${issuer}/userinfo`, jwks_uri: `${issuer}/jwks`, response_types_supported: ['code'], code_challenge_methods_supported: ['S256'], id_token_signing_alg_values_supported: ['RS256'] } };
    }
    if (oidc?.[2] === '/jwks') return { status: 200, body: { keys: [this.keys?.published] } };
    if (oidc?.[2] === '/token') return this.exchange(form, `${this.origin}/${oidc[1]}`);
    if (oidc?.[2] === '/userinfo' && bearer) return this.withPerson(bearer, (person) => ({ sub: `sub-${person.id}`, email: person.email, ...(oidc[1] === 'google' ? { email_verified: person.verified } : {}), name: person.name }));
    return { status: 404, body: { error: 'not_found' } };
  }

  private authorize(url: URL): { status: number; location: string } {
    const code = randomBytes(12).toString('hex');
    const redirectUri = url.searchParams.get('redirect_uri') ?? '';
    this.grants.set(code, { clientId: url.searchParams.get('client_id') ?? '', redirectUri, challenge: url.searchParams.get('code_challenge') ?? '', nonce: url.searchParams.get('nonce') ?? '', person: this.nextPerson });
    return { status: 302, location: `${redirectUri}?code=${code}&state=${encodeURIComponent(url.searchParams.get('state') ?? '')}` };
  }

  /** An RS256 ID token (JWS compact form, signed here with node:crypto) with the published key, unless the current forgery says otherwise. */
  private idToken(grant: Grant, issuer: string): string {
    const forgery = this.forgery;
    this.forgery = {};
    const keys = this.keys;
    if (!keys) throw new Error('the fake provider has no keys');
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: forgery.issuer ?? issuer,
      aud: forgery.audience ?? grant.clientId,
      sub: `sub-${grant.person.id}`,
      iat: now,
      exp: now + (forgery.expiresInSeconds ?? 3600),
      nonce: forgery.nonce ?? grant.nonce,
      email: grant.person.email,
      name: grant.person.name,
    };
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signingInput = `${part({ alg: 'RS256', kid: 'key-1', typ: 'JWT' })}.${part(claims)}`;
    const signature = createSign('RSA-SHA256').update(signingInput).sign(forgery.otherKey ? keys.other : keys.signing).toString('base64url');
    return `${signingInput}.${signature}`;
  }

  /** `oidcIssuer` undefined: GitHub's token endpoint (errors as 200, no ID token). */
  private async exchange(form: URLSearchParams, oidcIssuer: string | undefined): Promise<{ status: number; body: unknown }> {
    const github = oidcIssuer === undefined;
    const grant = this.grants.get(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    const valid =
      grant !== undefined &&
      CLIENTS[form.get('client_id') ?? ''] === form.get('client_secret') &&
      grant.clientId === form.get('client_id') &&
      grant.redirectUri === form.get('redirect_uri') &&
      createHash('sha256').update(verifier).digest('base64url') === grant.challenge &&
      (github || form.get('grant_type') === 'authorization_code');
    if (!valid) return github ? { status: 200, body: { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' } } : { status: 400, body: { error: 'invalid_grant' } };
    this.grants.delete(form.get('code') ?? '');
    const token = randomBytes(16).toString('hex');
    this.tokens.set(token, grant.person);
    return {
      status: 200,
      body: github ? { access_token: token, token_type: 'bearer', scope: 'read:user,user:email' } : { access_token: token, token_type: 'Bearer', expires_in: 3599, id_token: this.idToken(grant, oidcIssuer) },
    };
  }

  private withPerson(token: string, shape: (person: Person) => unknown): { status: number; body: unknown } {
    const person = this.tokens.get(token);
    return person ? { status: 200, body: shape(person) } : { status: 401, body: { message: 'Bad credentials' } };
  }
}

const provider = new FakeProvider();
let server: InProcessServer;

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .filter((pair) => !pair.endsWith('='))
    .join('; ');
}

/** The browser's part: /start → provider authorize → back to /callback with the state cookie. */
async function signInWith(name: 'github' | 'google' | 'entra', person: Provider['nextPerson'], tamper?: (location: URL) => void): Promise<Response> {
  provider.nextPerson = person;
  const start = await client(server.url).request(`/api/auth/oauth/${name}/start`);
  expect(start.status).toBe(302);
  const authorize = await fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
  const callback = new URL(authorize.headers.get('location') ?? '');
  tamper?.(callback);
  return client(server.url).request(`${callback.pathname}${callback.search}`, { headers: { cookie: cookiesOf(start) } });
}
type Provider = FakeProvider;

beforeAll(async () => {
  await provider.start();
  server = await startInProcess({
    GITHUB_CLIENT_ID: 'gh-client',
    GITHUB_CLIENT_SECRET: 'gh-secret',
    GITHUB_URL: provider.origin,
    GITHUB_API_URL: `${provider.origin}/api`,
    GOOGLE_CLIENT_ID: 'google-client',
    GOOGLE_CLIENT_SECRET: 'google-secret',
    GOOGLE_ISSUER: `${provider.origin}/google`,
    ENTRA_CLIENT_ID: 'entra-client',
    ENTRA_CLIENT_SECRET: 'entra-secret',
    ENTRA_TENANT_ID: 'contoso.example',
    ENTRA_AUTHORITY: provider.origin,
    OAUTH_SIGNUP_ROLE: 'viewer',
  });
  const admin = await signIn(server.url, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  expect((await admin.request('/api/users', { method: 'POST', json: { email: 'octo@example.com', name: 'Octo', role: 'editor' } })).status).toBe(201);
});

afterAll(async () => {
  await server.stop();
  await provider.stop();
});

describe('OAuth sign-in', () => {
  it('lists the configured providers', async () => {
    const status = (await (await client(server.url).request('/api/auth/status')).json()) as { oauthProviders: Array<{ id: string; startUrl: string }> };
    expect(status.oauthProviders.map((entry) => entry.id)).toEqual(['github', 'google', 'entra']);
  });

  it('redirects to GitHub with state and an S256 PKCE challenge, and keeps the verifier in a signed cookie', async () => {
    const start = await client(server.url).request('/api/auth/oauth/github/start');
    const location = new URL(start.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(`${provider.origin}/login/oauth/authorize`);
    expect(location.searchParams.get('client_id')).toBe('gh-client');
    expect(location.searchParams.get('redirect_uri')).toBe(`${server.url}/api/auth/oauth/github/callback`);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(location.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(start.headers.getSetCookie()[0]).toMatch(/^ag_oauth=.+; Max-Age=600; Path=\/api\/auth\/oauth; HttpOnly; SameSite=Lax$/);
  });

  it('signs in an existing user whose verified GitHub email matches, and links the account', async () => {
    const response = await signInWith('github', { id: '583231', email: 'octo@example.com', verified: true, name: 'The Octocat' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/');
    const me = await client(server.url, { cookie: cookiesOf(response) }).request('/api/auth/me');
    expect(await me.json()).toMatchObject({ via: 'session', user: { email: 'octo@example.com', role: 'editor' } });
    const user = await server.store.users.findByEmail('octo@example.com');
    expect(await server.store.identities.find({ provider: 'github', subject: '583231' })).toMatchObject({ userId: user?.id });
    // Next time the linked identity is enough, even with another email at GitHub.
    const again = await signInWith('github', { id: '583231', email: 'changed@example.com', verified: true, name: 'The Octocat' });
    expect(await (await client(server.url, { cookie: cookiesOf(again) }).request('/api/auth/me')).json()).toMatchObject({ user: { email: 'octo@example.com' } });
  });

  it('creates a viewer for a new person with a verified Google email (OAUTH_SIGNUP_ROLE=viewer)', async () => {
    const response = await signInWith('google', { id: '77', email: 'new.person@example.com', verified: true, name: 'New Person' });
    expect(response.headers.get('location')).toBe('/');
    expect(await server.store.users.findByEmail('new.person@example.com')).toMatchObject({ role: 'viewer', name: 'New Person', passwordHash: null });
  });

  it('refuses an unverified email, and never links it to an existing account', async () => {
    const response = await signInWith('google', { id: '78', email: ADMIN_EMAIL, verified: false, name: 'Impostor' });
    expect(response.headers.get('location')).toBe('/login?error=no_email');
    expect(await server.store.identities.find({ provider: 'google', subject: 'sub-78' })).toBeUndefined();
  });

  it('trusts Entra emails for a single tenant', async () => {
    const response = await signInWith('entra', { id: '91', email: 'octo@example.com', verified: false, name: 'Octo at Contoso' });
    expect(response.headers.get('location')).toBe('/');
    expect(await (await client(server.url, { cookie: cookiesOf(response) }).request('/api/auth/me')).json()).toMatchObject({ user: { email: 'octo@example.com' } });
  });

  it('refuses a callback with a state it did not issue, and a code used without its PKCE verifier', async () => {
    const forged = await signInWith('github', { id: '583231', email: 'octo@example.com', verified: true, name: 'x' }, (location) => location.searchParams.set('state', 'forged-state'));
    expect(forged.headers.get('location')).toBe('/login?error=oauth_state');
    expect(cookiesOf(forged)).not.toContain('ag_session');
    // An attacker who intercepted a code but holds no verifier: the provider refuses the exchange.
    provider.nextPerson = { id: '583231', email: 'octo@example.com', verified: true, name: 'x' };
    const start = await client(server.url).request('/api/auth/oauth/github/start');
    const authorize = await fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
    const stolen = new URL(authorize.headers.get('location') ?? '');
    const attackerStart = await client(server.url).request('/api/auth/oauth/github/start');
    const attackerState = new URL(attackerStart.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const replay = await client(server.url).request(`/api/auth/oauth/github/callback?code=${stolen.searchParams.get('code')}&state=${attackerState}`, { headers: { cookie: cookiesOf(attackerStart) } });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ error: { code: 'unauthenticated', message: expect.stringContaining('bad_verification_code') } });
  });

  it('sends a nonce with OIDC authorize requests, and verifies a really signed ID token (Google and Entra)', async () => {
    const start = await client(server.url).request('/api/auth/oauth/google/start');
    expect(new URL(start.headers.get('location') ?? '').searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const name of ['google', 'entra'] as const) {
      const response = await signInWith(name, { id: `signed-${name}`, email: `signed.${name}@example.com`, verified: true, name: 'Signed' });
      expect(response.headers.get('location')).toBe('/');
      expect(await server.store.identities.find({ provider: name, subject: `sub-signed-${name}` })).toBeDefined();
    }
  });

  const forgeries: ReadonlyArray<{ readonly name: string; readonly forgery: Forgery; readonly reason: string; readonly says: string }> = [
    { name: 'a signature by another key', forgery: { otherKey: true }, reason: 'id_token_signature', says: 'signature' },
    { name: 'another audience', forgery: { audience: 'someone-elses-client' }, reason: 'id_token_audience', says: 'another application' },
    { name: 'an expiry in the past', forgery: { expiresInSeconds: -600 }, reason: 'id_token_expired', says: 'expired' },
    { name: 'another issuer', forgery: { issuer: 'https://evil.example/google' }, reason: 'id_token_issuer', says: 'issued by someone else' },
    { name: 'another attempt’s nonce', forgery: { nonce: 'replayed-nonce' }, reason: 'id_token_nonce', says: 'another sign-in attempt' },
  ];
  for (const [index, { name, forgery, reason, says }] of forgeries.entries()) {
    it(`refuses an ID token with ${name}: 401 saying why, audited, and no account, link or session created`, async () => {
      const email = `forged${index}@example.com`;
      provider.forgery = forgery;
      const response = await signInWith(index % 2 === 0 ? 'google' : 'entra', { id: `forged-${index}`, email, verified: true, name: 'Forged' });
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: { code: string; message: string; details: { reason: string } } };
      expect(body.error).toMatchObject({ code: 'unauthenticated', details: { reason } });
      expect(body.error.message).toContain(says);
      expect(cookiesOf(response)).not.toContain('ag_session');
      expect(await server.store.users.findByEmail(email)).toBeUndefined();
      for (const provider of ['google', 'entra']) expect(await server.store.identities.find({ provider, subject: `sub-forged-${index}` })).toBeUndefined();
      const audit = await server.store.audit.list({ action: 'login-fail', limit: 1 });
      expect(audit.items[0]?.details).toMatchObject({ reason });
    });
  }

  it('answers 404 for a provider that is not configured', async () => {
    const other = await startInProcess();
    try {
      const response = await client(other.url).request('/api/auth/oauth/github/start');
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
    } finally {
      await other.stop();
    }
  });
});
