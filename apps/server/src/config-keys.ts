// Every configuration key the server reads, with its default and meaning: the one documented list.
export interface ConfigKey {
  readonly name: string;
  /** The default as people read it in the docs; empty when the key is optional and unset by default. */
  readonly defaultText: string;
  readonly description: string;
  /** Secrets may also come from a file named by `<KEY>_FILE` and are never logged. */
  readonly secret: boolean;
}

const key = (name: string, defaultText: string, description: string): ConfigKey => ({ name, defaultText, description, secret: false });
const secretKey = (name: string, defaultText: string, description: string): ConfigKey => ({ name, defaultText, description, secret: true });

export const CONFIG_KEYS: ReadonlyArray<ConfigKey> = [
  key('PORT', '8080', 'TCP port for the API, the web app and the docs (0 picks a free port).'),
  key('HOST', '127.0.0.1', 'Interface to listen on; use 0.0.0.0 to accept connections from other machines.'),
  key('PUBLIC_URL', 'http://HOST:PORT', 'The origin people reach the server at (https://… behind a proxy); OAuth redirect URLs and secure cookies follow it.'),
  key('DATA_DIR', '$XDG_DATA_HOME/agent-generator or ~/.local/share/agent-generator', 'Directory for the SQLite database and the generated session secret; created when missing.'),
  secretKey('DATABASE_URL', 'sqlite:DATA_DIR/agent-generator.db', 'sqlite:<path> for a SQLite file, or postgres://user:password@host:5432/db to use PostgreSQL.'),
  secretKey('SESSION_SECRET', 'generated on first start and kept in DATA_DIR/session-secret', 'Signs OAuth state cookies; at least 32 characters. Set the same value on every replica.'),
  key('SESSION_MAX_AGE_HOURS', '168', 'How long a sign-in lasts without activity before the session expires.'),
  key('ADMIN_EMAIL', '', 'With ADMIN_PASSWORD, creates the first admin at start when no admin exists (no setup page needed).'),
  secretKey('ADMIN_PASSWORD', '', 'Password of that first admin; at least 12 characters.'),
  key('RUN_WORKERS', '4', 'Runs (chat messages, Run console) this server executes at once; 0 leaves them to `agent-generator worker` processes (Postgres only).'),
  key('LOGIN_MAX_FAILURES', '5', 'Failed password logins allowed per account and client address in 15 minutes before login answers 429.'),
  key('GITHUB_CLIENT_ID', '', 'Enables "Sign in with GitHub" (an OAuth app; callback PUBLIC_URL/api/auth/oauth/github/callback).'),
  secretKey('GITHUB_CLIENT_SECRET', '', 'Client secret of that GitHub OAuth app.'),
  key('GITHUB_URL', 'https://github.com', 'GitHub web origin (change it for GitHub Enterprise Server).'),
  key('GITHUB_API_URL', 'https://api.github.com', 'GitHub API origin (https://HOST/api/v3 for GitHub Enterprise Server).'),
  key('GOOGLE_CLIENT_ID', '', 'Enables "Sign in with Google" (callback PUBLIC_URL/api/auth/oauth/google/callback).'),
  secretKey('GOOGLE_CLIENT_SECRET', '', 'Client secret of that Google OAuth client.'),
  key('GOOGLE_ISSUER', 'https://accounts.google.com', 'OpenID Connect issuer whose discovery document names the Google endpoints.'),
  key('ENTRA_CLIENT_ID', '', 'Enables "Sign in with Microsoft" through Entra ID (callback PUBLIC_URL/api/auth/oauth/entra/callback).'),
  secretKey('ENTRA_CLIENT_SECRET', '', 'Client secret of that Entra ID app registration.'),
  key('ENTRA_TENANT_ID', 'common', 'Entra tenant id or domain; with a specific tenant, accounts are matched to users by email.'),
  key('ENTRA_AUTHORITY', 'https://login.microsoftonline.com', 'Entra authority origin (change it for national clouds).'),
  key('OAUTH_SIGNUP_ROLE', 'none', 'Role given to a person who signs in with a provider and has no account yet: none (refuse), viewer or editor.'),
  key('LOG_LEVEL', 'info', 'fatal, error, warn, info, debug, trace or silent.'),
  key('WEB_DIR', 'the built web app (apps/web/dist)', 'Directory of the built web app served at /.'),
  key('MAX_BODY_BYTES', '1048576', 'Largest request body accepted; bigger ones answer 413.'),
  key('TRUST_PROXY', 'false', 'true when a reverse proxy sets X-Forwarded-For; client addresses (rate limits, audit) are then read from it.'),
  key('SHUTDOWN_GRACE_SECONDS', '10', 'On SIGTERM/SIGINT, how long in-flight requests may take to finish before connections are closed.'),
];

/** The configuration table in Markdown, as docs/guides/configuration.md shows it. */
export function configurationTable(): string {
  const escape = (text: string): string => text.replaceAll('|', '\\|');
  const rows = CONFIG_KEYS.map((entry) => {
    const name = entry.secret ? `\`${entry.name}\` (or \`${entry.name}_FILE\`)` : `\`${entry.name}\``;
    const fallback = entry.defaultText === '' ? '—' : `\`${escape(entry.defaultText)}\``;
    return `| ${name} | ${fallback} | ${escape(entry.description)} |`;
  });
  return ['| key | default | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}
