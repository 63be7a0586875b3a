import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeEventStream, encodeEvent, encodeEventStreamMessage } from './aws-event-stream';

describe('AWS event-stream framing', () => {
  it('lays out prelude, prelude CRC, headers, payload and message CRC', () => {
    const message = encodeEventStreamMessage({ headers: { ':event-type': 'messageStart' }, payload: Buffer.from('{"role":"assistant"}') });
    const headerBytes = 1 + ':event-type'.length + 1 + 2 + 'messageStart'.length;
    expect(message.readUInt32BE(0)).toBe(message.length);
    expect(message.readUInt32BE(4)).toBe(headerBytes);
    expect(message.readUInt32BE(8)).toBe(crc32(message.subarray(0, 8)));
    expect(message.readUInt8(12)).toBe(':event-type'.length);
    expect(message.readUInt8(12 + 1 + ':event-type'.length)).toBe(7); // string header type
    expect(message.subarray(12 + headerBytes, message.length - 4).toString()).toBe('{"role":"assistant"}');
    expect(message.readUInt32BE(message.length - 4)).toBe(crc32(message.subarray(0, message.length - 4)));
  });

  it('round-trips a stream of events and rejects a corrupted one', () => {
    const stream = Buffer.concat([encodeEvent('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Hé' } }), encodeEvent('messageStop', { stopReason: 'end_turn' })]);
    const decoded = decodeEventStream(stream);
    expect(decoded.map((message) => [message.headers[':event-type'], message.headers[':message-type'], JSON.parse(message.payload.toString())])).toEqual([
      ['contentBlockDelta', 'event', { contentBlockIndex: 0, delta: { text: 'Hé' } }],
      ['messageStop', 'event', { stopReason: 'end_turn' }],
    ]);
    const corrupted = Buffer.from(stream);
    corrupted[20] = (corrupted[20] ?? 0) ^ 0xff;
    expect(() => decodeEventStream(corrupted)).toThrow(/CRC mismatch/);
  });
});
