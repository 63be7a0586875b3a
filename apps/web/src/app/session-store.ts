// The browser's view of the session: the CSRF token to send, and whether a signed-in session has expired.
type Listener = () => void;

interface SessionState {
  readonly csrfToken: string | undefined;
  readonly signedIn: boolean;
  readonly expired: boolean;
}

let state: SessionState = { csrfToken: undefined, signedIn: false, expired: false };
const listeners = new Set<Listener>();

function set(next: Partial<SessionState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

function readCookie(name: string): string | undefined {
  const match = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : undefined;
}

export const sessionStore = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  snapshot: (): SessionState => state,
  /** The token from the last sign-in, or the ag_csrf cookie the server set with the session. */
  csrfToken: (): string | undefined => state.csrfToken ?? readCookie('ag_csrf'),
  signedIn(csrfToken: string | undefined): void {
    set({ csrfToken, signedIn: true, expired: false });
  },
  signedOut(): void {
    set({ csrfToken: undefined, signedIn: false, expired: false });
  },
  /** A 401 while signed in: keep everything on screen and ask for the password again. */
  expire(): void {
    if (state.signedIn) set({ expired: true });
  },
};
