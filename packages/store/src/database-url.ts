// Reads DATABASE_URL-style strings: `postgres://…` picks Postgres, anything else names a SQLite file.
import { UserError } from '@agent-generator/contracts';

export type DatabaseTarget =
  | { readonly kind: 'sqlite'; readonly filename: string }
  | { readonly kind: 'postgres'; readonly connectionString: string };

/** `sqlite:<path>`, `sqlite://<path>`, `file:<path>`, a plain path or `:memory:`; or `postgres://` / `postgresql://`. */
export function parseDatabaseUrl(databaseUrl: string): DatabaseTarget {
  const value = databaseUrl.trim();
  if (value === '') throw new UserError('invalid_input', 'the database URL is empty; use a file path, sqlite:<path> or postgres://…');
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: 'postgres', connectionString: value };
  const prefixed = /^(sqlite|file):(\/\/)?(.*)$/i.exec(value);
  const filename = prefixed ? (prefixed[3] ?? '') : value;
  if (filename === '') throw new UserError('invalid_input', `the database URL "${value}" names no file; use sqlite:<path>`);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !prefixed) {
    throw new UserError('invalid_input', `unsupported database URL scheme in "${value.split('://')[0]}://…"; use sqlite:<path> or postgres://…`);
  }
  return { kind: 'sqlite', filename };
}
