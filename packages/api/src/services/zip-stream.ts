// A zip archive of a file tree as a byte stream: files are compressed one at a time as the client
// reads, so a large project never sits in memory twice.
import type { FileTree } from '@agent-generator/contracts';
import { Zip, ZipDeflate } from 'fflate';

// A fixed timestamp keeps archives of the same version byte-for-byte identical.
const ZIP_TIME = new Date('2020-01-01T00:00:00Z');

export function zipStream(files: FileTree, prefix: string): ReadableStream<Uint8Array> {
  let zip: Zip | undefined;
  let next = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    pull() {
      if (!zip) return;
      const file = files[next];
      next += 1;
      if (!file) return zip.end();
      const entry = new ZipDeflate(`${prefix}/${file.path}`, { level: 6 });
      entry.mtime = ZIP_TIME;
      entry.os = 3;
      entry.attrs = (0o100000 | (file.executable ? 0o755 : 0o644)) << 16;
      zip.add(entry);
      entry.push(new TextEncoder().encode(file.content), true);
    },
    cancel() {
      zip?.terminate();
    },
  });
}
