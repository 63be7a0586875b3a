// Builds audit rows from the request: who (user and credential), what, on which target, from where.
import type { JsonObject, NewAuditEntry, UserRecord } from '@agent-generator/contracts';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { actorLabel, type Principal } from '../auth/principal';

export interface AuditFields {
  /** The acting principal, a user acting without one (sign-in), or null for the system. */
  readonly actor: Principal | UserRecord | null;
  readonly action: string;
  readonly targetType?: string;
  readonly targetId?: string;
  /** Never secrets. */
  readonly details?: JsonObject;
}

function isPrincipal(actor: Principal | UserRecord): actor is Principal {
  return 'credential' in actor;
}

export function auditEntry(context: Context<AppEnv>, fields: AuditFields): NewAuditEntry {
  const actor = fields.actor;
  const user = actor === null ? null : isPrincipal(actor) ? actor.user : actor;
  return {
    actorId: user?.id ?? null,
    actorLabel: actor === null ? null : isPrincipal(actor) ? actorLabel(actor) : actor.email,
    action: fields.action,
    targetType: fields.targetType ?? null,
    targetId: fields.targetId ?? null,
    details: fields.details ?? {},
    requestId: context.get('requestId'),
    ipAddress: context.get('clientAddress'),
  };
}
