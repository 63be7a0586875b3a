// Reads an uploaded zip that nobody vouches for: the central directory with every offset
// bounds-checked, names that could leave a folder, encryption, zip64 and split archives refused,
// and entries inflated by fflate under a byte cap counted as the bytes come out (header sizes are
// never trusted).
import { UserError } from '@agent-generator/contracts';
import { Inflate } from 'fflate';

/** More entries than a generated project could ever have (one has about 40). */
export const MAX_ZIP_ENTRIES = 2000;
/** The most the entries may unpack to, as their headers declare it. */
export const MAX_UNPACKED_BYTES = 20 * 1024 * 1024;

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_MARK = 0xffffffff;
const INFLATE_SLICE = 4096;

export interface ZipEntryInfo {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: 0 | 8;
  readonly compressedSize: number;
  readonly declaredSize: number;
  readonly dataStart: number;
}

const damaged = (problem: string, details: Record<string, unknown> = {}) =>
  new UserError('invalid_input', `This file is not a readable zip archive: ${problem}. Upload a project zip downloaded from agent-generator.`, { field: 'body', ...details });

const tooLarge = (problem: string) => new UserError('payload_too_large', `This zip is too large to import: ${problem}. A generated project is far smaller; upload one project's zip.`, { field: 'body' });

const shown = (name: string) => name.slice(0, 200);

// eslint-disable-next-line no-control-regex -- control characters are what a safe name must not hold
const CONTROL = /[\u0000-\u001F\u007F]/;

/** A name that stays inside the folder it is unpacked to: relative, `/`-separated, no `.` or `..`. */
export function isSafeEntryName(name: string): boolean {
  if (name.length === 0 || name.length > 1000 || name.startsWith('/') || name.includes('\\') || CONTROL.test(name) || /^[A-Za-z]:/.test(name)) return false;
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  return segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

function endOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let offset = last; offset >= 0 && offset >= last - 0xffff; offset -= 1) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw damaged('it has no zip directory (not a zip, or cut short)');
}

function decodeName(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw damaged('an entry name is not UTF-8');
  }
}

function localDataStart(view: DataView, options: { readonly offset: number; readonly limit: number; readonly name: string }): number {
  const { offset, limit, name } = options;
  if (offset + 30 > limit || view.getUint32(offset, true) !== LOCAL_HEADER) throw damaged(`the entry "${shown(name)}" points outside the archive`);
  if ((view.getUint16(offset + 6, true) & 1) !== 0) throw new UserError('invalid_input', `The zip entry "${shown(name)}" is encrypted; upload an archive without a password.`, { field: 'body', entry: shown(name) });
  return offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
}

function readEntry(view: DataView, options: { readonly at: number; readonly end: number; readonly directoryStart: number }): { readonly entry: ZipEntryInfo; readonly next: number } {
  const { at, end, directoryStart } = options;
  if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_HEADER) throw damaged('its directory is damaged');
  const nameLength = view.getUint16(at + 28, true);
  const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  if (next > end) throw damaged('its directory is cut short');
  const name = decodeName(new Uint8Array(view.buffer, view.byteOffset + at + 46, nameLength));
  if (!isSafeEntryName(name)) throw new UserError('invalid_input', `The zip entry "${shown(name)}" would land outside the project folder; upload an archive with plain relative names.`, { field: 'body', entry: shown(name) });
  if ((view.getUint16(at + 8, true) & 1) !== 0) throw new UserError('invalid_input', `The zip entry "${shown(name)}" is encrypted; upload an archive without a password.`, { field: 'body', entry: shown(name) });
  const method = view.getUint16(at + 10, true);
  if (method !== 0 && method !== 8) throw damaged(`the entry "${shown(name)}" uses compression method ${method} (only stored and deflate are read)`);
  const compressedSize = view.getUint32(at + 20, true);
  const declaredSize = view.getUint32(at + 24, true);
  const localOffset = view.getUint32(at + 42, true);
  if ([compressedSize, declaredSize, localOffset].includes(ZIP64_MARK)) throw tooLarge(`the entry "${shown(name)}" needs zip64`);
  const dataStart = localDataStart(view, { offset: localOffset, limit: directoryStart, name });
  if (dataStart + compressedSize > directoryStart) throw damaged(`the entry "${shown(name)}" is cut short`);
  return { entry: { name, method, compressedSize, declaredSize, dataStart }, next };
}

/** Every entry of the archive, checked; throws a UserError that says what is wrong. */
export function readZipDirectory(bytes: Uint8Array): ReadonlyArray<ZipEntryInfo> {
  if (bytes.byteLength < 22) throw damaged('it is empty or cut short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const start = view.getUint32(eocd + 16, true);
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0 || view.getUint16(eocd + 8, true) !== count) throw damaged('it is split over several files');
  if (count === 0xffff || start === ZIP64_MARK || size === ZIP64_MARK) throw tooLarge('it is a zip64 archive');
  if (count > MAX_ZIP_ENTRIES) throw tooLarge(`it has ${count} entries (at most ${MAX_ZIP_ENTRIES})`);
  if (start + size > eocd) throw damaged('its directory points past its end');
  const entries: ZipEntryInfo[] = [];
  const names = new Set<string>();
  let declared = 0;
  for (let index = 0, at = start; index < count; index += 1) {
    const { entry, next } = readEntry(view, { at, end: start + size, directoryStart: start });
    if (names.has(entry.name)) throw damaged(`it holds "${shown(entry.name)}" twice`);
    names.add(entry.name);
    declared += entry.declaredSize;
    if (declared > MAX_UNPACKED_BYTES) throw tooLarge(`its entries unpack to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB`);
    entries.push(entry);
    at = next;
  }
  return entries;
}

function inflateCapped(data: Uint8Array, options: { readonly maxBytes: number; readonly name: string }): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > options.maxBytes) throw tooLarge(`"${shown(options.name)}" unpacks to more than ${options.maxBytes} bytes`);
    chunks.push(chunk);
  });
  try {
    // Small slices bound what one push can produce, so a bomb is stopped after a few MB at most.
    for (let offset = 0; offset < data.length || offset === 0; offset += INFLATE_SLICE) {
      inflate.push(data.subarray(offset, offset + INFLATE_SLICE), offset + INFLATE_SLICE >= data.length);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw damaged(`the entry "${shown(options.name)}" is damaged`);
  }
  const out = new Uint8Array(total);
  let position = 0;
  for (const chunk of chunks) {
    out.set(chunk, position);
    position += chunk.length;
  }
  return out;
}

/** The entry's bytes, refused when they would pass `maxBytes` or differ from what the directory declares. */
export function readZipEntry(bytes: Uint8Array, options: { readonly entry: ZipEntryInfo; readonly maxBytes: number }): Uint8Array {
  const { entry, maxBytes } = options;
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0 && data.length > maxBytes) throw tooLarge(`"${shown(entry.name)}" is more than ${maxBytes} bytes`);
  const content = entry.method === 0 ? data : inflateCapped(data, { maxBytes, name: entry.name });
  if (content.length !== entry.declaredSize) throw damaged(`the entry "${shown(entry.name)}" does not have the size its header declares`);
  return content;
}
