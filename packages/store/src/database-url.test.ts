// Which dialect a database URL selects, and how bad URLs are refused.
import { UserError } from '@agent-generator/contracts';
import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from './database-url';

describe('parseDatabaseUrl', () => {
  it('picks Postgres for postgres:// and postgresql:// URLs', () => {
    expect(parseDatabaseUrl('postgres://user:secret@db:5432/app')).toEqual({ kind: 'postgres', connectionString: 'postgres://user:secret@db:5432/app' });
    expect(parseDatabaseUrl('PostgreSQL://db/app').kind).toBe('postgres');
  });

  it('reads sqlite:, sqlite://, file: and plain paths as SQLite files', () => {
    expect(parseDatabaseUrl('sqlite:data/app.db')).toEqual({ kind: 'sqlite', filename: 'data/app.db' });
    expect(parseDatabaseUrl('sqlite:///var/lib/app.db')).toEqual({ kind: 'sqlite', filename: '/var/lib/app.db' });
    expect(parseDatabaseUrl('file:app.db')).toEqual({ kind: 'sqlite', filename: 'app.db' });
    expect(parseDatabaseUrl(' ./app.db ')).toEqual({ kind: 'sqlite', filename: './app.db' });
    expect(parseDatabaseUrl(':memory:')).toEqual({ kind: 'sqlite', filename: ':memory:' });
  });

  it('refuses empty values and other schemes without echoing credentials', () => {
    expect(() => parseDatabaseUrl('  ')).toThrow(UserError);
    expect(() => parseDatabaseUrl('sqlite:')).toThrow(/names no file/);
    const error = (() => {
      try {
        parseDatabaseUrl('mysql://root:hunter2@db/app');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/unsupported database URL scheme/);
    expect((error as UserError).message).not.toContain('hunter2');
  });
});
