import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from './config';

const base = { HOME: '/home/ada' };

function problemsOf(env: Record<string, string>, files: Record<string, string> = {}): ReadonlyArray<string> {
  try {
    loadConfig({ ...base, ...env }, { cwd: '/srv', readFile: (path) => files[path] ?? (() => { throw new Error('ENOENT'); })() });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('fills every default from an empty environment', () => {
    const config = loadConfig(base, { cwd: '/srv' });
    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.1');
    expect(config.publicUrl).toBeUndefined();
    expect(config.dataDir).toBe('/home/ada/.local/share/agent-generator');
    expect(config.databaseUrl).toBe('sqlite:/home/ada/.local/share/agent-generator/agent-generator.db');
    expect(config.sessionSecret).toBeUndefined();
    expect(config.admin).toBeUndefined();
    expect(config.oauth).toEqual({ signupRole: 'none' });
    expect(config.logLevel).toBe('info');
    expect(config.maxBodyBytes).toBe(1_048_576);
    expect(config.trustProxy).toBe(false);
  });

  it('reads every key, resolving relative directories against the working directory', () => {
    const config = loadConfig(
      {
        ...base,
        PORT: '0',
        HOST: '0.0.0.0',
        PUBLIC_URL: 'https://agents.example.com/',
        DATA_DIR: 'var/data',
        DATABASE_URL: 'postgres://app:pw@db:5432/agents',
        SESSION_SECRET: 'x'.repeat(40),
        ADMIN_EMAIL: 'root@example.com',
        ADMIN_PASSWORD: 'a long enough password',
        GITHUB_CLIENT_ID: 'gh-id',
        GITHUB_CLIENT_SECRET: 'gh-secret',
        ENTRA_CLIENT_ID: 'entra-id',
        ENTRA_CLIENT_SECRET: 'entra-secret',
        ENTRA_TENANT_ID: 'contoso.onmicrosoft.com',
        OAUTH_SIGNUP_ROLE: 'viewer',
        LOG_LEVEL: 'debug',
        TRUST_PROXY: 'true',
        WEB_DIR: 'web',
      },
      { cwd: '/srv' },
    );
    expect(config.port).toBe(0);
    expect(config.publicUrl).toBe('https://agents.example.com');
    expect(config.dataDir).toBe('/srv/var/data');
    expect(config.webDir).toBe('/srv/web');
    expect(config.databaseUrl).toBe('postgres://app:pw@db:5432/agents');
    expect(config.admin).toEqual({ email: 'root@example.com', password: 'a long enough password' });
    expect(config.oauth.github).toEqual({ clientId: 'gh-id', clientSecret: 'gh-secret', webUrl: 'https://github.com', apiUrl: 'https://api.github.com' });
    expect(config.oauth.entra).toMatchObject({ tenant: 'contoso.onmicrosoft.com', authority: 'https://login.microsoftonline.com' });
    expect(config.oauth.google).toBeUndefined();
    expect(config.oauth.signupRole).toBe('viewer');
    expect(config.trustProxy).toBe(true);
  });

  it('reads secrets from <KEY>_FILE and refuses both forms at once', () => {
    const files = { '/run/secrets/db': 'postgres://u:p@h/d\n', '/run/secrets/pw': 'from a file, long enough\n' };
    const config = loadConfig({ ...base, DATABASE_URL_FILE: '/run/secrets/db', ADMIN_EMAIL: 'a@b.c', ADMIN_PASSWORD_FILE: '/run/secrets/pw' }, { readFile: (path) => files[path as keyof typeof files] });
    expect(config.databaseUrl).toBe('postgres://u:p@h/d');
    expect(config.admin?.password).toBe('from a file, long enough');
    expect(problemsOf({ SESSION_SECRET: 'y'.repeat(40), SESSION_SECRET_FILE: '/run/secrets/s' })).toEqual(['SESSION_SECRET: set either SESSION_SECRET or SESSION_SECRET_FILE, not both']);
    expect(problemsOf({ SESSION_SECRET_FILE: '/missing' })[0]).toMatch(/^SESSION_SECRET_FILE: cannot read \/missing/);
  });

  it('lists every invalid key at once', () => {
    const problems = problemsOf({
      PORT: '80a',
      PUBLIC_URL: 'ftp://x',
      SESSION_SECRET: 'short',
      ADMIN_EMAIL: 'not-an-email',
      GITHUB_CLIENT_ID: 'only-the-id',
      OAUTH_SIGNUP_ROLE: 'admin',
      LOG_LEVEL: 'loud',
      MAX_BODY_BYTES: '12',
      TRUST_PROXY: 'maybe',
    });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'PORT',
      'PUBLIC_URL',
      'SESSION_SECRET',
      'ADMIN_PASSWORD',
      'GITHUB_CLIENT_SECRET',
      'OAUTH_SIGNUP_ROLE',
      'LOG_LEVEL',
      'MAX_BODY_BYTES',
      'TRUST_PROXY',
    ]);
  });

  it('refuses a PUBLIC_URL with a path', () => {
    expect(problemsOf({ PUBLIC_URL: 'https://example.com/app' })).toEqual(['PUBLIC_URL: "https://example.com/app" must be an origin such as https://example.com, without a path']);
  });

  it('describes itself without secrets', () => {
    const config = loadConfig({ ...base, DATABASE_URL: 'postgres://app:hunter2@db/agents', SESSION_SECRET: 's'.repeat(40), GITHUB_CLIENT_ID: 'id', GITHUB_CLIENT_SECRET: 'gh-secret-value' });
    const text = JSON.stringify(describeConfig(config));
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('s'.repeat(40));
    expect(text).not.toContain('gh-secret-value');
    expect(text).toContain('postgres://app:***@db/agents');
    expect(text).toContain('"oauthProviders":["github"]');
  });
});
