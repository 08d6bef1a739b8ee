import type { AuditEvent, AuditFilters, AuditPage } from '../../../shared/contracts/audit.js';
import type { SignedInContext } from '../../context.js';
import { invalidField } from '../../errors.js';
import { recordAudit } from './record-audit.js';

interface Cursor {
  at: string;
  id: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(value: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof parsed.at === 'string' && typeof parsed.id === 'string' && !Number.isNaN(Date.parse(parsed.at))) return { at: parsed.at, id: parsed.id };
  } catch {
    // fall through to the field error
  }
  throw invalidField('cursor', 'That page cursor is not valid.');
}

function dayAfter(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00.000Z`) + 86_400_000).toISOString();
}

/** Newest first, a page at a time, filtered by person, client and a range of UTC days. */
export async function listAuditEvents(
  ctx: SignedInContext,
  query: { actorId?: string; clientId?: string; from?: string; to?: string; cursor?: string; limit: number },
): Promise<AuditPage> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  return ctx.db.transaction().execute(async (trx) => {
    let select = trx
      .selectFrom('audit_events as e')
      .leftJoin('users as actor', 'actor.id', 'e.actor_user_id')
      .leftJoin('clients as client', (join) => join.onRef('client.id', '=', 'e.client_id').on('client.practice_id', '=', ctx.actor.practiceId))
      .select([
        'e.id',
        'e.at',
        'e.actor_user_id',
        'e.actor_role',
        'actor.name as actor_name',
        'e.action',
        'e.record_type',
        'e.record_id',
        'e.client_id',
        'client.name as client_name',
        'e.outcome',
        'e.request_id',
      ])
      .where('e.practice_id', '=', ctx.actor.practiceId);
    if (query.actorId) select = select.where('e.actor_user_id', '=', query.actorId);
    if (query.clientId) select = select.where('e.client_id', '=', query.clientId);
    if (query.from) select = select.where('e.at', '>=', `${query.from}T00:00:00.000Z`);
    if (query.to) select = select.where('e.at', '<', dayAfter(query.to));
    if (cursor) {
      select = select.where((eb) => eb.or([eb('e.at', '<', cursor.at), eb.and([eb('e.at', '=', cursor.at), eb('e.id', '<', cursor.id)])]));
    }
    const rows = await select.orderBy('e.at', 'desc').orderBy('e.id', 'desc').limit(query.limit + 1).execute();
    await recordAudit(trx, ctx, { action: 'audit.list', outcome: 'allowed', recordType: 'audit_events', clientId: query.clientId ?? null });

    const page = rows.slice(0, query.limit);
    const events: AuditEvent[] = page.map((row) => ({
      id: row.id,
      at: row.at,
      actor: row.actor_user_id && row.actor_role ? { id: row.actor_user_id, name: row.actor_name ?? 'Former account', role: row.actor_role } : null,
      action: row.action,
      recordType: row.record_type,
      recordId: row.record_id,
      client: row.client_id && row.client_name ? { id: row.client_id, name: row.client_name } : null,
      outcome: row.outcome,
      requestId: row.request_id,
    }));
    const last = page.at(-1);
    return { events, nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.at, id: last.id }) : null };
  });
}

/** The people and clients an admin can filter the audit log by. */
export async function listAuditFilters(ctx: SignedInContext): Promise<AuditFilters> {
  return ctx.db.transaction().execute(async (trx) => {
    const people = await trx
      .selectFrom('users')
      .select(['id', 'name', 'role'])
      .where('practice_id', '=', ctx.actor.practiceId)
      .orderBy('name')
      .execute();
    const clients = await trx.selectFrom('clients').select(['id', 'name']).where('practice_id', '=', ctx.actor.practiceId).orderBy('name').execute();
    await recordAudit(trx, ctx, { action: 'audit.filters', outcome: 'allowed', recordType: 'practice', recordId: ctx.actor.practiceId });
    return { people, clients };
  });
}
