// Every schema migration in the order it is applied. Adding runs or chat sessions: one new file, one line here.
import { initialMigration } from './0001-initial';
import { rateLimitsMigration } from './0002-rate-limits';
import { runsAndChatMigration } from './0003-runs-and-chat';
import { runToolsMigration } from './0005-run-tools';
import type { Migration } from './migration';

export const MIGRATIONS: ReadonlyArray<Migration> = [initialMigration, rateLimitsMigration, runsAndChatMigration, runToolsMigration];
export type { Migration } from './migration';
