// The WebSocket side of runs and chat: streams envelopes `{ type: 'event', runId, seq, event }`,
// and for a chat session takes messages, approvals and resumes from the client.
import { UserError, type ChatSessionRecord, type RunId } from '@agent-generator/contracts';
import type { WSContext, WSEvents } from 'hono/ws';
import { roleAtLeast } from '../auth/access';
import type { Principal } from '../auth/principal';
import type { Logger } from '../logger';
import { ClientMessageSchema, clientMessageProblem, distinctTools, type ClientMessage } from './run-schemas';
import type { RunsService } from './runs.service';

export interface RunSocketOptions {
  readonly runs: RunsService;
  readonly principal: Principal;
  readonly logger: Logger;
  /** A run's socket streams that run from `afterSeq`; a chat socket streams the runs its messages start. */
  readonly target: { readonly kind: 'run'; readonly runId: RunId; readonly afterSeq: number } | { readonly kind: 'chat'; readonly session: ChatSessionRecord };
}

function errorMessage(error: unknown): { code: string; message: string } {
  if (error instanceof UserError) return { code: error.code, message: error.message };
  return { code: 'internal', message: 'Something went wrong on the server; try again.' };
}

export function runSocketEvents(options: RunSocketOptions): WSEvents {
  const pumps = new Map<string, AbortController>();
  const callRuns = new Map<string, RunId>();
  const send = (socket: WSContext, payload: unknown): void => {
    if (socket.readyState === 1) socket.send(JSON.stringify(payload));
  };

  const pump = (socket: WSContext, runId: RunId, afterSeq: number): void => {
    pumps.get(runId)?.abort();
    const controller = new AbortController();
    pumps.set(runId, controller);
    void (async () => {
      for await (const stored of options.runs.hub.subscribe(runId, { afterSeq, signal: controller.signal })) {
        if (stored.event.type === 'approval-request') callRuns.set(stored.event.callId, runId);
        send(socket, { type: 'event', runId, seq: stored.seq, event: stored.event });
      }
    })()
      .catch((error: unknown) => send(socket, { type: 'error', error: errorMessage(error) }))
      .finally(() => {
        if (pumps.get(runId) === controller) pumps.delete(runId);
      });
  };

  const handle = async (socket: WSContext, message: ClientMessage, session: ChatSessionRecord): Promise<void> => {
    const canWrite = roleAtLeast(options.principal.user.role, 'editor') && (options.principal.credential.kind === 'session' || options.principal.credential.token.scopes.includes('write'));
    if (message.type !== 'resume' && !canWrite) throw new UserError('forbidden', 'Sending messages and answering approvals needs the editor role (and a token with the "write" scope).');
    switch (message.type) {
      case 'message': {
        // Read again: PATCH /api/chat/sessions/:id may have changed the mode or model since the socket opened.
        const current = (await options.runs.context.store.chatSessions.get(session.id)) ?? session;
        const run = await options.runs.start({ projectId: current.projectId, sessionId: current.id, runtime: current.runtime, permissionMode: current.permissionMode, input: message.text, model: current.model, tools: distinctTools(message.tools), createdBy: options.principal.user.id });
        await options.runs.context.store.chatSessions.touch(session.id);
        return pump(socket, run.id, -1);
      }
      case 'approval': {
        const runId = callRuns.get(message.callId);
        if (runId === undefined) throw new UserError('conflict', `No approval is waiting for tool call ${message.callId} in this session.`, { entity: 'approval', fields: ['callId'] });
        await options.runs.answer({ runId, callId: message.callId, approved: message.approved });
        return;
      }
      case 'resume': {
        const run = await options.runs.get(message.runId);
        if (run.sessionId !== session.id) throw new UserError('not_found', `Run ${message.runId} is not part of this chat session.`, { entity: 'run', id: message.runId });
        return pump(socket, run.id, message.afterSeq);
      }
    }
  };

  const { target } = options;
  return {
    onOpen(_event, socket) {
      if (target.kind === 'run') pump(socket, target.runId, target.afterSeq);
    },
    onMessage(event, socket) {
      if (target.kind !== 'chat') return send(socket, { type: 'error', error: { code: 'invalid_input', message: 'This socket only streams a run; send chat messages on /api/chat/sessions/{id}/stream.' } });
      let parsed: ClientMessage;
      try {
        parsed = ClientMessageSchema.parse(JSON.parse(typeof event.data === 'string' ? event.data : ''));
      } catch (error) {
        return send(socket, { type: 'error', error: { code: 'invalid_input', message: clientMessageProblem(error) } });
      }
      handle(socket, parsed, target.session).catch((error: unknown) => {
        if (!(error instanceof UserError)) options.logger.error({ error: String(error) }, 'a chat message failed');
        send(socket, { type: 'error', error: errorMessage(error) });
      });
    },
    onClose() {
      for (const controller of pumps.values()) controller.abort();
      pumps.clear();
    },
  };
}
