// A zip archive as a byte stream: entries are read and compressed one at a time as the client reads,
// so a large project (or every project) never sits in memory at once.
import type { FileTree } from '@agent-generator/contracts';
import { Zip, ZipDeflate } from 'fflate';

// A fixed timestamp keeps archives of the same version byte-for-byte identical.
const ZIP_TIME = new Date('2020-01-01T00:00:00Z');

export interface ZipEntry {
  /** The path inside the archive, folders separated by `/`. */
  readonly path: string;
  readonly content: string;
  readonly executable?: boolean | undefined;
}

/** Zips entries produced lazily (e.g. read from the store project by project); each is pulled when the client is ready. */
export function zipEntries(entries: AsyncIterable<ZipEntry>): ReadableStream<Uint8Array> {
  let zip: Zip | undefined;
  const iterator = entries[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    async pull() {
      if (!zip) return;
      const next = await iterator.next();
      if (next.done) return zip.end();
      const entry = new ZipDeflate(next.value.path, { level: 6 });
      entry.mtime = ZIP_TIME;
      entry.os = 3;
      entry.attrs = (0o100000 | (next.value.executable ? 0o755 : 0o644)) << 16;
      zip.add(entry);
      entry.push(new TextEncoder().encode(next.value.content), true);
    },
    async cancel() {
      zip?.terminate();
      await iterator.return?.();
    },
  });
}

async function* prefixed(files: FileTree, prefix: string): AsyncGenerator<ZipEntry> {
  for (const file of files) yield { path: `${prefix}/${file.path}`, content: file.content, executable: file.executable };
}

/** One version's files in a folder named `prefix`. */
export function zipStream(files: FileTree, prefix: string): ReadableStream<Uint8Array> {
  return zipEntries(prefixed(files, prefix));
}
