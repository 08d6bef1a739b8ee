import { randomUUID } from 'node:crypto';
import type { AuditOutcome } from '../../../shared/contracts/audit.js';
import type { Role } from '../../../shared/contracts/common.js';
import type { Executor, ServiceContext } from '../../context.js';

export interface AuditEntry {
  action: string;
  outcome: AuditOutcome;
  recordType?: string | null;
  recordId?: string | null;
  clientId?: string | null;
  /** Defaults to the actor's practice; set it when an anonymous request concerns a known practice. */
  practiceId?: string | null;
  /** Default to the signed-in actor; set them when the request names the person another way (sign-in). */
  actorUserId?: string | null;
  actorRole?: Role | null;
}

type AuditContext = Pick<ServiceContext, 'actor' | 'requestId' | 'now'>;

/**
 * Writes audit events. Pass the transaction that makes the change (or reads the record)
 * so the events and the access commit or roll back together.
 */
export async function recordAudit(executor: Executor, ctx: AuditContext, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const at = ctx.now.toISOString();
  await executor
    .insertInto('audit_events')
    .values(
      entries.map((entry) => ({
        id: randomUUID(),
        practice_id: entry.practiceId !== undefined ? entry.practiceId : (ctx.actor?.practiceId ?? null),
        actor_user_id: entry.actorUserId !== undefined ? entry.actorUserId : (ctx.actor?.userId ?? null),
        actor_role: entry.actorRole !== undefined ? entry.actorRole : (ctx.actor?.role ?? null),
        action: entry.action,
        record_type: entry.recordType ?? null,
        record_id: entry.recordId ?? null,
        client_id: entry.clientId ?? null,
        outcome: entry.outcome,
        request_id: ctx.requestId,
        at,
      })),
    )
    .execute();
}
