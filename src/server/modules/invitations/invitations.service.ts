import { randomUUID } from 'node:crypto';
import type { InvitationDetails, InvitationIssued } from '../../../shared/contracts/invitations.js';
import type { SessionResponse } from '../../../shared/contracts/auth.js';
import { invitationExpiresAt, invitationStateOf } from '../../../shared/domain/invitation.js';
import type { AppDeps } from '../../app-deps.js';
import type { Executor, ServiceContext, SignedInContext } from '../../context.js';
import type { InvitationRow, UserRow } from '../../db/schema.js';
import { AppError, conflict, invalidField } from '../../errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { describeSession, stageAfterPassword } from '../auth/auth.service.js';
import { findPasswordProblem, hashPassword } from '../auth/passwords.js';
import { createSession, endSession, hashToken, newOpaqueToken, type NewSession } from '../auth/sessions.js';
import { authorizeClientAccess } from '../clients/clients.service.js';

export function invitationLink(publicUrl: string, token: string): string {
  // In the fragment, the token never reaches a server log, a proxy or a Referer header.
  return `${publicUrl}/accept-invitation#token=${token}`;
}

async function assertEmailFree(executor: Executor, email: string): Promise<void> {
  const existing = await executor.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) throw new AppError('CONFLICT', 'That email address already belongs to a Rapport account.', [{ path: 'email', message: 'This email already has an account.' }]);
}

interface NewInvitation {
  kind: InvitationRow['kind'];
  email: string;
  name: string;
  clientId: string | null;
}

/** Stores a new invitation (only the token's hash) and revokes the earlier open ones it replaces. */
async function storeInvitation(trx: Executor, deps: AppDeps, ctx: SignedInContext, input: NewInvitation): Promise<{ token: string; row: InvitationRow }> {
  const replaced = trx
    .updateTable('invitations')
    .set({ revoked_at: ctx.now.toISOString() })
    .where('practice_id', '=', ctx.actor.practiceId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null);
  await (input.clientId ? replaced.where('client_id', '=', input.clientId) : replaced.where('kind', '=', input.kind).where('email', '=', input.email)).execute();

  const token = newOpaqueToken();
  const row: InvitationRow = {
    id: randomUUID(),
    practice_id: ctx.actor.practiceId,
    kind: input.kind,
    token_hash: hashToken(token),
    email: input.email,
    name: input.name,
    client_id: input.clientId,
    invited_by: ctx.actor.userId,
    created_at: ctx.now.toISOString(),
    expires_at: invitationExpiresAt(ctx.now, deps.config.invitationTtlDays).toISOString(),
    accepted_at: null,
    accepted_user_id: null,
    revoked_at: null,
  };
  await trx.insertInto('invitations').values(row).execute();
  await recordAudit(trx, ctx, { action: 'invitation.create', outcome: 'allowed', recordType: 'invitation', recordId: row.id, clientId: input.clientId });
  return { token, row };
}

/** Emails the link when a mail server is configured; otherwise (or if sending fails) hands it to the inviter to pass on. */
async function deliverInvitation(deps: AppDeps, ctx: ServiceContext, invitation: InvitationRow, token: string, practiceName: string): Promise<InvitationIssued> {
  const link = invitationLink(deps.config.publicUrl, token);
  const base = { invitationId: invitation.id, email: invitation.email, expiresAt: invitation.expires_at };
  if (!deps.mailer) return { ...base, delivery: 'link', link };
  const expires = new Date(invitation.expires_at).toUTCString();
  try {
    await deps.mailer.send({
      to: invitation.email,
      subject: `Your invitation to ${practiceName} on Rapport`,
      text:
        `Hello ${invitation.name},\n\n${practiceName} has invited you to set up your Rapport account.\n\n` +
        `Open this link to choose your password:\n${link}\n\nThe link works once and expires on ${expires}.\n` +
        `If you were not expecting this email, you can ignore it.\n`,
    });
    return { ...base, delivery: 'email' };
  } catch (error) {
    // The invitation stands; the inviter gets the link to pass on instead of a silent failure.
    ctx.log.error({ err: error, invitationId: invitation.id }, 'sending the invitation email failed');
    return { ...base, delivery: 'link', link, emailFailed: true };
  }
}

async function practiceNameOf(executor: Executor, practiceId: string): Promise<string> {
  const practice = await executor.selectFrom('practices').select('name').where('id', '=', practiceId).executeTakeFirstOrThrow();
  return practice.name;
}

export async function issueClientInvitation(deps: AppDeps, ctx: SignedInContext, clientId: string): Promise<InvitationIssued> {
  await authorizeClientAccess(ctx, clientId, 'invitation.create');
  const { token, row, practiceName } = await ctx.db.transaction().execute(async (trx) => {
    const client = await trx.selectFrom('clients').select(['name', 'preferred_name', 'email', 'user_id']).where('id', '=', clientId).executeTakeFirstOrThrow();
    if (client.user_id) throw conflict('This client already has an account.');
    if (!client.email) throw invalidField('email', "Add the client's email address before inviting them.");
    await assertEmailFree(trx, client.email);
    const stored = await storeInvitation(trx, deps, ctx, { kind: 'client', email: client.email, name: client.preferred_name ?? client.name, clientId });
    return { ...stored, practiceName: await practiceNameOf(trx, ctx.actor.practiceId) };
  });
  return deliverInvitation(deps, ctx, row, token, practiceName);
}

export async function issueTherapistInvitation(deps: AppDeps, ctx: SignedInContext, input: { name: string; email: string }): Promise<InvitationIssued> {
  const { token, row, practiceName } = await ctx.db.transaction().execute(async (trx) => {
    await assertEmailFree(trx, input.email);
    const stored = await storeInvitation(trx, deps, ctx, { kind: 'therapist', email: input.email, name: input.name, clientId: null });
    return { ...stored, practiceName: await practiceNameOf(trx, ctx.actor.practiceId) };
  });
  return deliverInvitation(deps, ctx, row, token, practiceName);
}

/** Finds the invitation a token names and says plainly why it cannot be used, if it cannot. */
async function findUsableInvitation(executor: Executor, token: string, now: Date): Promise<InvitationRow> {
  const invitation = await executor.selectFrom('invitations').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!invitation) throw new AppError('NOT_FOUND', 'This invitation link is not valid. Check that you copied all of it, or ask for a new one.');
  const state = invitationStateOf({ expiresAt: invitation.expires_at, acceptedAt: invitation.accepted_at, revokedAt: invitation.revoked_at }, now);
  if (state === 'accepted') throw new AppError('NOT_FOUND', 'This invitation has already been used. Sign in with the password you chose.');
  if (state === 'revoked') throw new AppError('NOT_FOUND', 'This invitation was replaced by a newer one. Use the most recent link you were sent.');
  if (state === 'expired') throw new AppError('NOT_FOUND', 'This invitation has expired. Ask for a new one.');
  return invitation;
}

export async function lookUpInvitation(ctx: ServiceContext, token: string): Promise<InvitationDetails> {
  const invitation = await findUsableInvitation(ctx.db, token, ctx.now);
  return {
    kind: invitation.kind,
    name: invitation.name,
    email: invitation.email,
    practiceName: await practiceNameOf(ctx.db, invitation.practice_id),
    expiresAt: invitation.expires_at,
  };
}

/**
 * Turns an invitation into an account: sets the password, links a client's record to
 * their new account, and signs them in, all in one transaction with its audit event.
 */
export async function acceptInvitation(
  deps: AppDeps,
  ctx: ServiceContext,
  input: { token: string; password: string; userAgent: string | null },
): Promise<{ created: NewSession; view: SessionResponse }> {
  // Checked once before hashing (slow, so kept out of the transaction) and again inside it,
  // where the single-use claim below settles any race.
  const preview = await findUsableInvitation(ctx.db, input.token, ctx.now);
  const problem = await findPasswordProblem(input.password, [preview.name, preview.email]);
  if (problem) throw invalidField('password', problem);
  const passwordHash = await hashPassword(input.password);

  return ctx.db.transaction().execute(async (trx) => {
    const invitation = await findUsableInvitation(trx, input.token, ctx.now);
    await assertEmailFree(trx, invitation.email);
    const now = ctx.now.toISOString();
    const user: UserRow = {
      id: randomUUID(),
      practice_id: invitation.practice_id,
      email: invitation.email,
      name: invitation.name,
      role: invitation.kind === 'client' ? 'client' : 'therapist',
      password_hash: passwordHash,
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      created_at: now,
      updated_at: now,
      disabled_at: null,
    };
    if (invitation.client_id) {
      const client = await trx.selectFrom('clients').select(['name', 'user_id']).where('id', '=', invitation.client_id).executeTakeFirstOrThrow();
      if (client.user_id) throw conflict('This client already has an account.');
      user.name = client.name;
    }
    await trx.insertInto('users').values(user).execute();
    // Single use, even against two simultaneous clicks: only one update finds it still open.
    const claimed = await trx
      .updateTable('invitations')
      .set({ accepted_at: now, accepted_user_id: user.id })
      .where('id', '=', invitation.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw conflict('This invitation has already been used.');
    if (invitation.client_id) {
      await trx.updateTable('clients').set({ user_id: user.id, updated_at: now }).where('id', '=', invitation.client_id).execute();
    }
    // Whoever was signed in on this browser before is signed out: the new account's session replaces theirs.
    if (ctx.actor) await endSession(trx, ctx.actor.sessionId);
    const created = await createSession(trx, { user, stage: stageAfterPassword(user, deps.config), now: ctx.now, ip: ctx.ip, userAgent: input.userAgent, limits: deps.config.limits });
    const actorCtx = { ...ctx, actor: { userId: user.id, role: user.role, practiceId: user.practice_id, sessionId: created.session.id, stage: created.session.stage } };
    await recordAudit(trx, actorCtx, { action: 'invitation.accept', outcome: 'allowed', recordType: 'invitation', recordId: invitation.id, clientId: invitation.client_id });
    return { created, view: await describeSession(trx, created.session, deps.config) };
  });
}
