// Appending to and reading a run's event log: gap-free seq, one transaction with the run's summary.
import type { RunEvent, RunId, StoredRunEvent } from '@agent-generator/contracts';
import { assertNextSeqs, runChangesFrom, seqTaken, toRun } from './run-rows';
import { atomically, parseJson, type StoreContext } from './store-context';
import { notFound, uniquely } from './store-errors';

const DEFAULT_EVENT_LIMIT = 1000;
const MAX_EVENT_LIMIT = 5000;

export async function appendRunEvents(context: StoreContext, runId: RunId, events: ReadonlyArray<RunEvent>): Promise<void> {
  if (events.length === 0) return;
  if (context.runEventWriter !== undefined && !context.db.isTransaction) return context.runEventWriter.append(runId, events);
  await atomically(context, async (db) => {
    let query = db.selectFrom('runs').selectAll().where('id', '=', runId);
    if (context.kind === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (row === undefined) throw notFound('run', runId);
    const run = toRun(row);
    assertNextSeqs(run, events);
    const rows = events.map((event) => ({ run_id: runId, seq: event.seq, type: event.type, body: JSON.stringify({ ...event, runId }), at: event.at }));
    await uniquely(() => db.insertInto('run_events').values(rows).execute(), seqTaken(runId));
    await db.updateTable('runs').set(runChangesFrom(run, events)).where('id', '=', runId).execute();
  });
}

export async function readRunEvents(context: StoreContext, runId: RunId, options: { readonly afterSeq?: number; readonly limit?: number } = {}): Promise<ReadonlyArray<StoredRunEvent>> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_EVENT_LIMIT), 1), MAX_EVENT_LIMIT);
  const rows = await context.db
    .selectFrom('run_events')
    .select(['seq', 'body'])
    .where('run_id', '=', runId)
    .where('seq', '>', Math.trunc(options.afterSeq ?? -1))
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ runId, seq: Number(row.seq), event: parseJson<RunEvent>(row.body) }));
}
