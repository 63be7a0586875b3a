// Sign in with GitHub: OAuth app authorization-code flow with PKCE; the profile is GET /user and
// the verified primary address from GET /user/emails.
import { OperationalError } from '@agent-generator/contracts';
import type { AuthorizeRequest, OAuthProvider, ProviderProfile } from './oauth-provider';
import { accessTokenOf, getJson, isRecord, postForm, stringField, type ProviderHttp } from './oauth-http';

export interface GitHubProviderOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly webUrl: string;
  readonly apiUrl: string;
  readonly fetch: typeof fetch;
}

const API_HEADERS = { Accept: 'application/vnd.github+json', 'User-Agent': 'agent-generator', 'X-GitHub-Api-Version': '2022-11-28' };

export function githubProvider(options: GitHubProviderOptions): OAuthProvider {
  const http: ProviderHttp = { fetch: options.fetch, label: 'GitHub' };
  return {
    async authorizeUrl(request: AuthorizeRequest) {
      const url = new URL('/login/oauth/authorize', options.webUrl);
      url.search = new URLSearchParams({
        client_id: options.clientId,
        redirect_uri: request.redirectUri,
        scope: 'read:user user:email',
        state: request.state,
        code_challenge: request.challenge,
        code_challenge_method: 'S256',
        allow_signup: 'false',
      }).toString();
      return url.toString();
    },
    async exchange(request) {
      const body = await postForm(http, new URL('/login/oauth/access_token', options.webUrl).toString(), {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        code: request.code,
        redirect_uri: request.redirectUri,
        code_verifier: request.verifier,
      });
      return { accessToken: accessTokenOf(http, body) };
    },
    async profile(grant): Promise<ProviderProfile> {
      const headers = { ...API_HEADERS, Authorization: `Bearer ${grant.accessToken}` };
      const user = await getJson(http, `${options.apiUrl}/user`, headers);
      const id = isRecord(user) ? user.id : undefined;
      if (typeof id !== 'number' && typeof id !== 'string') throw new OperationalError('unavailable', 'GitHub sent a user without an id.', { provider: 'GitHub' });
      const emails = await getJson(http, `${options.apiUrl}/user/emails`, headers);
      const primary = Array.isArray(emails) ? emails.find((entry) => isRecord(entry) && entry.primary === true && entry.verified === true) : undefined;
      const email = stringField(primary, 'email');
      return { subject: String(id), email, emailVerified: email !== null, name: stringField(user, 'name') ?? stringField(user, 'login') };
    },
  };
}
