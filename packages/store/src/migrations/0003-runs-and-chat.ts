// Runs with their event logs, chat sessions and model-provider settings (ADR 0007).
import type { Migration } from './migration';
import { sortableText } from './column-types';

export const runsAndChatMigration: Migration = {
  version: '0003-runs-and-chat',
  async up(db, kind) {
    const time = sortableText(kind);
    const schema = db.schema;

    await schema
      .createTable('chat_sessions')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('project_id', 'text', (column) => column.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
      .addColumn('title', 'text', (column) => column.notNull())
      .addColumn('runtime', 'text', (column) => column.notNull())
      .addColumn('permission_mode', 'text', (column) => column.notNull())
      .addColumn('model_provider', 'text')
      .addColumn('model_id', 'text')
      .addColumn('created_at', time, (column) => column.notNull())
      .addColumn('updated_at', time, (column) => column.notNull())
      .execute();
    await schema.createIndex('chat_sessions_user_idx').on('chat_sessions').columns(['user_id', 'updated_at']).execute();
    await schema.createIndex('chat_sessions_project_idx').on('chat_sessions').columns(['project_id', 'updated_at']).execute();

    await schema
      .createTable('runs')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('project_id', 'text', (column) => column.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('session_id', 'text', (column) => column.references('chat_sessions.id').onDelete('cascade'))
      .addColumn('runtime', 'text', (column) => column.notNull())
      .addColumn('permission_mode', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('input', 'text', (column) => column.notNull())
      .addColumn('output', 'text')
      .addColumn('error', 'text')
      .addColumn('totals', 'text', (column) => column.notNull())
      .addColumn('last_seq', 'integer', (column) => column.notNull())
      .addColumn('cancel_requested', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('model_provider', 'text')
      .addColumn('model_id', 'text')
      .addColumn('created_by', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', time, (column) => column.notNull())
      .addColumn('started_at', time)
      .addColumn('ended_at', time)
      .addColumn('worker_id', 'text')
      .addColumn('lease_until', time)
      .execute();
    await schema.createIndex('runs_queue_idx').on('runs').columns(['status', 'created_at', 'id']).execute();
    await schema.createIndex('runs_created_idx').on('runs').columns(['created_at', 'id']).execute();
    await schema.createIndex('runs_project_idx').on('runs').columns(['project_id', 'created_at']).execute();
    await schema.createIndex('runs_session_idx').on('runs').columns(['session_id', 'created_at']).execute();

    await schema
      .createTable('run_events')
      .addColumn('run_id', 'text', (column) => column.notNull().references('runs.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (column) => column.notNull())
      .addColumn('type', 'text', (column) => column.notNull())
      .addColumn('body', 'text', (column) => column.notNull())
      .addColumn('at', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('run_events_pk', ['run_id', 'seq'])
      .execute();

    await schema
      .createTable('provider_settings')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('enabled', 'integer', (column) => column.notNull())
      .addColumn('base_url', 'text')
      .addColumn('api_key_ciphertext', 'text')
      .addColumn('api_key_hint', 'text')
      .addColumn('default_model', 'text')
      .addColumn('options', 'text', (column) => column.notNull())
      .addColumn('updated_at', time, (column) => column.notNull())
      .execute();
  },
};
