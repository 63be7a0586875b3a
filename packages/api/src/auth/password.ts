// Password hashing with argon2id (OWASP parameters: 19 MiB, 2 passes, 1 lane) and the password rules.
import { UserError } from '@agent-generator/contracts';
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// Verifying against this when the account does not exist keeps the answer time the same, so
// login timing does not reveal which emails have accounts.
let decoy: Promise<string> | undefined;

export function checkPasswordRules(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new UserError('invalid_input', `Choose a password of ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters; a short sentence is easy to remember.`, { field: 'password' });
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** True when `password` matches `encoded`; with no hash it still spends the same time and answers false. */
export async function verifyPassword(encoded: string | null, password: string): Promise<boolean> {
  if (encoded === null) {
    decoy ??= hashPassword('decoy password that matches nothing');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(encoded, password).catch(() => false);
}
