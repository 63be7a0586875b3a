// Bodies and answers of sign-in, setup, the current user and API tokens.
import type { ApiTokenRecord } from '@agent-generator/contracts';
import { z } from '@hono/zod-openapi';
import { TOKEN_SCOPES } from '../auth/access';
import { MAX_PASSWORD_LENGTH } from '../auth/password';
import { EmailSchema, NameSchema, TimestampSchema } from './common.schemas';
import { UserSchema } from './user.schemas';

export const PasswordSchema = z.string().min(1).max(MAX_PASSWORD_LENGTH).openapi({ format: 'password' });

export const LoginBodySchema = z.object({ email: EmailSchema, password: PasswordSchema });
export const SetupBodySchema = z.object({ email: EmailSchema, name: NameSchema, password: PasswordSchema });

export const SignedInSchema = z
  .object({
    user: UserSchema,
    /** Send it back as X-CSRF-Token with every change; also in the ag_csrf cookie. */
    csrfToken: z.string(),
    expiresAt: TimestampSchema,
  })
  .openapi('SignedIn');

export const MeSchema = z
  .object({
    user: UserSchema,
    via: z.enum(['session', 'token']),
    csrfToken: z.string().optional(),
    expiresAt: TimestampSchema.nullable(),
    scopes: z.array(z.enum(TOKEN_SCOPES)),
  })
  .openapi('Me');

export const AuthStatusSchema = z
  .object({
    setupRequired: z.boolean(),
    passwordLogin: z.boolean(),
    oauthProviders: z.array(z.object({ id: z.enum(['github', 'google', 'entra']), label: z.string(), startUrl: z.string() })),
  })
  .openapi('AuthStatus');

export const TokenScopeSchema = z.enum(TOKEN_SCOPES);

export const TokenCreateBodySchema = z.object({
  name: NameSchema,
  scopes: z.array(TokenScopeSchema).min(1).max(3),
  /** Days until the token stops working; omit for a token that lasts until revoked. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const ApiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    createdAt: TimestampSchema,
    lastUsedAt: TimestampSchema.nullable(),
    expiresAt: TimestampSchema.nullable(),
    revokedAt: TimestampSchema.nullable(),
  })
  .openapi('ApiToken');

export const TokenCreatedSchema = z.object({ token: z.string().openapi({ description: 'Shown once; store it now.' }), apiToken: ApiTokenSchema }).openapi('ApiTokenCreated');

export function apiTokenView(record: ApiTokenRecord): z.infer<typeof ApiTokenSchema> {
  return {
    id: record.id,
    name: record.name,
    prefix: record.prefix,
    scopes: [...record.scopes],
    createdAt: record.createdAt,
    lastUsedAt: record.lastUsedAt,
    expiresAt: record.expiresAt,
    revokedAt: record.revokedAt,
  };
}
