// What the API shows of users: never the password hash.
import type { UserRecord } from '@agent-generator/contracts';
import { z } from '@hono/zod-openapi';
import { TimestampSchema } from './common.schemas';

export const RoleSchema = z.enum(['admin', 'editor', 'viewer']).openapi('Role');

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    disabled: z.boolean(),
    hasPassword: z.boolean(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .openapi('User');

export type UserView = z.infer<typeof UserSchema>;

export function userView(user: UserRecord): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    hasPassword: user.passwordHash !== null,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}
