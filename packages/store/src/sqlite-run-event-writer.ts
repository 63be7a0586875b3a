// Run events on SQLite, written by prepared statements and committed together: every append made
// in one turn of the event loop, from any number of runs, goes into one immediate transaction, each
// append in its own savepoint so one run's conflict never fails another's. A busy server then pays
// one commit per turn instead of one per event batch per run (ADR 0010). Kysely keeps every other
// write; while a Kysely transaction holds the shared connection the flush waits a turn.
// The writer keeps the run rows it wrote while nothing else writes: a flush trusts them only when
// SQLite's data_version (commits by other connections and processes) and total_changes() (rows changed
// by this connection, Kysely's writes included) are what they were after the previous flush. Then
// seq checks need no read, and the appends run without savepoints: a check that fails throws before
// its append writes anything. Any other failure rolls the flush back and it runs again the careful way.
import type { RunEvent, RunId } from '@agent-generator/contracts';
import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import { assertNextSeqs, runChangesFrom, seqTaken, toRun } from './run-rows';
import type { RunsTable } from './schema';
import { isUniqueViolation, notFound, StoreConflictError } from './store-errors';

/** Runs whose rows the writer keeps between flushes (ended runs are dropped at once). */
const MAX_KNOWN_RUNS = 4096;

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

  // The rows this writer wrote last, trusted only while `unchanged()` says nobody else wrote.
  const known = new Map<string, Selectable<RunsTable>>();
  const remember = (row: Selectable<RunsTable>): void => {
    known.delete(row.id);
    if (row.ended_at === null) known.set(row.id, row);
    if (known.size > MAX_KNOWN_RUNS) known.delete(known.keys().next().value ?? row.id);
  };
  const dataVersion = database.prepare<[], number>('pragma data_version').pluck();
  const totalChanges = database.prepare<[], number>('select total_changes()').pluck();
  let seen = { dataVersion: -1, totalChanges: -1 };
  const unchanged = (): boolean => dataVersion.get() === seen.dataVersion && totalChanges.get() === seen.totalChanges;
  const noteWrites = (): void => {
    seen = { dataVersion: dataVersion.get() ?? -1, totalChanges: totalChanges.get() ?? -1 };
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
    const changes = runChangesFrom(run, events);
    updateRun(runId, changes);
    remember({ ...row, ...changes });
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

  // With trusted rows: checks first, then writes; a write that throws aborts the whole flush.
  const appendAllKnown = database.transaction((batch: ReadonlyArray<PendingAppend>) =>
    batch.map((pending) => {
      const row = known.get(pending.runId);
      if (row === undefined) return { error: notFound('run', pending.runId) };
      const run = toRun(row);
      try {
        assertNextSeqs(run, pending.events);
      } catch (error) {
        return { error };
      }
      for (const event of pending.events) insertEvent.run(pending.runId, event.seq, event.type, JSON.stringify({ ...event, runId: pending.runId }), event.at);
      const changes = runChangesFrom(run, pending.events);
      updateRun(pending.runId, changes);
      remember({ ...row, ...changes });
      return undefined;
    }),
  );

  let pending: PendingAppend[] = [];
  let scheduled = false;
  const flush = (): void => {
    if (database.inTransaction) return void setImmediate(flush);
    scheduled = false;
    const batch = pending;
    pending = [];
    let outcomes: ReadonlyArray<{ readonly error: unknown } | undefined> | undefined;
    try {
      const trusted = unchanged() && batch.every((item) => known.has(item.runId));
      if (!trusted) known.clear();
      try {
        outcomes = trusted ? appendAllKnown.immediate(batch) : undefined;
      } catch {
        known.clear();
      }
      outcomes ??= appendAll.immediate(batch);
      noteWrites();
    } catch (error) {
      known.clear();
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
