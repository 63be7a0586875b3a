import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from './redact';

describe('createRedactor', () => {
  it('replaces every occurrence of the secret in nested strings and keys', () => {
    const redact = createRedactor('sk-secret');
    expect(redact({ a: 'x sk-secret y sk-secret', b: ['sk-secret'], sk: { 'sk-secret': 1 }, n: 2 })).toEqual({ a: `x ${REDACTED} y ${REDACTED}`, b: [REDACTED], sk: { [REDACTED]: 1 }, n: 2 });
  });

  it('leaves values alone without a secret worth hiding', () => {
    expect(createRedactor(undefined)('sk-secret')).toBe('sk-secret');
    expect(createRedactor('ab')('abc')).toBe('abc');
  });
});
