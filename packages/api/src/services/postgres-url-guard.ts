// Whether a postgres:// URL may back the sql_query tool: its shape (scheme, host, one database, only
// a few connection options) and that it does not name the server's own database. The URL may hold a
// password, so no message here ever echoes it.
import { UserError } from '@agent-generator/contracts';
import { hostname as machineName } from 'node:os';

export const MAX_POSTGRES_URL_LENGTH = 2048;
const DEFAULT_PORT = '5432';
/**
 * Options the URL may carry after `?`. Any other (host, port, user, password, sslrootcert, options …)
 * would override what the URL names or make the driver read files on the server.
 */
const ALLOWED_OPTIONS: ReadonlySet<string> = new Set(['sslmode', 'ssl', 'connect_timeout', 'application_name']);
const HOST_NAME = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9.])?$/i;
const IPV6_LITERAL = /^\[[0-9a-f:.]+\]$/i;
/** Every spelling of "this machine" collapses to this one key when hosts are compared. */
const THIS_MACHINE = 'this machine';

/** Where a URL connects: the host as compared (lower case, loopback names as one), the port, the database name. */
interface PostgresTarget {
  readonly host: string;
  readonly port: string;
  /** Undefined when the URL names none (PostgreSQL then picks the user's name, which may also be unknown). */
  readonly database: string | undefined;
}

function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function shapeProblem(url: URL): string | undefined {
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return 'a postgres:// or postgresql:// URL';
  if (url.hostname === '') return "a URL that names the database server's host, such as postgres://db.example.com/shop";
  if (!HOST_NAME.test(url.hostname) && !IPV6_LITERAL.test(url.hostname)) return 'a host name or IP address (Unix socket paths are not accepted)';
  const name = url.pathname.slice(1);
  if (name === '') return 'a URL that names the database after the host, such as postgres://db.example.com/shop';
  if (name.includes('/') || decoded(name) === undefined) return 'one database name after the host (no further / and only valid %-escapes)';
  if (decoded(url.username) === undefined || decoded(url.password) === undefined) return 'a user name and password with valid %-escapes';
  if (url.hash !== '') return 'a URL without a #fragment';
  if ([...url.searchParams.keys()].some((key) => !ALLOWED_OPTIONS.has(key))) return `a URL whose only options after ? are ${[...ALLOWED_OPTIONS].join(', ')}`;
  return undefined;
}

/** What is wrong with a URL for the SQL tool, phrased as what is expected; undefined when it may be used. */
export function postgresUrlProblem(value: string): string | undefined {
  if (value.length > MAX_POSTGRES_URL_LENGTH) return `a URL of at most ${MAX_POSTGRES_URL_LENGTH} characters`;
  if (/[\s\p{Cc}]/u.test(value)) return 'a URL without spaces or control characters';
  if (!URL.canParse(value)) return 'a URL such as postgres://reader:password@db.example.com:5432/shop';
  return shapeProblem(new URL(value));
}

/** The URL without its password (the user name stays), for showing to an admin. */
export function withoutPassword(value: string): string {
  const url = new URL(value);
  url.password = '';
  return url.href;
}

export function hasPassword(value: string): boolean {
  return new URL(value).password !== '';
}

/** The WHATWG http host parser spells IPv4 one way (127.1, 0x7f000001 and 2130706433 are 127.0.0.1). */
function canonicalHost(host: string): string {
  const bare = host.toLowerCase().replace(/\.$/, '');
  if (bare === '' || bare.startsWith('/')) return THIS_MACHINE;
  const bracketed = bare.includes(':') && !bare.startsWith('[') ? `[${bare}]` : bare;
  const name = URL.canParse(`http://${bracketed}`) ? new URL(`http://${bracketed}`).hostname : bracketed;
  const loopback = ['localhost', '0.0.0.0', '[::1]', '[::]', machineName().toLowerCase()].includes(name) || name.endsWith('.localhost') || name.startsWith('127.') || name.startsWith('[::ffff:7f');
  return loopback ? THIS_MACHINE : name;
}

/** PostgreSQL cuts database names to 63 bytes, so longer names that share those bytes are one database. */
function databaseKey(name: string): string {
  return Buffer.from(name, 'utf8').subarray(0, 63).toString('latin1');
}

/** Where a URL connects as the driver (pg-connection-string) reads it: `?host=` and `?port=` override, an empty path means the user's name. */
function targetOf(value: string): PostgresTarget | undefined {
  if (!URL.canParse(value)) return undefined;
  const url = new URL(value);
  const option = (name: string): string | undefined => url.searchParams.get(name) ?? undefined;
  const host = option('host') ?? decoded(url.hostname) ?? url.hostname;
  const port = option('port') ?? (url.port === '' ? DEFAULT_PORT : url.port);
  const user = option('user') ?? decoded(url.username);
  let database: string | undefined;
  try {
    database = decodeURI(url.pathname.slice(1)) || user || undefined;
  } catch {
    database = undefined;
  }
  return { host: canonicalHost(host), port: String(Number(port)), database: database === undefined ? undefined : databaseKey(database) };
}

/** True when `candidate` reaches the database `serverUrl` names (same host, port and database; an unknown server database matches any). */
export function isSameDatabase(candidate: string, serverUrl: string): boolean {
  const left = targetOf(candidate);
  const right = targetOf(serverUrl);
  if (left === undefined || right === undefined) return false;
  return left.host === right.host && left.port === right.port && (right.database === undefined || left.database === right.database);
}

/** Throws invalid_input (details.field `sql.postgresUrl`) when the URL is malformed or names the server's own database. */
export function checkPostgresUrl(value: string, serverDatabaseUrl: string | undefined): void {
  const problem = postgresUrlProblem(value);
  if (problem !== undefined) throw new UserError('invalid_input', `Expected ${problem}.`, { field: 'sql.postgresUrl' });
  if (serverDatabaseUrl === undefined || !/^postgres(ql)?:\/\//i.test(serverDatabaseUrl)) return;
  if (isSameDatabase(value, serverDatabaseUrl)) {
    throw new UserError('invalid_input', "That is the server's own database (users, password hashes, tokens): agents may never read it. Choose another database, on another server or at least with another name.", { field: 'sql.postgresUrl' });
  }
}
