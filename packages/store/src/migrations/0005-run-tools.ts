// The tools a run may offer its model (the person's choice in Test): a JSON array of names, null for every tool of the spec.
import type { Migration } from './migration';

export const runToolsMigration: Migration = {
  version: '0005-run-tools',
  async up(db) {
    await db.schema.alterTable('runs').addColumn('tools', 'text').execute();
  },
};
