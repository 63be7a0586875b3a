// The first schema: accounts, sessions, tokens, projects with versions and files, settings, audit log.
import type { Migration } from './migration';
import { bytes, sequenceKey, sortableText } from './column-types';

export const initialMigration: Migration = {
  version: '0001-initial',
  async up(db, kind) {
    const time = sortableText(kind);
    const schema = db.schema;

    await schema
      .createTable('users')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('email', 'text', (column) => column.notNull())
      .addColumn('email_key', 'text', (column) => column.notNull().unique())
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('name_key', 'text', (column) => column.notNull())
      .addColumn('role', 'text', (column) => column.notNull())
      .addColumn('password_hash', 'text')
      .addColumn('disabled', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('created_at', time, (column) => column.notNull())
      .addColumn('updated_at', time, (column) => column.notNull())
      .execute();

    await schema
      .createTable('identities')
      .addColumn('provider', 'text', (column) => column.notNull())
      .addColumn('subject', 'text', (column) => column.notNull())
      .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
      .addColumn('email', 'text')
      .addColumn('created_at', time, (column) => column.notNull())
      .addPrimaryKeyConstraint('identities_pk', ['provider', 'subject'])
      .execute();
    await schema.createIndex('identities_user_idx').on('identities').column('user_id').execute();

    await schema
      .createTable('sessions')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
      .addColumn('csrf_secret', 'text', (column) => column.notNull())
      .addColumn('created_at', time, (column) => column.notNull())
      .addColumn('expires_at', time, (column) => column.notNull())
      .addColumn('last_seen_at', time, (column) => column.notNull())
      .addColumn('revoked_at', time)
      .addColumn('user_agent', 'text')
      .addColumn('ip_address', 'text')
      .execute();
    await schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

    await schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('prefix', 'text', (column) => column.notNull())
      .addColumn('token_hash', 'text', (column) => column.notNull().unique())
      .addColumn('scopes', 'text', (column) => column.notNull())
      .addColumn('created_at', time, (column) => column.notNull())
      .addColumn('last_used_at', time)
      .addColumn('expires_at', time)
      .addColumn('revoked_at', time)
      .execute();
    await schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();

    await schema
      .createTable('projects')
      .addColumn('id', 'text', (column) => column.primaryKey())
      // restrict: deleting a user who still owns projects is refused, never silently cascaded.
      .addColumn('owner_id', 'text', (column) => column.notNull().references('users.id').onDelete('restrict'))
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('name_key', sortableText(kind), (column) => column.notNull())
      .addColumn('slug', 'text', (column) => column.notNull())
      .addColumn('framework', 'text', (column) => column.notNull())
      .addColumn('pattern', 'text', (column) => column.notNull())
      .addColumn('idea', 'text', (column) => column.notNull())
      .addColumn('search_text', 'text', (column) => column.notNull())
      .addColumn('latest_version', 'integer', (column) => column.notNull())
      .addColumn('created_at', time, (column) => column.notNull())
      .addColumn('updated_at', time, (column) => column.notNull())
      .execute();
    await schema.createIndex('projects_owner_idx').on('projects').column('owner_id').execute();
    await schema.createIndex('projects_updated_idx').on('projects').columns(['updated_at', 'id']).execute();
    await schema.createIndex('projects_created_idx').on('projects').columns(['created_at', 'id']).execute();
    await schema.createIndex('projects_name_idx').on('projects').columns(['name_key', 'id']).execute();
    await schema.createIndex('projects_framework_idx').on('projects').column('framework').execute();

    await schema
      .createTable('project_versions')
      .addColumn('project_id', 'text', (column) => column.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('version', 'integer', (column) => column.notNull())
      .addColumn('spec', 'text', (column) => column.notNull())
      .addColumn('renderer_version', 'text', (column) => column.notNull())
      .addColumn('diagnostics', 'text', (column) => column.notNull())
      .addColumn('created_by', 'text', (column) => column.references('users.id').onDelete('set null'))
      .addColumn('created_at', time, (column) => column.notNull())
      .addPrimaryKeyConstraint('project_versions_pk', ['project_id', 'version'])
      .execute();

    // Contents are stored once per distinct sha256; versions point at them.
    await schema
      .createTable('file_blobs')
      .addColumn('sha256', 'text', (column) => column.primaryKey())
      .addColumn('bytes', 'integer', (column) => column.notNull())
      .addColumn('content', bytes(kind), (column) => column.notNull())
      .execute();

    await schema
      .createTable('project_files')
      .addColumn('project_id', 'text', (column) => column.notNull())
      .addColumn('version', 'integer', (column) => column.notNull())
      .addColumn('path', sortableText(kind), (column) => column.notNull())
      .addColumn('sha256', 'text', (column) => column.notNull().references('file_blobs.sha256'))
      .addColumn('executable', 'integer', (column) => column.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('project_files_pk', ['project_id', 'version', 'path'])
      .addForeignKeyConstraint('project_files_version_fk', ['project_id', 'version'], 'project_versions', ['project_id', 'version'], (constraint) =>
        constraint.onDelete('cascade'),
      )
      .execute();
    await schema.createIndex('project_files_blob_idx').on('project_files').column('sha256').execute();

    await schema
      .createTable('settings')
      .addColumn('scope', 'text', (column) => column.primaryKey())
      .addColumn('value', 'text', (column) => column.notNull())
      .addColumn('updated_at', time, (column) => column.notNull())
      .execute();

    const seq = sequenceKey(kind);
    await schema
      .createTable('audit_log')
      .addColumn('seq', seq.type, seq.build)
      .addColumn('id', 'text', (column) => column.notNull().unique())
      .addColumn('at', time, (column) => column.notNull())
      // No foreign key: the trail outlives the users it mentions.
      .addColumn('actor_id', 'text')
      .addColumn('actor_label', 'text')
      .addColumn('action', 'text', (column) => column.notNull())
      .addColumn('target_type', 'text')
      .addColumn('target_id', 'text')
      .addColumn('details', 'text', (column) => column.notNull())
      .addColumn('request_id', 'text')
      .addColumn('ip_address', 'text')
      .execute();
    await schema.createIndex('audit_log_at_idx').on('audit_log').columns(['at', 'seq']).execute();
    await schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'at']).execute();
    await schema.createIndex('audit_log_action_idx').on('audit_log').columns(['action', 'at']).execute();
  },
};
