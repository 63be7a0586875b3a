// Shapes shared by several routes: ids in paths, paging, timestamps, free text.
import { textField } from '@agent-generator/contracts';
import { z } from '@hono/zod-openapi';

export const IdParamsSchema = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });

export const TimestampSchema = z.string().openapi({ format: 'date-time', example: '2025-01-02T03:04:05.678Z' });

/** Query-string paging: `limit` 1–500 (default 50), `offset` ≥ 0. */
export const PagingQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000_000).optional(),
});

/** A search term: cleaned of control characters, at most 200 characters. */
export const SearchSchema = textField(200).optional();

export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
}

export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, 'an email address such as ada@example.com')
  .openapi({ example: 'ada@example.com' });

export const NameSchema = textField(120)
  .pipe(z.string().trim().min(1, 'a name of 1–120 characters'))
  .openapi({ example: 'Ada Lovelace' });

export const JsonObjectSchema = z.record(z.string(), z.unknown());
