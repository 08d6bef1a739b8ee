import { randomUUID } from 'node:crypto';
import type { ClientAccountStatus, ClientDetail, ClientSummary } from '../../../shared/contracts/clients.js';
import { ageGroupOf, todayIso } from '../../../shared/domain/age-group.js';
import { invitationStateOf } from '../../../shared/domain/invitation.js';
import type { Executor, SignedInContext } from '../../context.js';
import type { ClientRow, InvitationRow } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { canWorkWithClient } from './clients.policy.js';

type OpenInvitation = Pick<InvitationRow, 'client_id' | 'created_at' | 'expires_at' | 'accepted_at' | 'revoked_at'>;

function accountStatusOf(client: Pick<ClientRow, 'user_id'>, invitation: OpenInvitation | undefined, now: Date): ClientAccountStatus {
  if (client.user_id) return 'active';
  if (!invitation) return 'not_invited';
  return invitationStateOf({ expiresAt: invitation.expires_at, acceptedAt: invitation.accepted_at, revokedAt: invitation.revoked_at }, now) === 'pending'
    ? 'invited'
    : 'invitation_expired';
}

/** The newest unrevoked, unaccepted invitation of each client. */
async function latestOpenInvitations(executor: Executor, clientIds: string[]): Promise<Map<string, OpenInvitation>> {
  if (clientIds.length === 0) return new Map();
  const rows = await executor
    .selectFrom('invitations')
    .select(['client_id', 'created_at', 'expires_at', 'accepted_at', 'revoked_at'])
    .where('client_id', 'in', clientIds)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'asc')
    .execute();
  return new Map(rows.map((row) => [row.client_id!, row]));
}

function presentSummary(client: ClientRow, invitation: OpenInvitation | undefined, now: Date): ClientSummary {
  return {
    id: client.id,
    name: client.name,
    preferredName: client.preferred_name,
    ageGroup: ageGroupOf(client.date_of_birth, todayIso(now)),
    accountStatus: accountStatusOf(client, invitation, now),
    createdAt: client.created_at,
  };
}

async function presentDetail(executor: Executor, client: ClientRow, now: Date): Promise<ClientDetail> {
  const therapist = await executor.selectFrom('users').select(['id', 'name']).where('id', '=', client.therapist_id).executeTakeFirstOrThrow();
  const invitation = client.user_id ? undefined : (await latestOpenInvitations(executor, [client.id])).get(client.id);
  return {
    ...presentSummary(client, invitation, now),
    dateOfBirth: client.date_of_birth,
    email: client.email,
    therapist,
    invitation: invitation ? { sentAt: invitation.created_at, expiresAt: invitation.expires_at } : null,
  };
}

/**
 * The record-level check every client route makes before reading clinical data: only the
 * ownership columns are read. A client of another practice or another therapist, and an
 * id that does not exist, all answer the same 404, and the denial is audited.
 */
export async function authorizeClientAccess(ctx: SignedInContext, clientId: string, action: string): Promise<void> {
  const owner = await ctx.db.selectFrom('clients').select(['practice_id', 'therapist_id']).where('id', '=', clientId).executeTakeFirst();
  if (owner && canWorkWithClient(ctx.actor, owner)) return;
  await recordAudit(ctx.db, ctx, {
    action,
    outcome: 'denied',
    recordType: 'client',
    recordId: clientId,
    // Only name the client in this practice's audit trail when it is this practice's client.
    clientId: owner?.practice_id === ctx.actor.practiceId ? clientId : null,
  });
  throw notFound('client');
}

export async function listCaseload(ctx: SignedInContext): Promise<ClientSummary[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const clients = await trx
      .selectFrom('clients')
      .selectAll()
      .where('practice_id', '=', ctx.actor.practiceId)
      .where('therapist_id', '=', ctx.actor.userId)
      .orderBy('name', 'asc')
      .execute();
    const invitations = await latestOpenInvitations(trx, clients.map((client) => client.id));
    // One event per client shown, so a client's audit trail lists every time their name was on screen.
    await recordAudit(
      trx,
      ctx,
      ...clients.map((client) => ({ action: 'client.list', outcome: 'allowed' as const, recordType: 'client', recordId: client.id, clientId: client.id })),
    );
    return clients.map((client) => presentSummary(client, invitations.get(client.id), ctx.now));
  });
}

export async function createClient(
  ctx: SignedInContext,
  input: { name: string; preferredName?: string | null; dateOfBirth: string; email?: string | null },
): Promise<ClientDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now.toISOString();
    const client: ClientRow = {
      id: randomUUID(),
      practice_id: ctx.actor.practiceId,
      therapist_id: ctx.actor.userId,
      user_id: null,
      name: input.name,
      preferred_name: input.preferredName ?? null,
      date_of_birth: input.dateOfBirth,
      email: input.email ?? null,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('clients').values(client).execute();
    await recordAudit(trx, ctx, { action: 'client.create', outcome: 'allowed', recordType: 'client', recordId: client.id, clientId: client.id });
    return presentDetail(trx, client, ctx.now);
  });
}

export async function getClient(ctx: SignedInContext, clientId: string): Promise<ClientDetail> {
  await authorizeClientAccess(ctx, clientId, 'client.read');
  return ctx.db.transaction().execute(async (trx) => {
    const client = await trx.selectFrom('clients').selectAll().where('id', '=', clientId).where('practice_id', '=', ctx.actor.practiceId).executeTakeFirst();
    if (!client) throw notFound('client');
    await recordAudit(trx, ctx, { action: 'client.read', outcome: 'allowed', recordType: 'client', recordId: clientId, clientId });
    return presentDetail(trx, client, ctx.now);
  });
}

export async function updateClient(
  ctx: SignedInContext,
  clientId: string,
  patch: { name?: string; preferredName?: string | null; dateOfBirth?: string; email?: string | null },
): Promise<ClientDetail> {
  await authorizeClientAccess(ctx, clientId, 'client.update');
  return ctx.db.transaction().execute(async (trx) => {
    const changes = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.preferredName !== undefined ? { preferred_name: patch.preferredName } : {}),
      ...(patch.dateOfBirth !== undefined ? { date_of_birth: patch.dateOfBirth } : {}),
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      updated_at: ctx.now.toISOString(),
    };
    const before = await trx.selectFrom('clients').select(['email']).where('id', '=', clientId).executeTakeFirstOrThrow();
    await trx.updateTable('clients').set(changes).where('id', '=', clientId).where('practice_id', '=', ctx.actor.practiceId).execute();
    if (patch.email !== undefined && patch.email !== before.email) {
      // A link already sent to the old address must not stay usable.
      await trx
        .updateTable('invitations')
        .set({ revoked_at: ctx.now.toISOString() })
        .where('client_id', '=', clientId)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .execute();
    }
    const client = await trx.selectFrom('clients').selectAll().where('id', '=', clientId).executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'client.update', outcome: 'allowed', recordType: 'client', recordId: clientId, clientId });
    return presentDetail(trx, client, ctx.now);
  });
}
