// Row ↔ record mapping for runs and their events.
import type { ChatSessionId, IsoTimestamp, PermissionMode, ProjectId, RunEvent, RunId, RunRecord, RunRuntime, RunStatus, RunTotals, UserId } from '@agent-generator/contracts';
import type { Selectable } from 'kysely';
import type { RunsTable } from './schema';
import { parseJson } from './store-context';
import { StoreConflictError, type ConflictDescription } from './store-errors';

export function toRun(row: Selectable<RunsTable>): RunRecord {
  return {
    id: row.id as RunId,
    projectId: row.project_id as ProjectId,
    sessionId: row.session_id as ChatSessionId | null,
    runtime: row.runtime as RunRuntime,
    permissionMode: row.permission_mode as PermissionMode,
    status: row.status as RunStatus,
    input: row.input,
    output: row.output,
    error: row.error === null ? null : parseJson<{ code: string; message: string }>(row.error),
    totals: parseJson<RunTotals>(row.totals),
    lastSeq: Number(row.last_seq),
    cancelRequested: Number(row.cancel_requested) === 1,
    model: row.model_provider !== null && row.model_id !== null ? { provider: row.model_provider, id: row.model_id } : null,
    tools: toolsOf(row.tools),
    createdBy: row.created_by as UserId,
    createdAt: row.created_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    workerId: row.worker_id,
    leaseUntil: row.lease_until as IsoTimestamp | null,
  };
}

/** The stored tool names; anything but a JSON array of strings reads as null (every tool of the spec). */
function toolsOf(text: string | null): ReadonlyArray<string> | null {
  if (text === null) return null;
  const value: unknown = parseJson(text);
  return Array.isArray(value) && value.every((name) => typeof name === 'string') ? (value as string[]) : null;
}

/** The columns an appended batch of events changes on its run, from the run's current state. */
export function runChangesFrom(run: RunRecord, events: ReadonlyArray<RunEvent>): Partial<RunsTable> {
  const changes: Partial<RunsTable> = { last_seq: run.lastSeq + events.length };
  let totals = run.totals;
  for (const event of events) {
    switch (event.type) {
      case 'run-start':
        if (run.status === 'queued') changes.status = 'running';
        if (run.startedAt === null) changes.started_at = event.at;
        break;
      case 'usage': {
        const cost = (totals.costUsd ?? 0) + (event.costUsd ?? 0);
        const known = totals.costUsd !== undefined || event.costUsd !== undefined;
        totals = { inputTokens: totals.inputTokens + event.inputTokens, outputTokens: totals.outputTokens + event.outputTokens, ...(known ? { costUsd: cost } : {}) };
        changes.totals = JSON.stringify(totals);
        break;
      }
      case 'run-end':
        changes.status = event.status;
        changes.output = event.output ?? null;
        changes.ended_at = event.at;
        changes.lease_until = null;
        break;
      case 'run-error':
        changes.status = 'failed';
        changes.error = JSON.stringify({ code: event.code, message: event.message });
        changes.ended_at = event.at;
        changes.lease_until = null;
        break;
      default:
        break;
    }
  }
  return changes;
}

/** Throws the `conflict` an append gets when its events do not continue the run's log without a gap. */
export function assertNextSeqs(run: RunRecord, events: ReadonlyArray<RunEvent>): void {
  events.forEach((event, index) => {
    const expected = run.lastSeq + 1 + index;
    if (event.seq !== expected) throw new StoreConflictError(`run ${run.id} expects event seq ${expected} next, got ${event.seq}`, { entity: 'run_event', fields: ['seq'] });
  });
}

/** The conflict an append gets when one of its seq numbers is already stored. */
export function seqTaken(runId: string): ConflictDescription {
  return { entity: 'run_event', fields: ['seq'], message: `run ${runId} already has an event with one of these seq numbers` };
}
