import { describe, expect, it } from 'vitest';
import { createFormatter } from './format';

describe('locale formatting', () => {
  it('formats numbers, sizes and dates the way the chosen locale writes them', () => {
    const english = createFormatter('en');
    const german = createFormatter('de');
    expect(english.number(1234567)).toBe('1,234,567');
    expect(german.number(1234567)).toBe('1.234.567');
    expect(english.bytes(1_536_000)).toBe('1.5 MB');
    expect(german.bytes(1_536_000)).toBe('1,5 MB');
    expect(english.bytes(512)).toBe('512 byte');
    expect(german.bytes(2_500)).toBe('2,5 kB');
    const iso = '2025-03-04T05:06:00.000Z';
    expect(german.dateTime(iso)).not.toBe(english.dateTime(iso));
    expect(createFormatter('en-GB').dateTime(iso)).toMatch(/^4 Mar 2025/);
  });

  it('falls back to English for a tag Intl does not know', () => {
    expect(createFormatter('zz-ZZZZ').locale).toBe('en');
    expect(createFormatter('not a tag').number(1000)).toBe('1,000');
  });
});
