// Sign in with an OpenID Connect provider (Google, Microsoft Entra ID): endpoints from the
// issuer's discovery document, authorization code with PKCE, identity from the userinfo endpoint.
import { OperationalError } from '@agent-generator/contracts';
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
  readonly fetch: typeof fetch;
}

interface Endpoints {
  readonly authorization: string;
  readonly token: string;
  readonly userinfo: string;
}

export function oidcProvider(options: OidcProviderOptions): OAuthProvider {
  const http: ProviderHttp = { fetch: options.fetch, label: options.label };
  let endpoints: Promise<Endpoints> | undefined;
  const discover = (): Promise<Endpoints> =>
    (endpoints ??= getJson(http, `${options.issuer}/.well-known/openid-configuration`, {})
      .then((document) => {
        const authorization = stringField(document, 'authorization_endpoint');
        const token = stringField(document, 'token_endpoint');
        const userinfo = stringField(document, 'userinfo_endpoint');
        if (!authorization || !token || !userinfo) throw new OperationalError('unavailable', `${options.label}'s discovery document lacks an endpoint.`, { provider: options.label });
        return { authorization, token, userinfo };
      })
      .catch((error: unknown) => {
        endpoints = undefined; // try discovery again next time
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
        code_challenge: request.challenge,
        code_challenge_method: 'S256',
      })) {
        url.searchParams.set(key, value);
      }
      return url.toString();
    },
    async exchange(request) {
      const body = await postForm(http, (await discover()).token, {
        grant_type: 'authorization_code',
        code: request.code,
        redirect_uri: request.redirectUri,
        client_id: options.clientId,
        client_secret: options.clientSecret,
        code_verifier: request.verifier,
      });
      return accessTokenOf(http, body);
    },
    async profile(accessToken): Promise<ProviderProfile> {
      const info = await getJson(http, (await discover()).userinfo, { Authorization: `Bearer ${accessToken}` });
      const subject = stringField(info, 'sub');
      if (!subject) throw new OperationalError('unavailable', `${options.label} sent no subject.`, { provider: options.label });
      const email = stringField(info, 'email');
      const claimed = typeof info === 'object' && info !== null ? Reflect.get(info, 'email_verified') : undefined;
      const emailVerified = email !== null && (claimed === true || claimed === 'true' || (claimed === undefined && options.trustEmail));
      return { subject, email, emailVerified, name: stringField(info, 'name') };
    },
  };
}
