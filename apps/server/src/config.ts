// The server's configuration: the only place that reads the environment. Parsed once at start;
// every invalid key is reported together so a deploy fails once, not once per key.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { CONFIG_KEYS } from './config-keys';
import { ConfigReader } from './config-reader';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type SignupRole = 'none' | 'viewer' | 'editor';

export interface OAuthClientConfig {
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface OAuthConfig {
  readonly github?: OAuthClientConfig & { readonly webUrl: string; readonly apiUrl: string };
  readonly google?: OAuthClientConfig & { readonly issuer: string };
  readonly entra?: OAuthClientConfig & { readonly tenant: string; readonly authority: string };
  readonly signupRole: SignupRole;
}

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** Origin without a trailing slash; undefined: http://HOST:PORT of the listening socket. */
  readonly publicUrl: string | undefined;
  readonly dataDir: string;
  readonly databaseUrl: string;
  /** Undefined until the server generates or reads the persisted one (see session-secret.ts). */
  readonly sessionSecret: string | undefined;
  readonly sessionMaxAgeHours: number;
  readonly admin: { readonly email: string; readonly password: string } | undefined;
  readonly loginMaxFailures: number;
  /** Runs this process executes at once; 0 leaves them to `agent-generator worker` processes. */
  readonly runWorkers: number;
  readonly oauth: OAuthConfig;
  readonly logLevel: LogLevel;
  /** Undefined: the bundled web build next to the server, if any. */
  readonly webDir: string | undefined;
  readonly maxBodyBytes: number;
  readonly trustProxy: boolean;
  readonly shutdownGraceSeconds: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: ReadonlyArray<string>) {
    super(`invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  /** Reads `<KEY>_FILE` secrets; defaults to the file system. */
  readonly readFile?: (path: string) => string;
  /** Resolves relative paths; defaults to the process's working directory. */
  readonly cwd?: string;
}

const SECRET_KEYS = new Set(CONFIG_KEYS.filter((entry) => entry.secret).map((entry) => entry.name));

function defaultDataDir(env: Readonly<Record<string, string | undefined>>): string {
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME !== '' ? env.XDG_DATA_HOME : join(env.HOME && env.HOME !== '' ? env.HOME : homedir(), '.local', 'share');
  return join(base, 'agent-generator');
}

function readOAuth(reader: ConfigReader): OAuthConfig {
  const client = (prefix: string): OAuthClientConfig | undefined => {
    const pair = reader.pair(`${prefix}_CLIENT_ID`, `${prefix}_CLIENT_SECRET`);
    return pair && { clientId: pair[0], clientSecret: pair[1] };
  };
  const github = client('GITHUB');
  const google = client('GOOGLE');
  const entra = client('ENTRA');
  const githubUrls = { webUrl: reader.origin('GITHUB_URL', 'https://github.com'), apiUrl: reader.url('GITHUB_API_URL', 'https://api.github.com') };
  const googleIssuer = reader.url('GOOGLE_ISSUER', 'https://accounts.google.com');
  const tenant = reader.text('ENTRA_TENANT_ID', 'common', /^[A-Za-z0-9.-]{1,100}$/);
  const authority = reader.origin('ENTRA_AUTHORITY', 'https://login.microsoftonline.com');
  return {
    ...(github ? { github: { ...github, ...githubUrls } } : {}),
    ...(google ? { google: { ...google, issuer: googleIssuer } } : {}),
    ...(entra ? { entra: { ...entra, tenant, authority } } : {}),
    signupRole: reader.oneOf('OAUTH_SIGNUP_ROLE', ['none', 'viewer', 'editor'] as const, 'none'),
  };
}

/** Parses the environment into a typed config, or throws ConfigError listing every invalid key. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, options: LoadConfigOptions = {}): ServerConfig {
  const cwd = options.cwd ?? process.cwd();
  const reader = new ConfigReader({ env, secrets: SECRET_KEYS, readFile: options.readFile ?? ((path) => readFileSync(path, 'utf8')) });
  const port = reader.integer('PORT', { fallback: 8080, min: 0, max: 65_535 });
  const host = reader.text('HOST', '127.0.0.1', /^[A-Za-z0-9.:[\]-]{1,255}$/);
  const publicUrl = reader.optional('PUBLIC_URL') === undefined ? undefined : reader.origin('PUBLIC_URL', 'http://127.0.0.1');
  const dataDir = resolve(cwd, reader.optional('DATA_DIR') ?? defaultDataDir(env));
  const databaseUrl = reader.optional('DATABASE_URL') ?? `sqlite:${join(dataDir, 'agent-generator.db')}`;
  const sessionSecret = reader.optional('SESSION_SECRET');
  if (sessionSecret !== undefined && sessionSecret.length < 32) reader.problem('SESSION_SECRET', 'must be at least 32 characters (or leave it unset to have one generated)');
  const admin = reader.pair('ADMIN_EMAIL', 'ADMIN_PASSWORD');
  if (admin && !/^[^\s@]+@[^\s@]+$/.test(admin[0])) reader.problem('ADMIN_EMAIL', 'must be an email address');
  if (admin && admin[1].length < 12) reader.problem('ADMIN_PASSWORD', 'must be at least 12 characters');
  const webDir = reader.optional('WEB_DIR');
  const config: ServerConfig = {
    port,
    host,
    publicUrl,
    dataDir,
    databaseUrl,
    sessionSecret,
    sessionMaxAgeHours: reader.integer('SESSION_MAX_AGE_HOURS', { fallback: 168, min: 1, max: 24 * 365 }),
    admin: admin ? { email: admin[0], password: admin[1] } : undefined,
    loginMaxFailures: reader.integer('LOGIN_MAX_FAILURES', { fallback: 5, min: 1, max: 1000 }),
    runWorkers: reader.integer('RUN_WORKERS', { fallback: 4, min: 0, max: 1024 }),
    oauth: readOAuth(reader),
    logLevel: reader.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    webDir: webDir === undefined ? undefined : resolve(cwd, webDir),
    maxBodyBytes: reader.integer('MAX_BODY_BYTES', { fallback: 1_048_576, min: 1024, max: 1024 * 1024 * 1024 }),
    trustProxy: reader.boolean('TRUST_PROXY', false),
    shutdownGraceSeconds: reader.integer('SHUTDOWN_GRACE_SECONDS', { fallback: 10, min: 0, max: 3600 }),
  };
  if (reader.problems.length > 0) throw new ConfigError(reader.problems);
  return config;
}

/** The config with secrets replaced, for logging what the server started with. */
export function describeConfig(config: ServerConfig): Record<string, unknown> {
  const { sessionSecret, admin, oauth, databaseUrl, ...rest } = config;
  return {
    ...rest,
    sessionSecretSource: sessionSecret === undefined ? 'DATA_DIR/session-secret' : 'SESSION_SECRET',
    database: databaseUrl.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@'),
    admin: admin ? { email: admin.email } : undefined,
    oauthProviders: Object.keys(oauth).filter((name) => name !== 'signupRole'),
  };
}
