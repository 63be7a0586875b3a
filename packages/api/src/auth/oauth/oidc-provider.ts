// Sign in with an OpenID Connect provider (Google, Microsoft Entra ID): endpoints and keys from the
// issuer's discovery document, authorization code with PKCE and a nonce, the ID token verified
// (id-token.ts) before anything else, the profile from the userinfo endpoint for the same subject.
import { OperationalError, UserError } from '@agent-generator/contracts';
import { idTokenVerifier } from './id-token';
import type { OAuthProvider, ProviderProfile } from './oauth-provider';
import { accessTokenOf, getJson, postForm, stringField, type ProviderHttp } from './oauth-http';

export interface OidcProviderOptions {
  readonly label: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The discovery document is at `${issuer}/.well-known/openid-configuration`. */
  readonly issuer: string;
  /** Whether the provider's `email` claim proves control of the address (when it sends no `email_verified`). */
  readonly trustEmail: boolean;
  /** Google also issues ID tokens whose `iss` omits the scheme. */
  readonly acceptIssuerWithoutScheme?: boolean;
  readonly fetch: typeof fetch;
  readonly clock: () => Date;
}

interface Discovery {
  readonly issuer: string;
  readonly authorization: string;
  readonly token: string;
  readonly userinfo: string;
  readonly jwks: string;
}

function discoveryOf(document: unknown, label: string): Discovery {
  const issuer = stringField(document, 'issuer');
  const authorization = stringField(document, 'authorization_endpoint');
  const token = stringField(document, 'token_endpoint');
  const userinfo = stringField(document, 'userinfo_endpoint');
  const jwks = stringField(document, 'jwks_uri');
  if (!issuer || !authorization || !token || !userinfo || !jwks) throw new OperationalError('unavailable', `${label}'s discovery document lacks the issuer, an endpoint or jwks_uri.`, { provider: label });
  return { issuer, authorization, token, userinfo, jwks };
}

export function oidcProvider(options: OidcProviderOptions): OAuthProvider {
  const http: ProviderHttp = { fetch: options.fetch, label: options.label };
  const verifyIdToken = idTokenVerifier({ label: options.label, clientId: options.clientId, acceptIssuerWithoutScheme: options.acceptIssuerWithoutScheme ?? false, fetch: options.fetch, clock: options.clock });
  let discovered: Promise<Discovery> | undefined;
  const discover = (): Promise<Discovery> =>
    (discovered ??= getJson(http, `${options.issuer}/.well-known/openid-configuration`, {})
      .then((document) => discoveryOf(document, options.label))
      .catch((error: unknown) => {
        discovered = undefined; // try discovery again next time
        throw error;
      }));
  return {
    async authorizeUrl(request) {
      const url = new URL((await discover()).authorization);
      for (const [key, value] of Object.entries({
        response_type: 'code',
        client_id: options.clientId,
        redirect_uri: request.redirectUri,
        scope: 'openid email profile',
        state: request.state,
        nonce: request.nonce,
        code_challenge: request.challenge,
        code_challenge_method: 'S256',
      })) {
        url.searchParams.set(key, value);
      }
      return url.toString();
    },
    async exchange(request) {
      const discovery = await discover();
      const body = await postForm(http, discovery.token, {
        grant_type: 'authorization_code',
        code: request.code,
        redirect_uri: request.redirectUri,
        client_id: options.clientId,
        client_secret: options.clientSecret,
        code_verifier: request.verifier,
      });
      const accessToken = accessTokenOf(http, body);
      const idToken = typeof body.id_token === 'string' ? body.id_token : undefined;
      if (idToken === undefined) throw new UserError('unauthenticated', `${options.label} sent no ID token, so the sign-in cannot be verified; start again.`, { provider: options.label, reason: 'id_token_missing' });
      const claims = await verifyIdToken({ token: idToken, issuer: discovery.issuer, jwksUri: discovery.jwks, nonce: request.nonce });
      return { accessToken, verifiedSubject: claims.sub };
    },
    async profile(grant): Promise<ProviderProfile> {
      const info = await getJson(http, (await discover()).userinfo, { Authorization: `Bearer ${grant.accessToken}` });
      const subject = stringField(info, 'sub');
      if (!subject) throw new OperationalError('unavailable', `${options.label} sent no subject.`, { provider: options.label });
      // OIDC Core 5.3.2: the userinfo answer must be about the person the verified ID token names.
      if (subject !== grant.verifiedSubject) throw new UserError('unauthenticated', `${options.label}'s user info names another account than its ID token; start again.`, { provider: options.label, reason: 'id_token_subject' });
      const email = stringField(info, 'email');
      const claimed = typeof info === 'object' && info !== null ? Reflect.get(info, 'email_verified') : undefined;
      const emailVerified = email !== null && (claimed === true || claimed === 'true' || (claimed === undefined && options.trustEmail));
      return { subject, email, emailVerified, name: stringField(info, 'name') };
    },
  };
}
