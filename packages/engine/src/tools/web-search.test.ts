import { describe, expect, it } from 'vitest';
import { noSignal, useLocalServers } from './local-http.test-support';
import { createWebSearchTool } from './web-search';

const serve = useLocalServers();

describe('web_search', () => {
  it('queries the configured search API with its key and lists the results', async () => {
    const server = await serve((_, response) =>
      response.setHeader('content-type', 'application/json').end(JSON.stringify({ results: [{ title: 'Bees', url: 'https://bees.example', content: 'All about bees.' }, { title: 'Wasps', url: 'https://wasps.example' }] })),
    );
    const tool = createWebSearchTool({ description: 'Search', search: { url: `${server.origin}/`, apiKey: 'search-key' }, timeoutMs: 2_000 });
    const outcome = await tool.execute({ query: 'bees & honey', maxResults: 1 }, noSignal());
    expect(outcome).toEqual({ content: '1. Bees\n   https://bees.example\n   All about bees.', isError: false });
    expect(server.requests[0]?.url).toBe('/search?q=bees+%26+honey&format=json');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer search-key');
  });

  it('says it is not configured when no search API is set', async () => {
    const tool = createWebSearchTool({ description: 'Search', search: undefined, timeoutMs: 2_000 });
    expect(await tool.execute({ query: 'x' }, noSignal())).toMatchObject({ isError: true, content: expect.stringContaining('web search is not configured') });
  });

  it('reports an API that fails or does not speak JSON', async () => {
    const failing = await serve((_, response) => response.writeHead(503).end());
    const html = await serve((_, response) => response.end('<html>'));
    const search = (url: string) => createWebSearchTool({ description: 'Search', search: { url }, timeoutMs: 2_000 }).execute({ query: 'x' }, noSignal());
    expect((await search(failing.origin)).content).toBe('error: the search API answered HTTP 503');
    expect((await search(html.origin)).content).toContain('did not answer with SearXNG-style JSON');
  });
});
