import type { ClientHome, GuardianHome } from '../../../shared/contracts/home.js';
import type { SignedInContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { recordAudit } from '../audit/record-audit.js';

/** A client's own start page: who their therapist is and what is waiting for them. */
export async function loadClientHome(ctx: SignedInContext): Promise<ClientHome> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('clients')
      .innerJoin('users as therapist', 'therapist.id', 'clients.therapist_id')
      .innerJoin('practices', 'practices.id', 'clients.practice_id')
      .select(['clients.id', 'clients.name', 'clients.preferred_name', 'therapist.name as therapistName', 'therapist.email as therapistEmail', 'practices.name as practiceName'])
      .where('clients.user_id', '=', ctx.actor.userId)
      .where('clients.practice_id', '=', ctx.actor.practiceId)
      .executeTakeFirst();
    if (!row) throw notFound('client record for this account');
    await recordAudit(trx, ctx, { action: 'client.home.read', outcome: 'allowed', recordType: 'client', recordId: row.id, clientId: row.id });
    return {
      displayName: row.preferred_name ?? row.name,
      practiceName: row.practiceName,
      therapist: { name: row.therapistName, email: row.therapistEmail },
      // Check-ins, goal ratings and measures will appear here as those features arrive.
      due: [],
    };
  });
}

/** A guardian's start page. Linking guardians to children (with consent) is a later feature, so the list starts empty. */
export async function loadGuardianHome(ctx: SignedInContext): Promise<GuardianHome> {
  const row = await ctx.db
    .selectFrom('users')
    .innerJoin('practices', 'practices.id', 'users.practice_id')
    .select(['users.name', 'practices.name as practiceName'])
    .where('users.id', '=', ctx.actor.userId)
    .executeTakeFirstOrThrow();
  return { displayName: row.name, practiceName: row.practiceName, children: [] };
}
