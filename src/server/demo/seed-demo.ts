import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '../../shared/contracts/common.js';
import { invitationExpiresAt } from '../../shared/domain/invitation.js';
import type { Database } from '../db/schema.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { hashToken, newOpaqueToken } from '../modules/auth/sessions.js';

export const DEMO_PASSWORD = 'harbour-lantern-2026';

export interface DemoLogin {
  role: Role;
  name: string;
  email: string;
}

/** Birth dates relative to today, so the demo's age groups stay right whatever year it runs. */
function yearsAgo(now: Date, years: number, dayOffset: number): string {
  const date = new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate() - dayOffset));
  return date.toISOString().slice(0, 10);
}

/**
 * Seeds a small practice so a first `npm start` has something to click through. Runs
 * only on an empty database, so it can never touch real data.
 */
export async function seedDemoPractice(db: Kysely<Database>, now: Date = new Date()): Promise<DemoLogin[] | null> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('practices').select('id').limit(1).executeTakeFirst();
    if (existing) return null;

    const at = now.toISOString();
    const practiceId = randomUUID();
    await trx.insertInto('practices').values({ id: practiceId, name: 'Harbour Street Counselling (demo)', created_at: at }).execute();

    const demoPerson = (role: Role, name: string, email: string) => ({ id: randomUUID(), role, name, email });
    const sam = demoPerson('therapist', 'Dr. Sam Rivera', 'sam@demo.rapport.test');
    const jordan = demoPerson('therapist', 'Jordan Lee', 'jordan@demo.rapport.test');
    const maya = demoPerson('client', 'Maya Chen', 'maya@demo.rapport.test');
    const people = [demoPerson('admin', 'Alex Morgan', 'admin@demo.rapport.test'), sam, jordan, maya, demoPerson('guardian', 'Elena Brooks', 'elena@demo.rapport.test')];
    await trx
      .insertInto('users')
      .values(
        people.map((person) => ({
          id: person.id,
          practice_id: practiceId,
          email: person.email,
          name: person.name,
          role: person.role,
          password_hash: passwordHash,
          totp_secret: null,
          totp_enabled_at: null,
          totp_last_step: null,
          created_at: at,
          updated_at: at,
          disabled_at: null,
        })),
      )
      .execute();
    const client = (name: string, preferredName: string | null, dateOfBirth: string, email: string | null, therapistId: string, userId: string | null) => ({
      id: randomUUID(),
      practice_id: practiceId,
      therapist_id: therapistId,
      user_id: userId,
      name,
      preferred_name: preferredName,
      date_of_birth: dateOfBirth,
      email,
      created_at: at,
      updated_at: at,
    });
    const leo = client('Leo Park', null, yearsAgo(now, 15, 40), 'leo.park@demo.rapport.test', sam.id, null);
    await trx
      .insertInto('clients')
      .values([
        client('Maya Chen', null, yearsAgo(now, 34, 120), maya.email, sam.id, maya.id),
        leo,
        client('Ava Brooks', 'Avie', yearsAgo(now, 9, 200), null, sam.id, null),
        client('Noah Williams', null, yearsAgo(now, 41, 15), 'noah.williams@demo.rapport.test', jordan.id, null),
      ])
      .execute();

    // Leo has been invited but has not set a password yet; the link itself is not kept.
    await trx
      .insertInto('invitations')
      .values({
        id: randomUUID(),
        practice_id: practiceId,
        kind: 'client',
        token_hash: hashToken(newOpaqueToken()),
        email: leo.email!,
        name: leo.name,
        client_id: leo.id,
        invited_by: sam.id,
        created_at: at,
        expires_at: invitationExpiresAt(now).toISOString(),
        accepted_at: null,
        accepted_user_id: null,
        revoked_at: null,
      })
      .execute();

    return people.map(({ role, name, email }) => ({ role, name, email }));
  });
}
