// Chat sessions: one per conversation with an agent (a project) by one user; each message is a run.
import type { ChatSessionId, ChatSessionRecord, ChatSessionRepository, PermissionMode, ProjectId, RunRuntime, UserId } from '@agent-generator/contracts';
import type { Selectable } from 'kysely';
import type { ChatSessionsTable } from './schema';
import { pageWindow, type StoreContext } from './store-context';
import { notFound, uniquely } from './store-errors';

function toSession(row: Selectable<ChatSessionsTable>): ChatSessionRecord {
  return {
    id: row.id as ChatSessionId,
    projectId: row.project_id as ProjectId,
    userId: row.user_id as UserId,
    title: row.title,
    runtime: row.runtime as RunRuntime,
    permissionMode: row.permission_mode as PermissionMode,
    model: row.model_provider !== null && row.model_id !== null ? { provider: row.model_provider, id: row.model_id } : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createChatSessionRepository(context: StoreContext): ChatSessionRepository {
  const { db } = context;
  return {
    async create(session) {
      const now = context.now();
      const row = {
        id: context.newId(),
        project_id: session.projectId,
        user_id: session.userId,
        title: session.title,
        runtime: session.runtime,
        permission_mode: session.permissionMode,
        model_provider: session.model?.provider ?? null,
        model_id: session.model?.id ?? null,
        created_at: now,
        updated_at: now,
      };
      const missing = { entity: 'chat_session', fields: ['projectId', 'userId'], message: 'the chat session names a project or user that does not exist' };
      await uniquely(() => db.insertInto('chat_sessions').values(row).execute(), { ...missing, fields: ['id'], message: 'a chat session with this id exists' }, missing);
      return toSession(row);
    },
    async get(id) {
      const row = await db.selectFrom('chat_sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toSession(row);
    },
    async list(query) {
      const { limit, offset } = pageWindow(query);
      let filtered = db.selectFrom('chat_sessions');
      if (query.userId !== undefined) filtered = filtered.where('user_id', '=', query.userId);
      if (query.projectId !== undefined) filtered = filtered.where('project_id', '=', query.projectId);
      const [rows, count] = await Promise.all([
        filtered.selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
        filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toSession), total: Number(count.total), limit, offset };
    },
    async update(id, patch) {
      const changes: Partial<ChatSessionsTable> = { updated_at: context.now() };
      if (patch.title !== undefined) changes.title = patch.title;
      if (patch.permissionMode !== undefined) changes.permission_mode = patch.permissionMode;
      if (patch.runtime !== undefined) changes.runtime = patch.runtime;
      if (patch.model !== undefined) {
        changes.model_provider = patch.model?.provider ?? null;
        changes.model_id = patch.model?.id ?? null;
      }
      const row = await db.updateTable('chat_sessions').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
      if (row === undefined) throw notFound('chat session', id);
      return toSession(row);
    },
    async touch(id) {
      await db.updateTable('chat_sessions').set({ updated_at: context.now() }).where('id', '=', id).execute();
    },
    async delete(id) {
      await db.deleteFrom('chat_sessions').where('id', '=', id).execute();
    },
  };
}
