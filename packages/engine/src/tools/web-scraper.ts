// The web_scraper tool: fetches a page (same network rules as http_request) and returns its readable text.
import { z } from 'zod';
import { defineTool } from './define-tool';
import { guardedRequest } from './guarded-http';
import type { HttpSettings } from './http-settings';
import { ToolError, type EngineTool } from './tool';

const MAX_CHARACTERS = 50_000;

export function createWebScraperTool(options: { readonly description: string; readonly settings: HttpSettings }): EngineTool {
  return defineTool({
    name: 'web_scraper',
    description: options.description,
    schema: z.object({ url: z.string().max(4000).describe('The http or https URL of the page') }),
    sideEffects: false,
    run: async ({ url }, { signal }) => {
      const response = await guardedRequest({ url, method: 'GET', headers: { accept: 'text/html, text/plain;q=0.9' }, signal, ...options.settings });
      if (response.status >= 400) throw new ToolError(`the server answered HTTP ${response.status}`);
      const raw = response.body.toString('utf8');
      const text = response.contentType.includes('html') ? readableText(raw) : raw.trim();
      return text.length > MAX_CHARACTERS ? `${text.slice(0, MAX_CHARACTERS)}\n[truncated]` : text;
    },
  });
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text a reader sees: scripts, styles and tags removed, entities decoded, whitespace folded. */
export function readableText(html: string): string {
  return html
    .replace(/<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?(p|div|br|li|h[1-6]|tr|section|article|header|footer)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, name: string) => decodeEntity(name) ?? entity)
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\r]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

function decodeEntity(name: string): string | undefined {
  if (name.startsWith('#')) {
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  return ENTITIES[name.toLowerCase()];
}
