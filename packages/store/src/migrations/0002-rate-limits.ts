// Rate-limit windows shared by every replica (failed sign-ins per account and per address).
import type { Migration } from './migration';
import { sortableText } from './column-types';

export const rateLimitsMigration: Migration = {
  version: '0002-rate-limits',
  async up(db, kind) {
    const time = sortableText(kind);
    await db.schema
      .createTable('rate_limits')
      .addColumn('key', 'text', (column) => column.primaryKey())
      .addColumn('count', 'integer', (column) => column.notNull())
      .addColumn('started_at', time, (column) => column.notNull())
      .addColumn('ends_at', time, (column) => column.notNull())
      .execute();
    await db.schema.createIndex('rate_limits_ends_idx').on('rate_limits').column('ends_at').execute();
  },
};
