// The runs feature's operations shared by HTTP, SSE and WebSocket: start, stop, answer approvals, access.
import { UserError, type ChatSessionId, type ChatSessionRecord, type NewRun, type RunId, type RunRecord, type Store } from '@agent-generator/contracts';
import type { Principal } from '../auth/principal';
import type { RunHub } from './run-hub';
import { appendToRun } from './run-log';

export class RunsService {
  constructor(readonly context: { readonly store: Store; readonly hub: RunHub }) {}

  get hub(): RunHub {
    return this.context.hub;
  }

  async start(run: NewRun): Promise<RunRecord> {
    if ((await this.context.store.projects.get(run.projectId)) === undefined) throw new UserError('not_found', `Project ${run.projectId} does not exist.`, { entity: 'project', id: run.projectId });
    const created = await this.context.store.runs.create(run);
    this.context.hub.signal({ kind: 'queued', runId: created.id });
    return created;
  }

  async get(id: string): Promise<RunRecord> {
    const run = await this.context.store.runs.get(id as RunId);
    if (run === undefined) throw new UserError('not_found', `Run ${id} does not exist.`, { entity: 'run', id });
    return run;
  }

  async stop(id: string): Promise<RunRecord> {
    const run = await this.context.store.runs.requestCancel((await this.get(id)).id);
    this.context.hub.signal({ kind: 'cancel', runId: run.id });
    return run;
  }

  /** Stores the answer as an approval-response event; the executor holding the run picks it up. */
  async answer(options: { readonly runId: string; readonly callId: string; readonly approved: boolean }): Promise<number> {
    const run = await this.get(options.runId);
    const events = await this.context.store.runs.events(run.id, { limit: 5000 });
    const asked = events.some((stored) => stored.event.type === 'approval-request' && stored.event.callId === options.callId);
    const settled = events.some((stored) => stored.event.type === 'approval-response' && stored.event.callId === options.callId);
    const ended = run.status !== 'queued' && run.status !== 'running';
    if (!asked || settled || ended) {
      throw new UserError('conflict', `No approval is waiting for tool call ${options.callId} in run ${run.id}; it was answered, timed out, or never asked.`, { entity: 'approval', fields: ['callId'] });
    }
    const [stored] = await appendToRun({ store: this.context.store, hub: this.context.hub, runId: run.id, drafts: [{ type: 'approval-response', callId: options.callId, approved: options.approved }] });
    return stored?.seq ?? run.lastSeq + 1;
  }

  /** A session its owner (or an admin) may see; others get not_found, as if it did not exist. */
  async session(id: string, principal: Principal): Promise<ChatSessionRecord> {
    const session = await this.context.store.chatSessions.get(id as ChatSessionId);
    if (session === undefined || (session.userId !== principal.user.id && principal.user.role !== 'admin')) {
      throw new UserError('not_found', `Chat session ${id} does not exist.`, { entity: 'chat_session', id });
    }
    return session;
  }
}
