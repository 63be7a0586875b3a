// Decides, without running it, whether a PostgreSQL statement may change something (Safe refuses it, Ask asks).
// PostgreSQL cannot tell us before it runs the statement, so this errs towards "it has side effects".

/** The first words of statements that only read (EXPLAIN only without ANALYZE, checked below). */
const READING_STARTS = new Set(['select', 'with', 'show', 'values', 'table', 'explain']);

/** Words that make a reading statement write or lock: data-modifying CTEs, SELECT INTO, FOR UPDATE, EXPLAIN ANALYZE. */
const WRITING_WORDS = /\b(?:insert|update|delete|merge|into|analyze|analyse|truncate|drop|create|alter|grant|revoke|copy|call|lock)\b/i;
const ROW_LOCK = /\bfor\s+(?:key\s+)?share\b/i;

/** Functions known to act: sequences, sessions, settings, large objects, locks, other servers, WAL and replication, sleeping. */
const ACTING_FUNCTIONS = [
  'nextval',
  'setval',
  'setseed',
  'set_config',
  'txid_current',
  'pg_current_xact_id',
  'pg_terminate_backend',
  'pg_cancel_backend',
  'pg_reload_conf',
  'pg_rotate_logfile',
  'pg_sleep\\w*',
  'pg_notify',
  'pg_advisory\\w*',
  'pg_try_advisory\\w*',
  'dblink\\w*',
  'lo_\\w+',
  'pg_stat_reset\\w*',
  'pg_switch_wal',
  'pg_promote',
  'pg_backup_\\w+',
  'pg_start_backup',
  'pg_stop_backup',
  'pg_wal_replay_\\w+',
  'pg_create_\\w+',
  'pg_drop_replication_slot',
  'pg_replication_\\w+',
  'pg_logical_\\w+',
  'pg_file_\\w+',
  'pg_log_backend_memory_contexts',
  'pg_import_system_collations',
];
const ACTING_FUNCTION = new RegExp(`\\b(?:${ACTING_FUNCTIONS.join('|')})\\b`, 'i');

/**
 * True when the statement may change something. Read-only only if, after comments, it starts with SELECT,
 * WITH, SHOW, VALUES, TABLE or EXPLAIN, holds no writing word, no acting function, no second statement
 * and no Unicode-escaped identifier (`U&"…"`, which could spell a function name past these checks).
 */
export function postgresStatementHasSideEffects(query: string): boolean {
  const body = withoutLeadingComments(query);
  if (body === undefined) return true;
  const firstWord = /^[a-z]+/i.exec(body)?.[0]?.toLowerCase();
  if (firstWord === undefined || !READING_STARTS.has(firstWord)) return true;
  // The whole text is searched, comments and literals included: a false alarm only costs a question.
  if (WRITING_WORDS.test(query) || ROW_LOCK.test(query) || ACTING_FUNCTION.test(query)) return true;
  if (/u&["']/i.test(query)) return true;
  return /;[\s;]*\S/.test(body);
}

/** The text after leading white space and comments (nested block comments, as PostgreSQL reads them); undefined if one never ends. */
function withoutLeadingComments(query: string): string | undefined {
  let position = 0;
  for (;;) {
    while (position < query.length && /\s/.test(query.charAt(position))) position += 1;
    if (query.startsWith('--', position)) {
      const end = query.indexOf('\n', position);
      if (end === -1) return '';
      position = end + 1;
    } else if (query.startsWith('/*', position)) {
      const end = blockCommentEnd(query, position);
      if (end === undefined) return undefined;
      position = end;
    } else {
      return query.slice(position);
    }
  }
}

function blockCommentEnd(query: string, start: number): number | undefined {
  let depth = 0;
  let position = start;
  while (position < query.length) {
    if (query.startsWith('/*', position)) {
      depth += 1;
      position += 2;
    } else if (query.startsWith('*/', position)) {
      depth -= 1;
      position += 2;
      if (depth === 0) return position;
    } else {
      position += 1;
    }
  }
  return undefined;
}
