// Model-provider settings over HTTP: what GET /api/providers shows (never a key, only its masked
// hint) and what PUT /api/providers/:id accepts.
import { PROVIDER_KINDS } from '@agent-generator/models';
import { z } from '@hono/zod-openapi';
import { TimestampSchema } from './common.schemas';

const MAX_URL_LENGTH = 2048;

/** http(s) only, no user:password part, no trailing slash. Messages never echo the value. */
export const BaseUrlSchema = z
  .string()
  .trim()
  .max(MAX_URL_LENGTH)
  .refine((value) => URL.canParse(value), { message: 'an absolute URL such as http://127.0.0.1:11434/v1', abort: true })
  .refine((value) => ['http:', 'https:'].includes(new URL(value).protocol), { message: 'an http:// or https:// URL', abort: true })
  .refine((value) => new URL(value).username === '' && new URL(value).password === '', 'a URL without a user name or password in it; put the key in the API key field')
  .transform((value) => value.replace(/\/+$/, ''))
  .openapi({ example: 'http://127.0.0.1:11434/v1' });

const OptionText = z.string().trim().min(1).max(200).regex(/^[^\p{Cc}]*$/u, 'text without control characters');

export const ProviderOptionsSchema = z
  .object({ region: OptionText.nullable(), project: OptionText.nullable(), spaceId: OptionText.nullable(), apiVersion: OptionText.nullable() })
  .partial()
  .strict();

export const PutProviderSchema = z
  .object({
    enabled: z.boolean(),
    baseUrl: BaseUrlSchema.nullable(),
    /** A string sets the key, null clears it, absent keeps the stored one. */
    apiKey: z
      .string()
      .trim()
      .min(1, 'a key of at least one character; send null to remove the key')
      .max(4096)
      .regex(/^[^\s\p{Cc}]+$/u, 'a key without spaces or control characters')
      .nullable(),
    defaultModel: z.string().trim().min(1).max(200).regex(/^[^\s\p{Cc}]+$/u, 'a model id without spaces, such as gpt-4.1-mini').nullable(),
    /** Which API a catalog entry speaks where it has several (Google: `gemini` or `vertex`). */
    kind: z.enum(PROVIDER_KINDS),
    options: ProviderOptionsSchema,
  })
  .partial()
  .strict()
  .openapi('PutProvider');

export const ProviderSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    group: z.enum(['cloud', 'enterprise', 'local']),
    docsUrl: z.string(),
    kind: z.enum(PROVIDER_KINDS),
    /** The kinds this entry can be set to (two for Google). */
    kinds: z.array(z.enum(PROVIDER_KINDS)),
    enabled: z.boolean(),
    baseUrl: z.string().nullable(),
    defaultBaseUrl: z.string().nullable(),
    /** `••••abcd` when a key is stored, else null. The key itself is never returned. */
    apiKeyMasked: z.string().nullable(),
    /** True when the stored key no longer opens (SESSION_SECRET changed): enter it again. */
    keyUnreadable: z.boolean(),
    defaultModel: z.string().nullable(),
    options: z.object({ region: z.string().optional(), project: z.string().optional(), spaceId: z.string().optional(), apiVersion: z.string().optional() }),
    /** `stored`: saved here; `detected`: found running on this machine at start-up; null: neither. */
    source: z.enum(['stored', 'detected']).nullable(),
    detected: z.object({ baseUrl: z.string(), models: z.array(z.string()) }).nullable(),
    /** Model ids the catalog knows for this provider. */
    catalogModels: z.array(z.string()),
    updatedAt: TimestampSchema.nullable(),
  })
  .openapi('Provider');

export const ProviderListSchema = z.object({ items: z.array(ProviderSchema) }).openapi('ProviderList');

export const ConnectionResultSchema = z
  .object({ ok: z.boolean(), latencyMs: z.number(), message: z.string(), code: z.string().optional() })
  .openapi('ProviderConnectionResult');

export const ModelListingSchema = z
  .object({ offered: z.boolean(), reachable: z.boolean().optional(), models: z.array(z.object({ id: z.string(), label: z.string().optional() })), message: z.string().optional() })
  .openapi('ProviderModelListing');

export const ProviderIdParamsSchema = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });
