// Runs one sql_query statement on PostgreSQL: a fresh client, a role that cannot reach the server's files or programs,
// one transaction (READ ONLY unless writes are allowed), statement_timeout plus a backstop timer, and cancellation
// that stops the backend, not just our socket.
import type pg from 'pg';
import type { Client, DatabaseError } from 'pg';
import { createCellParser } from './sql-postgres-cells';
import { ROLE_COLUMNS, roleRefusal, type RoleRow } from './sql-postgres-role';
import { BoundedStatement, StatementProblem, type StatementOutcome } from './sql-postgres-statement';
import { postgresTarget, type PostgresTarget } from './sql-postgres-target';
import type { SqlAnswer } from './sql-runner';
import { ToolError } from './tool';

export const APPLICATION_NAME = 'agent-generator sql_query';
const CONNECT_LIMIT_MS = 10_000;
/** How long past statement_timeout the client waits for the server before it gives up itself. */
const BACKSTOP_GRACE_MS = 1_000;
const STOP_LIMIT_MS = 1_500;
const MAX_TIMER_MS = 2_147_483_647; // setTimeout fires at once past this

export interface PostgresJob {
  readonly url: string;
  readonly readonly: boolean;
  readonly query: string;
  readonly maxRows: number;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
}

type Pg = typeof pg;

export async function runPostgres(job: PostgresJob): Promise<SqlAnswer> {
  const target = postgresTarget(job.url);
  job.signal.throwIfAborted();
  const { default: driver } = await import('pg');
  const connectLimitMs = Math.min(job.timeoutMs, CONNECT_LIMIT_MS);
  const client = new driver.Client({ connectionString: target.connectionString, application_name: APPLICATION_NAME, connectionTimeoutMillis: connectLimitMs });
  client.on('error', () => undefined); // a dropped socket also rejects the query in flight; that is where it is reported
  const session: Session = { pg: driver, client, target, backend: undefined };
  const work = execute(session, job);
  work.catch(() => undefined); // settled or abandoned below; never an unhandled rejection
  const interruption = interruptOn(job, connectLimitMs + job.timeoutMs + BACKSTOP_GRACE_MS);
  try {
    return await Promise.race([work, interruption.promise]);
  } catch (error) {
    if (interruption.fired) await withinLimit(cancelBackend(session));
    throw error instanceof ToolError || interruption.fired ? error : new ToolError(target.scrub(`PostgreSQL at ${target.description} failed: ${messageOf(error)}`));
  } finally {
    interruption.dispose();
    await withinLimit(client.end().catch(() => undefined));
  }
}

interface Session {
  readonly pg: Pg;
  readonly client: Client;
  readonly target: PostgresTarget;
  /** Our backend, known once the transaction is open: its pid and start time name it uniquely. */
  backend: { readonly pid: number; readonly started: string } | undefined;
}

async function execute(session: Session, job: PostgresJob): Promise<SqlAnswer> {
  const { client, target } = session;
  try {
    await client.connect();
  } catch (error) {
    throw new ToolError(target.scrub(`could not connect to PostgreSQL at ${target.description}: ${messageOf(error)}`));
  }
  await client.query(job.readonly ? 'BEGIN READ ONLY' : 'BEGIN');
  // set_config(…, true) is SET LOCAL: the limit ends with this transaction. The same round trip reads who we are.
  const opened = await client.query<{ pid: number; started: string } & RoleRow>({
    text: `SELECT pid, backend_start::text AS started, set_config($1, $2, true), ${ROLE_COLUMNS} FROM pg_stat_activity WHERE pid = pg_backend_pid()`,
    values: ['statement_timeout', String(Math.ceil(job.timeoutMs))],
  });
  const row = opened.rows[0];
  if (row === undefined) return refuse(session, 'sql_query could not read which rights its PostgreSQL role has, so it does not use it');
  const refusal = roleRefusal(row);
  if (refusal !== undefined) return refuse(session, refusal);
  session.backend = { pid: row.pid, started: row.started };
  const statement = new BoundedStatement({ text: job.query, maxRows: job.maxRows, parseCell: createCellParser(session.pg.types) });
  client.query(statement);
  const outcome = await statement.outcome;
  if (outcome.kind !== 'failed' && !job.readonly) {
    const committed = await client.query('COMMIT').then(() => undefined, (error: unknown) => error);
    if (committed !== undefined) return answerFailure({ session, job, error: committed });
  } else {
    await client.query('ROLLBACK').catch(() => undefined); // the failure below is the one to report
  }
  return outcome.kind === 'failed' ? answerFailure({ session, job, error: outcome.error }) : answerOf(outcome);
}

/** Ends the transaction before the statement runs, and says why. */
async function refuse(session: Session, reason: string): Promise<never> {
  await session.client.query('ROLLBACK').catch(() => undefined);
  throw new ToolError(session.target.scrub(reason));
}

function answerOf(outcome: Exclude<StatementOutcome, { kind: 'failed' }>): SqlAnswer {
  return outcome.kind === 'rows' ? outcome : { kind: 'changes', changes: outcome.rowCount };
}

function answerFailure(options: { readonly session: Session; readonly job: PostgresJob; readonly error: unknown }): SqlAnswer {
  const { session, job, error } = options;
  if (error instanceof StatementProblem) return { kind: 'error', message: error.message };
  if (!(error instanceof session.pg.DatabaseError)) {
    throw new ToolError(session.target.scrub(`the connection to PostgreSQL at ${session.target.description} failed: ${messageOf(error)}`));
  }
  if (error.code === '25006') return { kind: 'refused' };
  if (error.code === '57014') throw timeoutError(job.timeoutMs);
  return { kind: 'error', message: session.target.scrub(describeDatabaseError(error)) };
}

function describeDatabaseError(error: DatabaseError): string {
  const parts = [error.message];
  if (error.detail) parts.push(`detail: ${error.detail}`);
  if (error.hint) parts.push(`hint: ${error.hint}`);
  return parts.join('; ');
}

const timeoutError = (timeoutMs: number): ToolError => new ToolError(`the query ran longer than ${timeoutMs / 1000} s and was stopped`);

interface Interruption {
  readonly promise: Promise<never>;
  readonly fired: boolean;
  dispose(): void;
}

/** Rejects on the run's abort (with its reason) or when the backstop timer runs out. */
function interruptOn(job: PostgresJob, backstopMs: number): Interruption {
  let fired = false;
  let dispose = (): void => undefined;
  const promise = new Promise<never>((_resolve, reject) => {
    const fire = (error: unknown): void => {
      fired = true;
      reject(error);
    };
    const onAbort = (): void => fire(job.signal.reason instanceof Error ? job.signal.reason : new Error('aborted'));
    const timer = setTimeout(() => fire(timeoutError(job.timeoutMs)), Math.min(backstopMs, MAX_TIMER_MS));
    job.signal.addEventListener('abort', onAbort, { once: true });
    dispose = () => {
      clearTimeout(timer);
      job.signal.removeEventListener('abort', onAbort);
    };
  });
  promise.catch(() => undefined);
  return {
    promise,
    get fired() {
      return fired;
    },
    dispose: () => dispose(),
  };
}

/** pg has no per-query abort, and closing our socket leaves the backend running: cancel it from a second connection. */
async function cancelBackend(session: Session): Promise<void> {
  if (session.backend === undefined) return;
  const canceller = new session.pg.Client({ connectionString: session.target.connectionString, application_name: `${APPLICATION_NAME} (cancel)`, connectionTimeoutMillis: STOP_LIMIT_MS });
  canceller.on('error', () => undefined);
  try {
    await canceller.connect();
    // pid and start time together: a pid alone could by now belong to another session.
    await canceller.query({ text: 'SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE pid = $1 AND backend_start = $2::timestamptz', values: [session.backend.pid, session.backend.started] });
  } catch {
    // Nothing more to try: our connection is closed next, and the backend ends once its statement does.
  } finally {
    await canceller.end().catch(() => undefined);
  }
}

function withinLimit(work: Promise<unknown>): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise((resolve) => {
    timer = setTimeout(resolve, STOP_LIMIT_MS);
  });
  return Promise.race([work.catch(() => undefined), limit]).finally(() => clearTimeout(timer));
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
