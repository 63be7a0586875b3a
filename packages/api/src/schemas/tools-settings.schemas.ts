// The run tools' settings over HTTP: what GET /api/settings/tools shows (never the search key or the
// database password, only whether one is set) and what PUT /api/settings/tools accepts.
import { z } from '@hono/zod-openapi';
import { MAX_POSTGRES_URL_LENGTH, postgresUrlProblem } from '../services/postgres-url-guard';
import { TimestampSchema } from './common.schemas';
import { BaseUrlSchema } from './provider.schemas';

export const SQL_TIMEOUT_MS = { min: 1_000, max: 120_000, default: 10_000 } as const;
const MAX_PATH_LENGTH = 1024;

/**
 * An absolute POSIX or Windows path, no `..` or `.` segments, no control characters. Whether the
 * file exists and is a SQLite database is checked by the service; messages never echo the value.
 */
export const DatabasePathSchema = z
  .string()
  .min(1, 'an absolute path such as /srv/data/shop.db; send null to turn the SQL tool off')
  .max(MAX_PATH_LENGTH, `a path of at most ${MAX_PATH_LENGTH} characters`)
  .regex(/^[^\p{Cc}]+$/u, 'a path without control characters (NUL, newlines)')
  .refine((value) => value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value), { message: 'an absolute path such as /srv/data/shop.db (not a URL or a relative path)', abort: true })
  .refine((value) => !value.split(/[\\/]/).some((segment) => segment === '..' || segment === '.'), 'a path without . or .. segments')
  .openapi({ example: '/srv/data/shop.db' });

/**
 * A postgres:// or postgresql:// URL naming a host and a database; it may hold a password (stored
 * sealed, never shown). Whether it is the server's own database is checked by the service.
 */
export const PostgresUrlSchema = z
  .string()
  .superRefine((value, context) => {
    const problem = postgresUrlProblem(value);
    if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
  })
  .openapi({ example: 'postgres://reader:password@db.example.com:5432/shop', maxLength: MAX_POSTGRES_URL_LENGTH });

const SqlTimeoutSchema = z
  .number()
  .int('a whole number of milliseconds')
  .min(SQL_TIMEOUT_MS.min, 'a timeout of 1 to 120 seconds (1000–120000 ms)')
  .max(SQL_TIMEOUT_MS.max, 'a timeout of 1 to 120 seconds (1000–120000 ms)');

/** One database at most: a SQLite file or a PostgreSQL URL (null clears it); neither keeps the stored one. */
const SqlChangeSchema = z
  .object({
    databasePath: DatabasePathSchema.nullable().optional(),
    postgresUrl: PostgresUrlSchema.nullable().optional(),
    allowWrites: z.boolean().optional(),
    timeoutMs: SqlTimeoutSchema.optional(),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.databasePath !== undefined && value.postgresUrl !== undefined) {
      context.addIssue({ code: 'custom', path: ['postgresUrl'], message: 'either databasePath (a SQLite file) or postgresUrl (a PostgreSQL database), not both' });
    }
  });

const SearchKeySchema = z
  .string()
  .trim()
  .min(1, 'a key of at least one character; send null to remove the key')
  .max(4096)
  .regex(/^[^\s\p{Cc}]+$/u, 'a key without spaces or control characters');

export const PutToolsSettingsSchema = z
  .object({
    allowPrivateNetwork: z.boolean().optional(),
    sql: SqlChangeSchema.optional(),
    search: z
      .object({
        url: BaseUrlSchema.nullable(),
        /** A string sets the key, null clears it, absent keeps the stored one. */
        apiKey: SearchKeySchema.nullable().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .openapi('PutToolsSettings');

export type ToolsSettingsPatch = z.output<typeof PutToolsSettingsSchema>;

export const ToolsSettingsSchema = z
  .object({
    /** http_request, web_scraper and pdf_reader may reach private, loopback and link-local addresses. */
    allowPrivateNetwork: z.boolean(),
    /** At most one of `databasePath` and `postgres` is set; `postgres.url` is the stored URL without its password. */
    sql: z.object({
      databasePath: z.string().nullable(),
      postgres: z.object({ url: z.string(), passwordSet: z.boolean() }).nullable(),
      allowWrites: z.boolean(),
      timeoutMs: z.number().int(),
    }),
    /** `apiKeyHint` is `••••abcd` (or `••••` for a short key) when a key is set; the key itself is never returned. */
    search: z.object({ url: z.string().nullable(), apiKeySet: z.boolean(), apiKeyHint: z.string().nullable() }),
    updatedAt: TimestampSchema.nullable(),
  })
  .openapi('ToolsSettings');

export type ToolsSettingsView = z.output<typeof ToolsSettingsSchema>;
