// The web_search tool: a SearXNG-compatible JSON search API at the URL the run is configured with.
import { z } from 'zod';
import type { ToolsConfig } from '../run-options';
import { defineTool } from './define-tool';
import { ToolError, type EngineTool } from './tool';

const SearchAnswerSchema = z.object({
  results: z.array(z.object({ title: z.string().optional(), url: z.string().optional(), content: z.string().optional() }).loose()).default([]),
});

export function createWebSearchTool(options: { readonly description: string; readonly search: ToolsConfig['search']; readonly timeoutMs: number }): EngineTool {
  const { search } = options;
  return defineTool({
    name: 'web_search',
    description: options.description,
    schema: z.object({
      query: z.string().min(1).max(500).describe('What to search for'),
      maxResults: z.number().int().min(1).max(10).default(5).describe('How many results to return'),
    }),
    sideEffects: false,
    run: async ({ query, maxResults }, { signal }) => {
      if (search === undefined) throw new ToolError('web search is not configured: an administrator must set the search API URL (and key) in the run settings');
      const url = new URL(`${search.url.replace(/\/+$/, '')}/search`);
      url.searchParams.set('q', query);
      url.searchParams.set('format', 'json');
      const headers: Record<string, string> = { accept: 'application/json' };
      if (search.apiKey !== undefined) headers.authorization = `Bearer ${search.apiKey}`;
      const response = await fetch(url, { headers, signal: AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs)]) }).catch((error: unknown) => {
        if (signal.aborted) throw error;
        throw new ToolError(`the search API could not be reached (${error instanceof Error ? error.message : String(error)})`);
      });
      if (!response.ok) throw new ToolError(`the search API answered HTTP ${response.status}`);
      const parsed = SearchAnswerSchema.safeParse(await response.json().catch(() => undefined));
      if (!parsed.success) throw new ToolError('the search API did not answer with SearXNG-style JSON ({ "results": [...] })');
      const results = parsed.data.results.slice(0, maxResults);
      if (results.length === 0) return `No results for "${query}".`;
      return results.map((item, index) => `${index + 1}. ${item.title ?? '(untitled)'}\n   ${item.url ?? ''}\n   ${(item.content ?? '').slice(0, 300)}`).join('\n');
    },
  });
}
