// Turns driver errors into the contract's taxonomy: conflicts and missing rows for users, outages as operational.
import { OperationalError, UserError } from '@agent-generator/contracts';

/** A write broke a uniqueness or reference rule; `details` names the entity and fields. */
export class StoreConflictError extends UserError {
  constructor(message: string, details: { readonly entity: string; readonly fields: ReadonlyArray<string> }) {
    super('conflict', message, details);
  }
}

export function notFound(entity: string, id: string): UserError {
  return new UserError('not_found', `${entity} ${id} does not exist`, { entity, id });
}

function codeOf(error: unknown): string {
  if (typeof error !== 'object' || error === null || !('code' in error)) return '';
  return typeof error.code === 'string' ? error.code : '';
}

export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function isForeignKeyViolation(error: unknown): boolean {
  const code = codeOf(error);
  // SQLite reports `on delete restrict` through its trigger machinery.
  const restricted = code === 'SQLITE_CONSTRAINT_TRIGGER' && error instanceof Error && error.message.includes('FOREIGN KEY');
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || restricted;
}

const TRANSIENT_SQLITE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|CORRUPT|NOTADB|PROTOCOL)/;
const TRANSIENT_POSTGRES = /^(08|53|57P|58)/;
const TRANSIENT_NODE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE', 'EAI_AGAIN']);

function isTransient(error: unknown): boolean {
  const code = codeOf(error);
  if (TRANSIENT_SQLITE.test(code) || TRANSIENT_POSTGRES.test(code) || TRANSIENT_NODE.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|database connection is not open|Cannot use a pool after calling end/i.test(message);
}

/** Our own errors pass through; an unreachable or failing database becomes `unavailable`; bugs stay as they are. */
export function translateError(error: unknown): unknown {
  if (error instanceof UserError || error instanceof OperationalError) return error;
  if (isTransient(error)) {
    const reason = error instanceof Error ? error.message : String(error);
    return new OperationalError('unavailable', `the database is unavailable: ${reason}`, { cause: codeOf(error) || 'unknown' });
  }
  return error;
}

export interface ConflictDescription {
  readonly entity: string;
  readonly fields: ReadonlyArray<string>;
  readonly message: string;
}

/**
 * Runs a write, turning a uniqueness violation into the `taken` conflict and, when given, a
 * foreign-key violation into the `missing` one (the row it points at does not exist).
 */
export async function uniquely<Result>(write: () => Promise<Result>, taken: ConflictDescription, missing?: ConflictDescription): Promise<Result> {
  try {
    return await write();
  } catch (error) {
    const conflict = isUniqueViolation(error) ? taken : missing !== undefined && isForeignKeyViolation(error) ? missing : undefined;
    if (conflict) throw new StoreConflictError(conflict.message, { entity: conflict.entity, fields: conflict.fields });
    throw error;
  }
}
