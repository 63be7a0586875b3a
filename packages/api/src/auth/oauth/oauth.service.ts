// The configured sign-in providers, one explicit record, and the account rules for provider sign-in:
// a linked identity signs in its user; a verified email links to the user with that email; anyone
// else gets an account only when OAUTH_SIGNUP_ROLE allows it.
import type { Store, UserRecord } from '@agent-generator/contracts';
import type { AuthSettings, OAuthProviderId, OAuthProviderSettings } from '../../app-deps';
import { githubProvider } from './github-provider';
import type { OAuthProvider, ProviderProfile } from './oauth-provider';
import { oidcProvider } from './oidc-provider';

// Entra's `email` claim is not verified by Microsoft; only an organisation's own tenant vouches for it.
const MULTI_TENANT = new Set(['common', 'organizations', 'consumers']);

function build(settings: OAuthProviderSettings, io: { readonly fetch: typeof fetch; readonly clock: () => Date }): OAuthProvider {
  switch (settings.id) {
    case 'github':
      return githubProvider({ ...settings, fetch: io.fetch });
    case 'google':
      return oidcProvider({ label: 'Google', clientId: settings.clientId, clientSecret: settings.clientSecret, issuer: settings.issuer, trustEmail: false, acceptIssuerWithoutScheme: true, ...io });
    case 'entra':
      return oidcProvider({
        label: 'Microsoft',
        clientId: settings.clientId,
        clientSecret: settings.clientSecret,
        issuer: `${settings.authority}/${settings.tenant}/v2.0`,
        trustEmail: !MULTI_TENANT.has(settings.tenant.toLowerCase()),
        ...io,
      });
  }
}

export type SignInOutcome = { readonly ok: true; readonly user: UserRecord; readonly created: boolean } | { readonly ok: false; readonly reason: 'no_account' | 'account_disabled' | 'no_email' };

export class OAuthService {
  private readonly providers: ReadonlyMap<OAuthProviderId, OAuthProvider>;

  constructor(private readonly options: { readonly settings: AuthSettings; readonly fetch: typeof fetch; readonly clock: () => Date }) {
    this.providers = new Map(options.settings.oauthProviders.map((settings) => [settings.id, build(settings, { fetch: options.fetch, clock: options.clock })]));
  }

  provider(id: string): OAuthProvider | undefined {
    return this.providers.get(id as OAuthProviderId);
  }

  redirectUri(id: string): string {
    return `${this.options.settings.publicUrl}/api/auth/oauth/${id}/callback`;
  }

  /** Finds, links or creates the local user for a provider account. */
  async signIn(store: Store, provider: string, profile: ProviderProfile): Promise<SignInOutcome> {
    const identity = await store.identities.find({ provider, subject: profile.subject });
    let user = identity && (await store.users.get(identity.userId));
    let created = false;
    if (!user && profile.email !== null && profile.emailVerified) {
      user = await store.users.findByEmail(profile.email);
      if (user) await store.identities.link({ provider, subject: profile.subject, userId: user.id, email: profile.email });
    }
    if (!user) {
      const role = this.options.settings.oauthSignupRole;
      if (role === 'none') return { ok: false, reason: 'no_account' };
      if (profile.email === null || !profile.emailVerified) return { ok: false, reason: 'no_email' };
      const email = profile.email;
      user = await store.transaction(async (tx) => {
        const fresh = await tx.users.create({ email, name: profile.name ?? email, role, passwordHash: null });
        await tx.identities.link({ provider, subject: profile.subject, userId: fresh.id, email });
        return fresh;
      });
      created = true;
    }
    return user.disabled ? { ok: false, reason: 'account_disabled' } : { ok: true, user, created };
  }
}
