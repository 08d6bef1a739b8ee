import type { TherapistListItem } from '../../../shared/contracts/practice.js';
import { invitationStateOf } from '../../../shared/domain/invitation.js';
import type { SignedInContext } from '../../context.js';
import { recordAudit } from '../audit/record-audit.js';

/** The practice's therapists with their caseload size, and the invitations still waiting for an answer. */
export async function listTherapists(ctx: SignedInContext): Promise<TherapistListItem[]> {
  const practiceId = ctx.actor.practiceId;
  return ctx.db.transaction().execute(async (trx) => {
    const therapists = await trx
      .selectFrom('users')
      .leftJoin('clients', 'clients.therapist_id', 'users.id')
      .select(({ fn }) => ['users.id', 'users.name', 'users.email', 'users.created_at', fn.count<number>('clients.id').as('clientCount')])
      .where('users.practice_id', '=', practiceId)
      .where('users.role', '=', 'therapist')
      .where('users.disabled_at', 'is', null)
      .groupBy(['users.id', 'users.name', 'users.email', 'users.created_at'])
      .orderBy('users.name')
      .execute();
    const invitations = await trx
      .selectFrom('invitations')
      .select(['id', 'name', 'email', 'created_at', 'expires_at', 'accepted_at', 'revoked_at'])
      .where('practice_id', '=', practiceId)
      .where('kind', '=', 'therapist')
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute();
    await recordAudit(trx, ctx, { action: 'practice.therapists.list', outcome: 'allowed', recordType: 'practice', recordId: practiceId });
    return [
      ...therapists.map((row) => ({
        id: row.id,
        name: row.name,
        email: row.email,
        status: 'active' as const,
        activeClientCount: Number(row.clientCount),
        since: row.created_at,
      })),
      ...invitations.map((row) => ({
        id: row.id,
        name: row.name,
        email: row.email,
        status:
          invitationStateOf({ expiresAt: row.expires_at, acceptedAt: row.accepted_at, revokedAt: row.revoked_at }, ctx.now) === 'pending'
            ? ('invited' as const)
            : ('invitation_expired' as const),
        activeClientCount: 0,
        since: row.created_at,
      })),
    ];
  });
}
