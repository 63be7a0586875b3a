// Public surface of @agent-generator/client: the typed HTTP client for the agent-generator API.
export { ApiError, apiErrorOf } from './api-error';
export type * from './api-types';
export { createClient, type ApiClient } from './create-client';
export { createHttp, queryString, type Http, type HttpOptions, type Query } from './http';
export type * from './settings-types';
export { createRunsClient, webSocketUrl, type RunsClient } from './runs';
export type * from './runs-types';
export { openRunStream, type EventSourceLike, type RunStream, type RunStreamOptions } from './run-stream';
export { openStreamSocket, browserSocket, type SocketFactory, type SocketHandlers, type SocketLike, type SocketStatus, type StreamSocket, type StreamSocketOptions } from './stream-socket';
export type * from './providers-client';
export type * from './tools-settings-client';
