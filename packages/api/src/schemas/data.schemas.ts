// Answers of the data-controls routes: storage figures counted by the database.
import { z } from '@hono/zod-openapi';

export const StorageUsageSchema = z
  .object({
    databaseKind: z.enum(['sqlite', 'postgres']),
    projects: z.number().int(),
    versions: z.number().int(),
    files: z.number().int().openapi({ description: 'Files across every version of every project.' }),
    auditEntries: z.number().int(),
    fileBytes: z.number().int().openapi({ description: 'UTF-8 bytes of every version’s files, as downloads carry them.' }),
    storedFileBytes: z.number().int().openapi({ description: 'Bytes of file content stored; identical contents are kept once.' }),
    databaseBytes: z.number().int().openapi({ description: 'Size of the whole database (SQLite pages or pg_database_size).' }),
  })
  .openapi('StorageUsage');
