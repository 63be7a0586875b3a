// The http_request tool: calls a REST API; GET and HEAD are read-only, other methods have side effects.
import { z } from 'zod';
import { defineTool } from './define-tool';
import { guardedRequest } from './guarded-http';
import { bodyText, type HttpSettings } from './http-settings';
import type { EngineTool } from './tool';

const READ_ONLY_METHODS = new Set(['GET', 'HEAD']);

export function createHttpRequestTool(options: { readonly description: string; readonly settings: HttpSettings }): EngineTool {
  const { settings } = options;
  return defineTool({
    name: 'http_request',
    description: options.description,
    schema: z.object({
      url: z.string().max(4000).describe('An http or https URL'),
      method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
      body: z.string().max(100_000).optional().describe('Request body, usually JSON'),
      contentType: z.string().max(200).optional().describe('Content-Type of the body (default application/json)'),
    }),
    sideEffects: ({ method }) => !READ_ONLY_METHODS.has(method),
    run: async ({ url, method, body, contentType }, { signal }) => {
      const headers: Record<string, string> = { accept: 'application/json, text/plain;q=0.9, */*;q=0.5', 'user-agent': 'agent-generator-engine' };
      if (body !== undefined) headers['content-type'] = contentType ?? 'application/json';
      const response = await guardedRequest({ url, method, headers, ...(body === undefined ? {} : { body }), signal, ...settings });
      const header = `HTTP ${response.status}${response.contentType ? `\ncontent-type: ${response.contentType}` : ''}`;
      return `${header}\n\n${bodyText(response.body, response.truncated, settings.maxBytes)}`;
    },
  });
}
