/**
 * An invitation is a single-use link that lets a person set their password and join a
 * practice. It is pending until it is accepted, revoked (a newer one replaces it) or
 * past its expiry.
 */
export const DEFAULT_INVITATION_TTL_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export const INVITATION_STATES = ['pending', 'accepted', 'expired', 'revoked'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

export function invitationExpiresAt(issuedAt: Date, ttlDays: number = DEFAULT_INVITATION_TTL_DAYS): Date {
  if (!Number.isFinite(ttlDays) || ttlDays <= 0) throw new RangeError('An invitation must live for a positive number of days.');
  return new Date(issuedAt.getTime() + ttlDays * DAY_MS);
}

export interface InvitationTimes {
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

export function invitationStateOf(invitation: InvitationTimes, now: Date): InvitationState {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  // The expiry instant itself is already too late: "expires at 10:00" means unusable at 10:00.
  if (now.getTime() >= Date.parse(invitation.expiresAt)) return 'expired';
  return 'pending';
}
