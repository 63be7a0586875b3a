// Server-side settings: workspace-wide generation defaults and policies (admins), and each
// person's own preferences. Every field has a default, so an empty document is valid.
import { FRAMEWORK_IDS, HYPERSCALER_IDS, PATTERN_IDS, PROVIDER_IDS } from '@agent-generator/contracts';
import { z } from '@hono/zod-openapi';
import { TimestampSchema } from './common.schemas';

export const GlobalSettingsSchema = z
  .object({
    defaults: z
      .object({
        framework: z.enum(FRAMEWORK_IDS).optional(),
        pattern: z.enum(PATTERN_IDS).optional(),
        hyperscaler: z.enum(HYPERSCALER_IDS).optional(),
        provider: z.enum(PROVIDER_IDS).optional(),
        model: z.string().max(128).optional(),
        agents: z.number().int().min(1).max(12).optional(),
        memory: z.boolean().default(false),
      })
      .strict()
      .default({ memory: false }),
    output: z
      .object({ lint: z.boolean().default(true), docker: z.boolean().default(true), tests: z.boolean().default(true) })
      .strict()
      .default({ lint: true, docker: true, tests: true }),
    safety: z
      .object({ permissionMode: z.enum(['ask', 'auto', 'deny']).default('ask'), shellExec: z.boolean().default(false) })
      .strict()
      .default({ permissionMode: 'ask', shellExec: false }),
    data: z
      .object({ runRetentionDays: z.number().int().min(1).max(3650).default(30), auditRetentionDays: z.number().int().min(1).max(3650).default(365) })
      .strict()
      .default({ runRetentionDays: 30, auditRetentionDays: 365 }),
  })
  .strict()
  .openapi('GlobalSettings');

export const UserSettingsSchema = z
  .object({
    theme: z.enum(['system', 'light', 'dark']).default('system'),
    density: z.enum(['comfortable', 'compact']).default('comfortable'),
    locale: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as en or en-GB').default('en'),
    /** Command id → key combination, overriding the built-in shortcuts. */
    shortcuts: z.record(z.string().regex(/^[a-z][a-z0-9.-]{0,63}$/), z.string().max(40)).default({}),
  })
  .strict()
  .openapi('UserSettings');

const stored = <Schema extends z.ZodType>(schema: Schema) => z.object({ value: schema, updatedAt: TimestampSchema.nullable() });

export const SettingsSchema = z.object({ global: stored(GlobalSettingsSchema), user: stored(UserSettingsSchema) }).openapi('Settings');

/** `expectedUpdatedAt` guards against overwriting someone else's change (409 when it moved on). */
export const PutGlobalSettingsSchema = z.object({ value: GlobalSettingsSchema, expectedUpdatedAt: TimestampSchema.nullable().optional() });
export const PutUserSettingsSchema = z.object({ value: UserSettingsSchema, expectedUpdatedAt: TimestampSchema.nullable().optional() });
