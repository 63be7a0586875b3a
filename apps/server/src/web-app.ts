// Serves the built web app from the same port: hashed assets cached for a year, everything else
// revalidated, unknown paths answered with index.html (SPA routing). Text assets go out brotli- or
// gzip-compressed (compressed once per file version and kept in memory; the hashed assets are
// compressed in the background at start-up). Without a build, `/` explains how to build it.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
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

// Fonts and images are compressed formats already; compressing them again only costs CPU.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt', '.map', '.wasm']);
const MIN_COMPRESS_BYTES = 1024;

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>agent-generator</title></head>
<body><h1>agent-generator is running</h1>
<p>The web app is not built yet. Build it with <code>npm run build</code> in the repository, or point <code>WEB_DIR</code> at a built copy.</p>
<p>The API works now: see the <a href="/docs">API reference</a> and <a href="/openapi.json">/openapi.json</a>.</p></body></html>`;

// Paths that belong to the server, never to the SPA.
const SERVER_PREFIXES = ['/api/', '/docs/'];

type Encoding = 'br' | 'gzip';

interface StaticFile {
  readonly path: string;
  readonly body: Uint8Array<ArrayBuffer>;
  readonly etag: string;
  readonly contentType: string;
  readonly compressible: boolean;
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

function compress(body: Uint8Array, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT } })
    : gzipped(body, { level: 9 });
}

/** The compressed copy of each file per encoding; a rebuilt file (new etag) replaces its old copy. */
class CompressedCache {
  private readonly entries = new Map<string, { readonly etag: string; readonly body: Promise<Uint8Array<ArrayBuffer>> }>();

  get(file: StaticFile, encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
    const key = `${encoding}:${file.path}`;
    const cached = this.entries.get(key);
    if (cached?.etag === file.etag) return cached.body;
    const body = compress(file.body, encoding).then((buffer) => new Uint8Array(buffer));
    this.entries.set(key, { etag: file.etag, body });
    body.catch(() => this.entries.delete(key));
    return body;
  }
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
    const extension = extname(path).toLowerCase();
    return { path, body, etag, contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream', compressible: COMPRESSIBLE.has(extension) && body.length >= MIN_COMPRESS_BYTES };
  } catch {
    return undefined;
  }
}

/** The encoding to answer with: brotli when the client takes it, else gzip, else none. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  const accepted = new Map(
    (acceptEncoding ?? '').split(',').map((part) => {
      const [name = '', ...parameters] = part.trim().toLowerCase().split(';');
      const quality = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
      return [name, quality === undefined ? 1 : Number(quality)] as const;
    }),
  );
  const wants = (name: Encoding) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (wants('br')) return 'br';
  if (wants('gzip')) return 'gzip';
  return undefined;
}

async function respond(options: { readonly context: Context; readonly file: StaticFile; readonly cacheControl: string; readonly cache: CompressedCache }): Promise<Response> {
  const { context, file, cacheControl, cache } = options;
  const encoding = file.compressible ? chooseEncoding(context.req.header('accept-encoding')) : undefined;
  // Each encoding is its own representation, so it gets its own ETag.
  const etag = encoding ? `${file.etag.slice(0, -1)}-${encoding}"` : file.etag;
  const headers: Record<string, string> = { 'Content-Type': file.contentType, 'Cache-Control': cacheControl, ETag: etag };
  if (file.compressible) headers.Vary = 'Accept-Encoding';
  if (encoding) headers['Content-Encoding'] = encoding;
  if (context.req.header('if-none-match') === etag) return context.body(null, 304, headers);
  if (context.req.method === 'HEAD') return context.body(null, 200, headers);
  return context.body(encoding ? await cache.get(file, encoding) : file.body, 200, headers);
}

/** Compresses the hashed text assets in the background, so the first visitor waits for none. */
async function warm(root: string, cache: CompressedCache): Promise<void> {
  const names = await readdir(join(root, 'assets')).catch(() => []);
  for (const name of names) {
    const file = await readStatic(root, `assets/${name}`);
    if (!file?.compressible) continue;
    await cache.get(file, 'br');
    await cache.get(file, 'gzip');
  }
}

/** A Hono handler for GET/HEAD requests no API route matched; undefined `root` means no build. */
export function webAppHandler(root: string | undefined): MiddlewareHandler {
  const cache = new CompressedCache();
  if (root !== undefined) void warm(root, cache).catch(() => undefined);
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
    if (file) return respond({ context, file, cache, cacheControl: relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache' });
    // A missing asset is a 404; any other path is a client-side route of the SPA.
    if (extname(relative) !== '' && !(context.req.header('accept') ?? '').includes('text/html')) return next();
    return respond({ context, file: index, cache, cacheControl: 'no-cache' });
  };
}
