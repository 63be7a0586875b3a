// Provider API keys at rest (ADR 0007): AES-256-GCM under a key derived from SESSION_SECRET with
// HKDF-SHA256. Stored text: base64url(iv[12] | tag[16] | ciphertext); the provider id is bound
// as associated data, so a ciphertext copied to another provider's row does not open.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const INFO = 'agent-generator provider keys';
const SALT = 'agent-generator';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Keys shorter than this get no hint: four characters of a short key would give too much away. */
const MIN_KEY_LENGTH_FOR_HINT = 12;

export interface ProviderSecrets {
  seal(request: { readonly providerId: string; readonly plain: string }): string;
  /** Undefined when the key cannot be opened (SESSION_SECRET rotated, or the text is not ours). */
  open(request: { readonly providerId: string; readonly sealed: string }): string | undefined;
}

export function createProviderSecrets(sessionSecret: string): ProviderSecrets {
  const key = Buffer.from(hkdfSync('sha256', sessionSecret, SALT, INFO, 32));
  return {
    seal({ providerId, plain }) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(providerId, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open({ providerId, sealed }) {
      const bytes = Buffer.from(sealed, 'base64url');
      if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(providerId, 'utf8'));
        decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/** The last four characters of a long enough key, kept beside the ciphertext for a masked hint. */
export function keyHint(apiKey: string): string | null {
  return apiKey.length >= MIN_KEY_LENGTH_FOR_HINT ? apiKey.slice(-4) : null;
}

/** What the API shows for a stored key: `••••abcd`, or `••••` when the key was too short for a hint. */
export function maskedKey(hint: string | null): string {
  return `••••${hint ?? ''}`;
}
