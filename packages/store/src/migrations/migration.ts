// A schema migration: written once, run on both dialects; named `NNNN-title` and applied in that order.
import type { StoreKind } from '@agent-generator/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export interface Migration {
  /** `0001-initial`: the version recorded in `schema_migrations`. Never rename one that shipped. */
  readonly version: string;
  /** Runs inside the migration transaction; use `db.schema` and raw `sql`, not the typed tables, which change later. */
  up(db: Kysely<Database>, kind: StoreKind): Promise<void>;
}
