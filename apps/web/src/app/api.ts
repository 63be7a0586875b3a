// The one API client of the app, wired to the session store (CSRF header, expiry on 401).
import { createClient } from '@agent-generator/client';
import { sessionStore } from './session-store';

export const api = createClient({
  csrfToken: () => sessionStore.csrfToken(),
  onUnauthenticated: () => sessionStore.expire(),
});
