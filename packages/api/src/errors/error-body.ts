// The error envelope every route answers with: `{ "error": { "code", "message", "details" } }`.
import { ERROR_CODES, type ErrorCode, type ErrorDetails } from '@agent-generator/contracts';
import { z } from '@hono/zod-openapi';

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .openapi('Error');

export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export function errorBody(code: ErrorCode, message: string, details: ErrorDetails = {}): ErrorBody {
  return { error: { code, message, details: { ...details } } };
}
