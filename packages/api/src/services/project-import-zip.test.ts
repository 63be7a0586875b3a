import { UserError } from '@agent-generator/contracts';
import { strToU8, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isSafeEntryName, MAX_UNPACKED_BYTES, MAX_ZIP_ENTRIES, readZipDirectory, readZipEntry } from './project-import-zip';
import { declareSize, markEncrypted, zipOf } from './project-import.test-zips';
import { zipStream } from './zip-stream';

function refusal(work: () => unknown): { code: string; message: string } {
  try {
    work();
  } catch (error) {
    if (error instanceof UserError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

const read = (zip: Uint8Array, name: string, maxBytes = 1024 * 1024) => {
  const entry = readZipDirectory(zip).find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`no ${name}`);
  return strFromU8(readZipEntry(zip, { entry, maxBytes }));
};

describe('isSafeEntryName', () => {
  it.each(['a.txt', 'slug/agent-generator.json', 'slug/src/', 'slug/.env.example', 'a b/c..d'])('accepts %s', (name) => expect(isSafeEntryName(name)).toBe(true));
  it.each(['', '../x', 'slug/../../x', '/etc/passwd', 'C:/x', 'c:x', 'a\\..\\b', 'a//b', './a', 'a/./b', 'a\u0000b', 'a\nb'])('refuses %j', (name) => expect(isSafeEntryName(name)).toBe(false));
});

describe('readZipDirectory and readZipEntry', () => {
  it('reads the streamed zips the download writes (data descriptors) and stored entries alike', async () => {
    const streamed = new Uint8Array(await new Response(zipStream([{ path: 'agent-generator.json', content: '{"a":1}\n' }, { path: 'src/x.py', content: 'x = 1\n'.repeat(500) }], 'slug')).arrayBuffer());
    expect(readZipDirectory(streamed).map((entry) => entry.name)).toEqual(['slug/agent-generator.json', 'slug/src/x.py']);
    expect(read(streamed, 'slug/src/x.py')).toBe('x = 1\n'.repeat(500));
    expect(read(zipOf({ 'a.txt': 'stored ü' }, 0), 'a.txt')).toBe('stored ü');
  });

  it('refuses bytes that are not a zip, and a zip cut short', () => {
    expect(refusal(() => readZipDirectory(strToU8('just text, no archive at all')))).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('not a readable zip') });
    expect(refusal(() => readZipDirectory(new Uint8Array(0)))).toMatchObject({ code: 'invalid_input' });
    const zip = zipOf({ 'a.txt': 'hello '.repeat(1000), 'b.txt': 'world' });
    for (const length of [10, Math.floor(zip.length / 2), zip.length - 1]) expect(refusal(() => readZipDirectory(zip.subarray(0, length))).code).toBe('invalid_input');
  });

  it('refuses names that leave the folder and encrypted entries, naming the entry', () => {
    expect(refusal(() => readZipDirectory(zipOf({ 'slug/agent-generator.json': '{}', '../evil.sh': 'x' })))).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('"../evil.sh" would land outside') });
    expect(refusal(() => readZipDirectory(zipOf({ '/etc/cron.d/x': 'x' }))).message).toContain('/etc/cron.d/x');
    expect(refusal(() => readZipDirectory(markEncrypted(zipOf({ 'a.txt': 'secret', 'b.txt': 'plain' }), 'a.txt')))).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('"a.txt" is encrypted') });
  });

  it('refuses archives whose headers declare too much, and too many entries', () => {
    const big = zipOf({ 'a.txt': 'a', 'b.txt': 'b' });
    expect(refusal(() => readZipDirectory(declareSize(big, { name: 'b.txt', size: MAX_UNPACKED_BYTES })))).toMatchObject({ code: 'payload_too_large' });
    const many = zipOf(Object.fromEntries(Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, index) => [`f${index}`, ''])), 0);
    expect(refusal(() => readZipDirectory(many))).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining(`${MAX_ZIP_ENTRIES + 1} entries`) });
  });

  it('stops inflating a bomb whose header lies about its size, and refuses a size that differs from the header', () => {
    const bomb = declareSize(zipOf({ 'bomb.json': ' '.repeat(5 * 1024 * 1024) }), { name: 'bomb.json', size: 10 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const [entry] = readZipDirectory(bomb);
    if (!entry) throw new Error('no entry');
    expect(refusal(() => readZipEntry(bomb, { entry, maxBytes: 1024 * 1024 }))).toMatchObject({ code: 'payload_too_large' });
    expect(refusal(() => readZipEntry(bomb, { entry, maxBytes: 10 * 1024 * 1024 }))).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('size its header declares') });
  });

  it('refuses a deflated entry whose data is damaged', () => {
    const zip = zipOf({ 'a.txt': 'some text that compresses '.repeat(50) });
    const [entry] = readZipDirectory(zip);
    if (!entry) throw new Error('no entry');
    const broken = zip.slice();
    broken.fill(0xff, entry.dataStart, entry.dataStart + entry.compressedSize);
    expect(refusal(() => readZipEntry(broken, { entry, maxBytes: 1024 * 1024 }))).toMatchObject({ code: 'invalid_input' });
  });
});
