import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter';

describe('LineSplitter', () => {
  it('joins chunks into lines, keeps split UTF-8 characters whole, and returns the unterminated rest at the end', () => {
    const splitter = new LineSplitter(100);
    const bytes = Buffer.from('één\r\ntwo\nthr', 'utf8');
    expect(splitter.push(bytes.subarray(0, 1))).toEqual([]);
    expect(splitter.push(bytes.subarray(1))).toEqual(['één', 'two']);
    expect(splitter.end()).toEqual(['thr']);
  });

  it('drops a line longer than the cap, also when it spans chunks, and goes on after it', () => {
    const splitter = new LineSplitter(5);
    expect(splitter.push(Buffer.from('ok\n123456'))).toEqual(['ok']);
    expect(splitter.push(Buffer.from('789'))).toEqual([]);
    expect(splitter.push(Buffer.from('0\nfine\n'))).toEqual(['fine']);
  });
});
