import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, webAppHandler } from './web-app';

let root: string;
let app: Hono;
const script = `export const greeting = ${JSON.stringify('hello '.repeat(2000))};\n`;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ag-web-app-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>agent-generator</title>');
  writeFileSync(join(root, 'assets', 'app-1a2b3c.js'), script);
  writeFileSync(join(root, 'assets', 'font-1a2b3c.woff2'), Buffer.alloc(4096, 7));
  app = new Hono();
  app.on(['GET', 'HEAD'], '*', webAppHandler(root));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

describe('compressed static assets', () => {
  it('answers brotli when the browser takes it, gzip otherwise, and the plain bytes to anyone else', async () => {
    const br = await get('/assets/app-1a2b3c.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(brBytes).toString()).toBe(script);

    const gz = await get('/assets/app-1a2b3c.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);

    const plain = await get('/assets/app-1a2b3c.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
    expect(new Set([br.headers.get('etag'), gz.headers.get('etag'), plain.headers.get('etag')]).size).toBe(3);
  });

  it('revalidates each encoding by its own ETag', async () => {
    const first = await get('/assets/app-1a2b3c.js', { 'accept-encoding': 'br' });
    const etag = first.headers.get('etag') ?? '';
    expect((await get('/assets/app-1a2b3c.js', { 'accept-encoding': 'br', 'if-none-match': etag })).status).toBe(304);
    expect((await get('/assets/app-1a2b3c.js', { 'accept-encoding': 'gzip', 'if-none-match': etag })).status).toBe(200);
  });

  it('leaves fonts and tiny files alone', async () => {
    const font = await get('/assets/font-1a2b3c.woff2', { 'accept-encoding': 'br' });
    expect(font.headers.get('content-encoding')).toBeNull();
    expect(font.headers.get('vary')).toBeNull();
    expect((await font.arrayBuffer()).byteLength).toBe(4096);
    const index = await get('/', { 'accept-encoding': 'br' });
    expect(index.headers.get('content-encoding')).toBeNull();
    expect(await index.text()).toContain('<title>agent-generator</title>');
  });
});

describe('choosing an encoding', () => {
  it('honours q-values and wildcards', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeUndefined();
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0')).toBeUndefined();
    expect(chooseEncoding(undefined)).toBeUndefined();
  });
});
