// Run events on SQLite, written by prepared statements and committed together: every append made
// in one turn of the event loop, from any number of runs, goes into one immediate transaction, each
// append in its own savepoint so one run's conflict never fails another's. A busy server then pays
// one commit per turn instead of one per event batch per run (ADR 0010). Kysely keeps every other
// write; while a Kysely transaction holds the shared connection the flush waits a turn.
import type { RunEvent, RunId } from '@agent-generator/contracts';
import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import { assertNextSeqs, runChangesFrom, seqTaken, toRun } from './run-rows';
import type { RunsTable } from './schema';
import { isUniqueViolation, notFound, StoreConflictError } from './store-errors';

export interface SqliteRunEventWriter {
  append(runId: RunId, events: ReadonlyArray<RunEvent>): Promise<void>;
}

interface PendingAppend {
  readonly runId: RunId;
  readonly events: ReadonlyArray<RunEvent>;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export function createSqliteRunEventWriter(database: BetterSqlite3.Database): SqliteRunEventWriter {
  const selectRun = database.prepare<[string], Selectable<RunsTable>>('select * from runs where id = ?');
  const insertEvent = database.prepare<[string, number, string, string, string]>('insert into run_events (run_id, seq, type, body, at) values (?, ?, ?, ?, ?)');
  const updates = new Map<string, BetterSqlite3.Statement>();
  const updateRun = (runId: string, changes: Readonly<Record<string, unknown>>): void => {
    const columns = Object.keys(changes);
    const key = columns.join(',');
    let statement = updates.get(key);
    if (statement === undefined) {
      statement = database.prepare(`update runs set ${columns.map((column) => `"${column}" = ?`).join(', ')} where id = ?`);
      updates.set(key, statement);
    }
    statement.run(...columns.map((column) => changes[column]), runId);
  };

  // One append: the same checks and row changes as the Kysely path (run-events.ts).
  const appendOne = database.transaction((runId: RunId, events: ReadonlyArray<RunEvent>) => {
    const row = selectRun.get(runId);
    if (row === undefined) throw notFound('run', runId);
    const run = toRun(row);
    assertNextSeqs(run, events);
    try {
      for (const event of events) insertEvent.run(runId, event.seq, event.type, JSON.stringify({ ...event, runId }), event.at);
    } catch (error) {
      if (isUniqueViolation(error)) {
        const conflict = seqTaken(runId);
        throw new StoreConflictError(conflict.message, { entity: conflict.entity, fields: conflict.fields });
      }
      throw error;
    }
    updateRun(runId, runChangesFrom(run, events));
  });

  // Nested in the outer transaction, appendOne runs in a savepoint: its failure undoes only itself.
  const appendAll = database.transaction((batch: ReadonlyArray<PendingAppend>) =>
    batch.map((pending) => {
      try {
        appendOne(pending.runId, pending.events);
        return undefined;
      } catch (error) {
        return { error };
      }
    }),
  );

  let pending: PendingAppend[] = [];
  let scheduled = false;
  const flush = (): void => {
    if (database.inTransaction) return void setImmediate(flush);
    scheduled = false;
    const batch = pending;
    pending = [];
    let outcomes: ReadonlyArray<{ readonly error: unknown } | undefined>;
    try {
      outcomes = appendAll.immediate(batch);
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, index) => {
      const outcome = outcomes[index];
      if (outcome === undefined) item.resolve();
      else item.reject(outcome.error);
    });
  };

  return {
    append(runId, events) {
      return new Promise<void>((resolve, reject) => {
        pending.push({ runId, events, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
  };
}
