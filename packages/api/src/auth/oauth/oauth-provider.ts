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
  readonly redirectUri: string;
}

export interface OAuthProvider {
  authorizeUrl(request: AuthorizeRequest): Promise<string>;
  /** Exchanges the authorization code (with the PKCE verifier) for an access token. */
  exchange(request: { readonly code: string; readonly verifier: string; readonly redirectUri: string }): Promise<string>;
  profile(accessToken: string): Promise<ProviderProfile>;
}
