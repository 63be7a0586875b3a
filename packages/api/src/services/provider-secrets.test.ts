import { describe, expect, it } from 'vitest';
import { createProviderSecrets, keyHint, maskedKey } from './provider-secrets';

const SECRET = 'a-session-secret-of-at-least-32-characters!';

describe('provider secrets', () => {
  it('opens what it sealed, with a fresh IV each time', () => {
    const secrets = createProviderSecrets(SECRET);
    const first = secrets.seal({ providerId: 'openai', plain: 'sk-abc-123456789' });
    const second = secrets.seal({ providerId: 'openai', plain: 'sk-abc-123456789' });
    expect(first).not.toBe(second);
    expect(first).not.toContain('sk-abc');
    expect(secrets.open({ providerId: 'openai', sealed: first })).toBe('sk-abc-123456789');
    expect(secrets.open({ providerId: 'openai', sealed: second })).toBe('sk-abc-123456789');
  });

  it('answers undefined for another secret, another provider, tampering and garbage', () => {
    const sealed = createProviderSecrets(SECRET).seal({ providerId: 'openai', plain: 'sk-abc-123456789' });
    expect(createProviderSecrets(`${SECRET}-rotated`).open({ providerId: 'openai', sealed })).toBeUndefined();
    expect(createProviderSecrets(SECRET).open({ providerId: 'anthropic', sealed })).toBeUndefined();
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(createProviderSecrets(SECRET).open({ providerId: 'openai', sealed: bytes.toString('base64url') })).toBeUndefined();
    expect(createProviderSecrets(SECRET).open({ providerId: 'openai', sealed: 'not-ours' })).toBeUndefined();
  });

  it('keeps a hint of four characters only for keys long enough to spare them', () => {
    expect(keyHint('sk-1234567890abcd')).toBe('abcd');
    expect(keyHint('short-key')).toBeNull();
    expect(maskedKey('abcd')).toBe('••••abcd');
    expect(maskedKey(null)).toBe('••••');
  });
});
