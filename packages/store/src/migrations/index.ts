// Every schema migration in the order it is applied. Adding runs or chat sessions: one new file, one line here.
import { initialMigration } from './0001-initial';
import type { Migration } from './migration';

export const MIGRATIONS: ReadonlyArray<Migration> = [initialMigration];
export type { Migration } from './migration';
