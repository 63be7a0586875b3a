// What each sign-in provider must do: build the authorize URL, trade a code for a token, and
// read who signed in.
export interface ProviderProfile {
  /** The provider's stable id for the account. */
  readonly subject: string;
  readonly email: string | null;
  /** True only when the provider vouches that the person controls the email. */
  readonly emailVerified: boolean;
  readonly name: string | null;
}

export interface AuthorizeRequest {
  readonly state: string;
  readonly challenge: string;
  /** OpenID Connect providers put it in the ID token, which binds the token to this attempt. */
  readonly nonce: string;
  readonly redirectUri: string;
}

export interface ExchangeRequest {
  readonly code: string;
  readonly verifier: string;
  /** The nonce the authorize request carried; the ID token must repeat it. */
  readonly nonce: string;
  readonly redirectUri: string;
}

/** What the token endpoint granted: an access token and, from OIDC providers, the verified ID token's subject. */
export interface ProviderGrant {
  readonly accessToken: string;
  readonly verifiedSubject?: string;
}

export interface OAuthProvider {
  authorizeUrl(request: AuthorizeRequest): Promise<string>;
  /** Exchanges the authorization code (with the PKCE verifier) for tokens; OIDC providers verify the ID token here. */
  exchange(request: ExchangeRequest): Promise<ProviderGrant>;
  profile(grant: ProviderGrant): Promise<ProviderProfile>;
}
