// AWS event-stream binary framing (application/vnd.amazon.eventstream): prelude, headers, payload, CRCs.
import { crc32 } from 'node:zlib';

const STRING_HEADER_TYPE = 7;
const PRELUDE_BYTES = 8;
const CRC_BYTES = 4;

function encodeHeaders(headers: Readonly<Record<string, string>>): Buffer {
  const parts = Object.entries(headers).map(([name, value]) => {
    const nameBytes = Buffer.from(name, 'utf8');
    const valueBytes = Buffer.from(value, 'utf8');
    const header = Buffer.alloc(1 + nameBytes.length + 1 + 2 + valueBytes.length);
    let offset = header.writeUInt8(nameBytes.length, 0);
    offset += nameBytes.copy(header, offset);
    offset = header.writeUInt8(STRING_HEADER_TYPE, offset);
    offset = header.writeUInt16BE(valueBytes.length, offset);
    valueBytes.copy(header, offset);
    return header;
  });
  return Buffer.concat(parts);
}

/** One event-stream message: total length, headers length, prelude CRC, headers, payload, message CRC. */
export function encodeEventStreamMessage(options: { readonly headers: Readonly<Record<string, string>>; readonly payload: Uint8Array }): Buffer {
  const headers = encodeHeaders(options.headers);
  const totalLength = PRELUDE_BYTES + CRC_BYTES + headers.length + options.payload.length + CRC_BYTES;
  const message = Buffer.alloc(totalLength);
  message.writeUInt32BE(totalLength, 0);
  message.writeUInt32BE(headers.length, 4);
  message.writeUInt32BE(crc32(message.subarray(0, PRELUDE_BYTES)), PRELUDE_BYTES);
  headers.copy(message, PRELUDE_BYTES + CRC_BYTES);
  Buffer.from(options.payload).copy(message, PRELUDE_BYTES + CRC_BYTES + headers.length);
  message.writeUInt32BE(crc32(message.subarray(0, totalLength - CRC_BYTES)), totalLength - CRC_BYTES);
  return message;
}

/** An `event` message as Bedrock sends them: JSON payload named by `:event-type`. */
export function encodeEvent(eventType: string, body: Readonly<Record<string, unknown>>): Buffer {
  return encodeEventStreamMessage({
    headers: { ':event-type': eventType, ':content-type': 'application/json', ':message-type': 'event' },
    payload: Buffer.from(JSON.stringify(body), 'utf8'),
  });
}

export interface DecodedEventStreamMessage {
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: Buffer;
}

/** Splits a complete event stream into messages, checking both CRCs; for tests of the framing. */
export function decodeEventStream(bytes: Uint8Array): ReadonlyArray<DecodedEventStreamMessage> {
  const buffer = Buffer.from(bytes);
  const messages: DecodedEventStreamMessage[] = [];
  let start = 0;
  while (start < buffer.length) {
    const totalLength = buffer.readUInt32BE(start);
    const message = buffer.subarray(start, start + totalLength);
    if (message.readUInt32BE(PRELUDE_BYTES) !== crc32(message.subarray(0, PRELUDE_BYTES))) throw new Error('event stream: prelude CRC mismatch');
    if (message.readUInt32BE(totalLength - CRC_BYTES) !== crc32(message.subarray(0, totalLength - CRC_BYTES))) throw new Error('event stream: message CRC mismatch');
    const headersEnd = PRELUDE_BYTES + CRC_BYTES + message.readUInt32BE(4);
    const headers: Record<string, string> = {};
    for (let offset = PRELUDE_BYTES + CRC_BYTES; offset < headersEnd; ) {
      const nameLength = message.readUInt8(offset);
      const name = message.toString('utf8', offset + 1, offset + 1 + nameLength);
      offset += 1 + nameLength;
      if (message.readUInt8(offset) !== STRING_HEADER_TYPE) throw new Error(`event stream: header ${name} is not a string`);
      const valueLength = message.readUInt16BE(offset + 1);
      headers[name] = message.toString('utf8', offset + 3, offset + 3 + valueLength);
      offset += 3 + valueLength;
    }
    messages.push({ headers, payload: message.subarray(headersEnd, totalLength - CRC_BYTES) });
    start += totalLength;
  }
  return messages;
}
