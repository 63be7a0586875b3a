// Serves the built web app from the same port: hashed assets cached for a year, everything else
// revalidated, unknown paths answered with index.html (SPA routing). Without a build, `/` explains
// how to build it and links the API reference.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>agent-generator</title></head>
<body><h1>agent-generator is running</h1>
<p>The web app is not built yet. Build it with <code>npm run build</code> in the repository, or point <code>WEB_DIR</code> at a built copy.</p>
<p>The API works now: see the <a href="/docs">API reference</a> and <a href="/openapi.json">/openapi.json</a>.</p></body></html>`;

// Paths that belong to the server, never to the SPA.
const SERVER_PREFIXES = ['/api/', '/docs/'];

interface StaticFile {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly etag: string;
  readonly contentType: string;
}

async function readStatic(root: string, relative: string): Promise<StaticFile | undefined> {
  const path = normalize(join(root, relative));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  if (relative.split('/').some((part) => part.startsWith('.'))) return undefined;
  try {
    const info = await stat(path);
    if (!info.isFile()) return undefined;
    const body = new Uint8Array(await readFile(path));
    const etag = `"${createHash('sha1').update(`${info.size}:${info.mtimeMs}`).digest('base64url')}"`;
    return { body, etag, contentType: CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
}

function respond(context: Context, file: StaticFile, cacheControl: string): Response {
  const headers = { 'Content-Type': file.contentType, 'Cache-Control': cacheControl, ETag: file.etag };
  if (context.req.header('if-none-match') === file.etag) return context.body(null, 304, headers);
  if (context.req.method === 'HEAD') return context.body(null, 200, headers);
  return context.body(file.body, 200, headers);
}

/** A Hono handler for GET/HEAD requests no API route matched; undefined `root` means no build. */
export function webAppHandler(root: string | undefined): MiddlewareHandler {
  return async (context, next) => {
    const path = context.req.path;
    if (SERVER_PREFIXES.some((prefix) => path.startsWith(prefix))) return next();
    const index = root === undefined ? undefined : await readStatic(root, 'index.html');
    if (root === undefined || index === undefined) {
      return path === '/' ? context.html(NOT_BUILT, 200, { 'Cache-Control': 'no-cache' }) : next();
    }
    let relative: string;
    try {
      relative = decodeURIComponent(path).replace(/^\/+/, '');
    } catch {
      return next();
    }
    const file = relative === '' ? index : await readStatic(root, relative);
    if (file) return respond(context, file, relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    // A missing asset is a 404; any other path is a client-side route of the SPA.
    if (extname(relative) !== '' && !(context.req.header('accept') ?? '').includes('text/html')) return next();
    return respond(context, index, 'no-cache');
  };
}
