// The live chat of the Test page: the session (created on the first message, or reopened from the
// rail), its WebSocket, and the thread folded from the events it delivers.
import type { ModelChoice, PermissionMode, RunRuntime, SocketStatus, StreamError, StreamSocket } from '@agent-generator/client';
import { openStreamSocket } from '@agent-generator/client';
import type { RunEvent } from '@agent-generator/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { loadRunEvents } from '../runs/load-run-events';
import { runsApi, socketUrl } from './runs-api';
import { emptyThread, foldEvents, runsOf, threadReducer, type ThreadState } from './thread-reducer';

export interface SessionInfo {
  readonly id: string;
  readonly projectId: string;
  readonly runtime: RunRuntime;
  readonly permissionMode: PermissionMode;
  readonly model: ModelChoice | null;
}

export interface SendOptions {
  readonly projectId: string;
  readonly runtime: RunRuntime;
  readonly permissionMode: PermissionMode;
  readonly model: ModelChoice | null;
  /** The tools the run may offer its model; undefined: every tool of the spec. */
  readonly tools?: ReadonlyArray<string> | undefined;
}

type Action = { readonly type: 'event'; readonly event: RunEvent } | { readonly type: 'reset'; readonly state: ThreadState };

function reduce(state: ThreadState, action: Action): ThreadState {
  return action.type === 'reset' ? action.state : threadReducer(state, action.event);
}

const sameModel = (a: ModelChoice | null, b: ModelChoice | null) => a?.provider === b?.provider && a?.id === b?.id;

export function useChat() {
  const queryClient = useQueryClient();
  const [thread, dispatch] = useReducer(reduce, emptyThread);
  const [session, setSession] = useState<SessionInfo | undefined>(undefined);
  const [status, setStatus] = useState<SocketStatus | 'idle'>('idle');
  const [error, setError] = useState<StreamError | undefined>(undefined);
  const [pendingInput, setPendingInput] = useState<string | undefined>(undefined);
  const socket = useRef<StreamSocket | undefined>(undefined);
  const known = useRef(thread);
  known.current = thread;

  const followNewRuns = useCallback(async (sessionId: string) => {
    const detail = await runsApi.chat.get(sessionId);
    for (const run of detail.runs) if (known.current.runs[run.id] === undefined && run.endedAt === null) socket.current?.follow(run.id);
  }, []);

  const connect = useCallback(
    (sessionId: string) => {
      socket.current?.close();
      socket.current = openStreamSocket({
        kind: 'chat',
        url: () => socketUrl(runsApi.chat.streamPath(sessionId)),
        onEnvelope: (envelope) => dispatch({ type: 'event', event: envelope.event }),
        onError: (streamError) => {
          setError(streamError);
          setPendingInput(undefined);
        },
        onStatus: setStatus,
        onReconnect: () => void followNewRuns(sessionId).catch(() => undefined),
      });
    },
    [followNewRuns],
  );

  useEffect(() => () => socket.current?.close(), []);
  useEffect(() => setPendingInput(undefined), [thread.order.length]);

  const reset = useCallback(() => {
    socket.current?.close();
    socket.current = undefined;
    setSession(undefined);
    setStatus('idle');
    setError(undefined);
    setPendingInput(undefined);
    dispatch({ type: 'reset', state: emptyThread });
  }, []);

  const open = useCallback(
    async (sessionId: string): Promise<SessionInfo> => {
      reset();
      const detail = await runsApi.chat.get(sessionId);
      const logs = await Promise.all(detail.runs.map((run) => loadRunEvents(run.id)));
      const state = foldEvents(logs.flat());
      dispatch({ type: 'reset', state });
      const info: SessionInfo = { id: detail.session.id, projectId: detail.session.projectId, runtime: detail.session.runtime, permissionMode: detail.session.permissionMode, model: detail.session.model };
      setSession(info);
      connect(sessionId);
      for (const run of runsOf(state)) if (run.phase === 'running') socket.current?.follow(run.runId, run.lastSeq);
      return info;
    },
    [connect, reset],
  );

  const send = useCallback(
    async (text: string, options: SendOptions) => {
      setError(undefined);
      let current = session;
      const changed = current !== undefined && (current.runtime !== options.runtime || current.permissionMode !== options.permissionMode || !sameModel(current.model, options.model));
      if (current && current.projectId === options.projectId && changed) {
        // Same agent, new runtime, mode or model: the session keeps its conversation and runs the next message with them.
        await runsApi.chat.update(current.id, { runtime: options.runtime, permissionMode: options.permissionMode, model: options.model ?? null });
        current = { ...current, runtime: options.runtime, permissionMode: options.permissionMode, model: options.model };
        setSession(current);
      }
      if (!current || current.projectId !== options.projectId) {
        const created = await runsApi.chat.create({ projectId: options.projectId, runtime: options.runtime, permissionMode: options.permissionMode, ...(options.model ? { model: options.model } : {}) });
        current = { id: created.sessionId, projectId: options.projectId, runtime: options.runtime, permissionMode: options.permissionMode, model: options.model };
        setSession(current);
        connect(current.id);
        void queryClient.invalidateQueries({ queryKey: ['chat', 'sessions'] });
      }
      setPendingInput(text);
      socket.current?.send({ type: 'message', text, ...(options.tools === undefined ? {} : { tools: options.tools }) });
    },
    [session, connect, queryClient],
  );

  const stop = useCallback(async () => {
    if (session) await runsApi.chat.stop(session.id);
  }, [session]);

  const answer = useCallback((callId: string, approved: boolean) => socket.current?.send({ type: 'approval', callId, approved }), []);

  return { thread, session, status, error, pendingInput, open, reset, send, stop, answer };
}
