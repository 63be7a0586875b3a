// Names the PostgreSQL server of a connection URL for error messages, and keeps its password out of every text.
import { ToolError } from './tool';

export interface PostgresTarget {
  /** The URL to connect with: without `application_name`, which would override the one sql_query sets. */
  readonly connectionString: string;
  /** `host:port, database "name"`: what an error may show; never the password. */
  readonly description: string;
  /** Replaces every form of the URL's password in a text. */
  scrub(text: string): string;
}

export function postgresTarget(url: string): PostgresTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ToolError('the PostgreSQL URL of sql_query is not valid: an administrator must correct it (postgres://user:password@host:5432/database)');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ToolError('the PostgreSQL URL of sql_query must start with postgres:// or postgresql://');
  }
  const secrets = passwordForms(parsed).filter((secret) => secret !== '');
  const scrub = (text: string): string => secrets.reduce((clean, secret) => clean.split(secret).join('***'), text);
  const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
  const database = decodeSafely(parsed.pathname.replace(/^\//, '')) || decodeSafely(parsed.username);
  const named = database === '' ? 'the default database' : `database "${database}"`;
  return { connectionString: withoutApplicationName(url, parsed), description: scrub(`${host}:${parsed.port || '5432'}, ${named}`), scrub };
}

function withoutApplicationName(url: string, parsed: URL): string {
  if (!parsed.searchParams.has('application_name') && !parsed.searchParams.has('fallback_application_name')) return url;
  parsed.searchParams.delete('application_name');
  parsed.searchParams.delete('fallback_application_name');
  return parsed.toString();
}

function passwordForms(parsed: URL): string[] {
  const inQuery = parsed.searchParams.get('password') ?? '';
  // Longest first, so a password that contains another form is replaced whole.
  return [parsed.password, decodeSafely(parsed.password), inQuery, encodeURIComponent(inQuery)].sort((left, right) => right.length - left.length);
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
