// Runs: create, read, list, cancel flags, the queue (claim with SKIP LOCKED on Postgres) and leases.
import type { RunId, RunRecord, RunRepository } from '@agent-generator/contracts';
import { sql } from 'kysely';
import { appendRunEvents, readRunEvents } from './run-events';
import { toRun } from './run-rows';
import { pageWindow, toTimestamp, type StoreContext } from './store-context';
import { notFound, uniquely } from './store-errors';

export function createRunRepository(context: StoreContext): RunRepository {
  const { db } = context;
  const get = async (id: RunId): Promise<RunRecord | undefined> => {
    const row = await db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRun(row);
  };
  return {
    async create(run) {
      const row = {
        id: context.newId(),
        project_id: run.projectId,
        session_id: run.sessionId ?? null,
        runtime: run.runtime,
        permission_mode: run.permissionMode,
        status: 'queued',
        input: run.input,
        output: null,
        error: null,
        totals: JSON.stringify({ inputTokens: 0, outputTokens: 0 }),
        last_seq: -1,
        cancel_requested: 0,
        model_provider: run.model?.provider ?? null,
        model_id: run.model?.id ?? null,
        tools: run.tools ? JSON.stringify(run.tools) : null,
        created_by: run.createdBy,
        created_at: context.now(),
        started_at: null,
        ended_at: null,
        worker_id: null,
        lease_until: null,
      };
      const missing = { entity: 'run', fields: ['projectId', 'sessionId', 'createdBy'], message: 'the run names a project, chat session or user that does not exist' };
      await uniquely(() => db.insertInto('runs').values(row).execute(), { ...missing, fields: ['id'], message: 'a run with this id exists' }, missing);
      return toRun(row);
    },
    get,
    async list(query) {
      const { limit, offset } = pageWindow(query);
      let filtered = db.selectFrom('runs');
      if (query.projectId !== undefined) filtered = filtered.where('project_id', '=', query.projectId);
      if (query.sessionId !== undefined) filtered = filtered.where('session_id', '=', query.sessionId);
      if (query.status !== undefined) filtered = filtered.where('status', '=', query.status);
      if (query.createdBy !== undefined) filtered = filtered.where('created_by', '=', query.createdBy);
      const [rows, count] = await Promise.all([
        filtered.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
        filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toRun), total: Number(count.total), limit, offset };
    },
    appendEvents: (runId, events) => appendRunEvents(context, runId, events),
    events: (runId, options) => readRunEvents(context, runId, options),
    async requestCancel(id) {
      const row = await db.updateTable('runs').set({ cancel_requested: 1 }).where('id', '=', id).returningAll().executeTakeFirst();
      if (row === undefined) throw notFound('run', id);
      return toRun(row);
    },
    async claim(options) {
      const leaseUntil = toTimestamp(options.leaseUntil, 'leaseUntil');
      let oldest = db.selectFrom('runs').select('id').where('status', '=', 'queued').orderBy('created_at').orderBy('id').limit(1);
      // Postgres: concurrent claimers skip the row another one has locked instead of waiting for it.
      // SQLite: writes are serialised by the database lock, so the subquery cannot be raced.
      if (context.kind === 'postgres') oldest = oldest.forUpdate().skipLocked();
      const row = await db
        .updateTable('runs')
        .set({ status: 'running', worker_id: options.workerId, lease_until: leaseUntil, started_at: sql<string>`coalesce(${sql.ref('started_at')}, ${context.now()})` })
        .where('id', '=', oldest)
        .where('status', '=', 'queued')
        .returningAll()
        .executeTakeFirst();
      return row && toRun(row);
    },
    async renewLease(options) {
      const result = await db
        .updateTable('runs')
        .set({ lease_until: toTimestamp(options.leaseUntil, 'leaseUntil') })
        .where('id', '=', options.id)
        .where('worker_id', '=', options.workerId)
        .where('status', '=', 'running')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async expiredLeases(now) {
      const rows = await db.selectFrom('runs').selectAll().where('status', '=', 'running').where('lease_until', '<', toTimestamp(now, 'now')).orderBy('lease_until').execute();
      return rows.map(toRun);
    },
  };
}
