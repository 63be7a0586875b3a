// Typed calls of the runs and chat routes: sessions, runs, their stored events and the stream URLs.
import type { Http } from './http';
import type { Page } from './api-types';
import type { ChatSession, ChatSessionDetail, CreateChatSessionBody, ListRunsQuery, Run, RunEnvelope, StartRunBody, UpdateChatSessionBody } from './runs-types';

const segment = (value: string) => encodeURIComponent(value);

export function createRunsClient(http: Http) {
  const { request } = http;
  const session = (id: string) => `/api/chat/sessions/${segment(id)}`;
  const run = (id: string) => `/api/runs/${segment(id)}`;
  return {
    chat: {
      create: (body: CreateChatSessionBody) => request<{ sessionId: string; agentId: string }>('POST', '/api/chat/sessions', { body }),
      list: (query: { readonly limit?: number; readonly offset?: number } = {}) => request<Page<ChatSession>>('GET', '/api/chat/sessions', { query: { ...query } }),
      get: (id: string) => request<ChatSessionDetail>('GET', session(id)),
      /** Changes the mode, model or title the session's next message runs with. */
      update: (id: string, body: UpdateChatSessionBody) => request<ChatSession>('PATCH', session(id), { body }),
      stop: (id: string) => request<{ stopped: ReadonlyArray<string> }>('POST', `${session(id)}/stop`),
      /** Path of the session's WebSocket (messages in, envelopes out). */
      streamPath: (id: string) => `${session(id)}/stream`,
    },
    runs: {
      list: (query: ListRunsQuery = {}) => request<Page<Run>>('GET', '/api/runs', { query: { ...query } }),
      get: (id: string) => request<Run>('GET', run(id)),
      start: (projectId: string, body: StartRunBody) => request<Run>('POST', `/api/projects/${segment(projectId)}/runs`, { body }),
      /** Stored events after `after` (-1: from the start), at most `limit`. */
      events: (id: string, query: { readonly after?: number; readonly limit?: number } = {}) =>
        request<{ items: ReadonlyArray<RunEnvelope> }>('GET', `${run(id)}/events`, { query: { ...query } }),
      stop: (id: string) => request<Run>('POST', `${run(id)}/stop`),
      approve: (id: string, body: { callId: string; approved: boolean }) => request<{ seq: number }>('POST', `${run(id)}/approvals`, { body }),
      /** Path of the run's WebSocket, resuming after `after`. */
      socketPath: (id: string, after: number) => `${run(id)}?after=${after}`,
      /** URL of the run's SSE stream (the fallback), resuming after `after`. */
      sseUrl: (id: string, after: number) => http.url(`${run(id)}/stream`, { after }),
    },
  };
}

export type RunsClient = ReturnType<typeof createRunsClient>;

/** The ws:// or wss:// URL of `path` on the page's origin (`http://host` → `ws://host`). */
export function webSocketUrl(path: string, origin: string): string {
  const url = new URL(path, origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
