// Public surface of @agent-generator/client: the typed HTTP client for the agent-generator API.
export { ApiError, apiErrorOf } from './api-error';
export type * from './api-types';
export { createClient, type ApiClient } from './create-client';
export { createHttp, queryString, type Http, type HttpOptions, type Query } from './http';
export type * from './settings-types';
