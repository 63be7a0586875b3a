// The PostgreSQL URL guard: which URLs the SQL tool accepts, how the server's own database is
// recognised (host spellings, default port, driver overrides), and that no message holds a password.
import { UserError } from '@agent-generator/contracts';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { checkPostgresUrl, hasPassword, isSameDatabase, postgresUrlProblem, withoutPassword } from './postgres-url-guard';

const PASSWORD = 'Pg-5ecret-pass-4e7b';

describe('postgresUrlProblem', () => {
  it('accepts postgres:// and postgresql:// URLs naming a host and a database', () => {
    for (const url of [
      'postgres://db.example.com/shop',
      `postgresql://reader:${PASSWORD}@db.example.com:5433/shop?sslmode=require`,
      'POSTGRES://Reader@DB.Example.com/Shop',
      'postgres://reader:p%40ss%2Fword@10.0.0.5/shop_2024',
      'postgres://[2001:db8::1]:6543/shop?connect_timeout=5&application_name=agents',
    ]) {
      expect(postgresUrlProblem(url), url).toBeUndefined();
    }
  });

  it('says what is expected for hostile and malformed values', () => {
    const cases: ReadonlyArray<readonly [string, RegExp]> = [
      [`mysql://root:${PASSWORD}@db/ledger`, /postgres:\/\/ or postgresql:\/\//],
      ['javascript:alert(1)', /postgres:\/\/ or postgresql:\/\//],
      ['http://db.example.com/ledger', /postgres:\/\/ or postgresql:\/\//],
      ['postgres://', /host/],
      ['postgres:///ledger', /host/],
      [`postgres://reader:${PASSWORD}@/ledger`, /a URL such as/],
      ['postgres://db.example.com', /names the database/],
      ['postgres://db.example.com/', /names the database/],
      ['postgres://db.example.com/ledger/extra', /one database name/],
      ['postgres://db.example.com/led%zzger', /one database name/],
      ['postgres://reader:p%zz@db.example.com/ledger', /valid %-escapes/],
      ['postgres://%2Fvar%2Frun%2Fpostgresql/ledger', /Unix socket/],
      ['postgres://db_host!/ledger', /host name or IP address/],
      ['postgres://db.example.com/ledger#part', /#fragment/],
      ['postgres://db.example.com/ledger?host=127.0.0.1', /only options after \?/],
      ['postgres://db.example.com/ledger?password=x', /only options after \?/],
      ['postgres://db.example.com/ledger?sslrootcert=/etc/shadow', /only options after \?/],
      ['postgres://db.example.com/ledger?options=-c%20role%3Dadmin', /only options after \?/],
      [`postgres://db.example.com/${'a'.repeat(10_000)}`, /at most 2048 characters/],
      ['postgres://db.example.com/led\u0000ger', /control characters/],
      ['postgres://db.example.com/ledger\n', /control characters/],
      ['postgres://db.example.com/led\u007fger', /control characters/],
      ['postgres://db.example.com/my ledger', /spaces/],
      ['not a url', /spaces/],
      ['db.example.com/ledger', /a URL such as/],
      ['', /a URL such as/],
      ['postgres://db.example.com:99999/ledger', /a URL such as/],
    ];
    for (const [url, expected] of cases) {
      const problem = postgresUrlProblem(url);
      expect(problem, url).toMatch(expected);
      expect(problem, url).not.toMatch(/ledger|Pg-5ecret/);
    }
  });
});

describe('withoutPassword and hasPassword', () => {
  it('drops only the password, keeping user, host, port, database and options', () => {
    const url = `postgres://reader:${PASSWORD}@db.example.com:5433/shop?sslmode=require`;
    expect(withoutPassword(url)).toBe('postgres://reader@db.example.com:5433/shop?sslmode=require');
    expect(hasPassword(url)).toBe(true);
    expect(hasPassword('postgres://reader@db.example.com/shop')).toBe(false);
    expect(withoutPassword('postgres://reader:p%40ss@db/shop')).toBe('postgres://reader@db/shop');
  });
});

describe('isSameDatabase', () => {
  const server = 'postgres://agent:server-pw@db.internal:5432/agentgen';

  it('matches the same host (any case), port (5432 when absent) and database, whatever the user or password', () => {
    for (const candidate of ['postgres://other:pw@DB.Internal/agentgen', 'postgresql://db.internal:5432/agentgen', 'postgres://db.internal./agentgen?sslmode=disable', 'postgres://db.internal/agent%67en']) {
      expect(isSameDatabase(candidate, server), candidate).toBe(true);
    }
  });

  it('tells another database, port or host apart', () => {
    for (const candidate of ['postgres://db.internal/shop', 'postgres://db.internal:5433/agentgen', 'postgres://replica.internal/agentgen', 'postgres://db.internal/AgentGen']) {
      expect(isSameDatabase(candidate, server), candidate).toBe(false);
    }
  });

  it('treats every spelling of this machine as one host', () => {
    const local = 'postgres://agent:pw@localhost/agentgen';
    for (const host of ['127.0.0.1', '[::1]', 'LOCALHOST', '127.1', '0x7f000001', '2130706433', '127.0.0.2', '0.0.0.0', '[::ffff:127.0.0.1]', 'app.localhost', hostname()]) {
      expect(isSameDatabase(`postgres://${host}/agentgen`, local), host).toBe(true);
    }
    expect(isSameDatabase('postgres://10.1.2.3/agentgen', local)).toBe(false);
  });

  it("reads the server's URL as the driver does: ?host and ?port override, a socket path is this machine, no database means the user's name", () => {
    expect(isSameDatabase('postgres://127.0.0.1:6000/agentgen', 'postgres://agent@ignored.example/agentgen?host=localhost&port=6000')).toBe(true);
    expect(isSameDatabase('postgres://localhost/agentgen', 'postgres://agent@%2Fvar%2Frun%2Fpostgresql/agentgen')).toBe(true);
    expect(isSameDatabase('postgres://localhost/agent', 'postgres://agent:pw@localhost')).toBe(true);
    expect(isSameDatabase('postgres://localhost/shop', 'postgres://agent:pw@localhost')).toBe(false);
    expect(isSameDatabase('postgres://localhost/anything', 'postgres://localhost')).toBe(true);
  });

  it('compares the first 63 bytes of a database name, as PostgreSQL does', () => {
    const name = 'd'.repeat(63);
    expect(isSameDatabase(`postgres://db.internal/${name}-and-more`, `postgres://db.internal/${name}`)).toBe(true);
  });
});

describe('checkPostgresUrl', () => {
  const server = `postgres://agent:${PASSWORD}@db.internal/agentgen`;

  it("refuses the server's own database with a message that says why and holds no password", () => {
    let thrown: unknown;
    try {
      checkPostgresUrl(`postgres://agent:${PASSWORD}@db.internal:5432/agentgen`, server);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UserError);
    const refusal = thrown as UserError;
    expect(refusal.code).toBe('invalid_input');
    expect(refusal.details).toEqual({ field: 'sql.postgresUrl' });
    expect(refusal.message).toMatch(/server's own database \(users, password hashes, tokens\)/);
    expect(JSON.stringify({ message: refusal.message, details: refusal.details })).not.toContain(PASSWORD);
  });

  it('refuses a malformed URL without echoing it, and allows any database when the server is not on PostgreSQL', () => {
    expect(() => checkPostgresUrl(`mysql://agent:${PASSWORD}@db/shop`, undefined)).toThrow(/^Expected a postgres:\/\/ or postgresql:\/\/ URL\.$/);
    expect(() => checkPostgresUrl('postgres://db.internal/shop', server)).not.toThrow();
    expect(() => checkPostgresUrl('postgres://db.internal/agentgen', undefined)).not.toThrow();
    expect(() => checkPostgresUrl('postgres://db.internal/agentgen', 'sqlite:/var/lib/agent-generator/app.db')).not.toThrow();
  });
});
