import type { Actor } from '../../context.js';
import type { ClientRow } from '../../db/schema.js';
import { signedIn } from '../../policy.js';

export const clientsPolicy = {
  readCaseload: signedIn('therapist'),
  create: signedIn('therapist'),
  read: signedIn('therapist'),
  update: signedIn('therapist'),
  invite: signedIn('therapist'),
};

/**
 * A therapist works with the clients assigned to them in their own practice. Admins run
 * the practice but do not open client records; clients and guardians see their own
 * information through their own pages, never through these routes.
 */
export function canWorkWithClient(actor: Actor, client: Pick<ClientRow, 'practice_id' | 'therapist_id'>): boolean {
  return actor.role === 'therapist' && actor.practiceId === client.practice_id && actor.userId === client.therapist_id;
}
