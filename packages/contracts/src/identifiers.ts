// Identifiers that end up as names in generated code, so they are restricted to a safe alphabet.
import { z } from 'zod';

// Python keywords and soft keywords plus names a generated module must not shadow.
const RESERVED = new Set([
  'false', 'none', 'true', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
  'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with',
  'yield', 'match', 'case', 'type', 'self', 'cls', 'main', 'test', 'tests', 'tools', 'config',
  'os', 'sys', 'json', 'print', 'input', 'object', 'str', 'int', 'list', 'dict', 'set',
]);

/** `snake_case` identifier usable as a Python name, YAML key and file name. */
export const IdentifierSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,47}$/, 'use 1–48 lowercase letters, digits or underscores, starting with a letter')
  .refine((value) => !RESERVED.has(value), { message: 'this name is reserved in generated code; pick another' });
export type Identifier = z.infer<typeof IdentifierSchema>;

/** `kebab-case` project slug: directory name, distribution name and image name. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens, starting with a letter')
  .max(48)
  .refine((value) => !RESERVED.has(value.replaceAll('-', '_')), {
    message: 'this name is reserved in generated code; pick another',
  });

export function isReservedIdentifier(value: string): boolean {
  return RESERVED.has(value);
}
