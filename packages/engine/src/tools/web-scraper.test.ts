import { describe, expect, it } from 'vitest';
import { httpSettingsOf } from './http-settings';
import { noSignal, useLocalServers } from './local-http.test-support';
import { createWebScraperTool, readableText } from './web-scraper';

const serve = useLocalServers();

describe('web_scraper', () => {
  it('returns the readable text of a page', async () => {
    const server = await serve((_, response) =>
      response.setHeader('content-type', 'text/html').end('<html><head><style>p{}</style><script>alert(1)</script></head><body><h1>Title</h1><p>Fish &amp; chips&#33;</p></body></html>'),
    );
    const tool = createWebScraperTool({ description: 'Reads pages', settings: httpSettingsOf({ allowPrivateNetwork: true }) });
    expect(await tool.execute({ url: server.origin }, noSignal())).toEqual({ content: 'Title\nFish & chips!', isError: false });
  });

  it('obeys the same network rules as http_request', async () => {
    const tool = createWebScraperTool({ description: 'Reads pages', settings: httpSettingsOf({}) });
    expect(await tool.execute({ url: 'http://169.254.169.254/' }, noSignal())).toMatchObject({ isError: true, content: expect.stringContaining('refused to connect') });
  });

  it('folds whitespace and drops comments', () => {
    expect(readableText('<div>a   b</div><!-- hidden --><div>\n\n c </div>')).toBe('a b\nc');
  });
});
