// Test support: hostile zip archives built from real ones (fflate) by editing their header bytes.
import { strToU8, zipSync, type Zippable } from 'fflate';

export const zipOf = (files: Record<string, string | Uint8Array>, level: 0 | 6 = 6): Uint8Array =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, content]) => [name, typeof content === 'string' ? strToU8(content) : content])) as Zippable, { level });

function offsetsOf(zip: Uint8Array, name: string): { readonly central: number; readonly local: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const wanted = strToU8(name);
  for (let at = 0; at + 46 <= zip.length; at += 1) {
    if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== wanted.length) continue;
    if (zip.subarray(at + 46, at + 46 + wanted.length).every((byte, index) => byte === wanted[index])) return { central: at, local: view.getUint32(at + 42, true) };
  }
  throw new Error(`no entry ${name}`);
}

/** A copy of the archive with the entry's headers marked as encrypted (general purpose flag bit 0). */
export function markEncrypted(zip: Uint8Array, name: string): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  const { central, local } = offsetsOf(copy, name);
  view.setUint16(central + 8, view.getUint16(central + 8, true) | 1, true);
  view.setUint16(local + 6, view.getUint16(local + 6, true) | 1, true);
  return copy;
}

/** A copy of the archive whose headers claim the entry unpacks to `size` bytes. */
export function declareSize(zip: Uint8Array, options: { readonly name: string; readonly size: number }): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  const { central, local } = offsetsOf(copy, options.name);
  view.setUint32(central + 24, options.size, true);
  view.setUint32(local + 22, options.size, true);
  return copy;
}
