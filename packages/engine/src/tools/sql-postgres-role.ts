// Refuses a PostgreSQL login that could reach the database server's programs or files: a READ ONLY transaction does not hold it back.

/** The predefined roles that reach outside the database, with what each lets a statement do on the server. */
const SERVER_ROLES = {
  pg_execute_server_program: 'run programs',
  pg_write_server_files: 'write files',
  pg_read_server_files: 'read files',
} as const;

type ServerRole = keyof typeof SERVER_ROLES;

/** The first role with `attribute` that the login is or may act as (itself first), or NULL. */
const reachableWith = (attribute: 'rolsuper' | 'rolcreaterole'): string =>
  `(SELECT r.rolname FROM pg_roles r WHERE r.${attribute} AND pg_has_role(session_user, r.oid, 'MEMBER') ORDER BY r.rolname <> session_user, r.rolname LIMIT 1)`;

/**
 * Columns for the query that opens the transaction. session_user is the login of the URL; every role it may
 * become (SET ROLE) is one it is a member of, so its memberships, direct or through other roles, cover them all.
 */
export const ROLE_COLUMNS = `session_user AS login, ${reachableWith('rolsuper')} AS superuser, ${reachableWith('rolcreaterole')} AS role_maker,
  ARRAY(SELECT r.rolname::text FROM pg_roles r WHERE r.rolname IN (${Object.keys(SERVER_ROLES)
    .map((name) => `'${name}'`)
    .join(', ')}) AND pg_has_role(session_user, r.oid, 'MEMBER') ORDER BY r.rolname) AS server_roles`;

export interface RoleRow {
  readonly login: string;
  readonly superuser: string | null;
  readonly role_maker: string | null;
  readonly server_roles: readonly string[];
}

const ADVICE = 'so sql_query does not use it; give sql_query a role with only the rights it needs (see the Run tools settings)';
const EVERYTHING = 'run programs and read or write files on the database server';

/** Why sql_query refuses this login, or undefined when it holds none of those powers. */
export function roleRefusal(row: RoleRow): string | undefined {
  const who = `the PostgreSQL role "${row.login}"`;
  if (row.superuser !== null) {
    const what = row.superuser === row.login ? 'is a superuser' : `is a member of the superuser role "${row.superuser}"`;
    return `${who} ${what}: it could ${EVERYTHING}, ${ADVICE}`;
  }
  const held = Object.keys(SERVER_ROLES).filter((name): name is ServerRole => row.server_roles.includes(name));
  if (held.length > 0) return `${who} is a member of ${listed(held)}: it could ${listed(held.map((name) => SERVER_ROLES[name]))} on the database server, ${ADVICE}`;
  if (row.role_maker !== null) {
    // Before PostgreSQL 16, CREATEROLE may grant any role but superuser: pg_execute_server_program too, in one DO block.
    const what = row.role_maker === row.login ? 'may create roles (CREATEROLE)' : `is a member of "${row.role_maker}", which may create roles (CREATEROLE)`;
    return `${who} ${what}: before PostgreSQL 16 it could grant itself pg_execute_server_program, then ${EVERYTHING}, ${ADVICE}`;
  }
  return undefined;
}

function listed(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}
