import { describe, expect, it } from 'vitest';
import { invitationExpiresAt, invitationStateOf } from './invitation.js';

describe('invitation expiry', () => {
  const issued = new Date('2026-11-26T09:30:00.000Z');

  it('expires seven days after it is issued unless configured otherwise', () => {
    expect(invitationExpiresAt(issued).toISOString()).toBe('2026-12-03T09:30:00.000Z');
    expect(invitationExpiresAt(issued, 2).toISOString()).toBe('2026-11-28T09:30:00.000Z');
    expect(() => invitationExpiresAt(issued, 0)).toThrow(RangeError);
  });

  it('is pending until the expiry instant and expired from it on', () => {
    const invitation = { expiresAt: '2026-12-03T09:30:00.000Z', acceptedAt: null, revokedAt: null };
    expect(invitationStateOf(invitation, new Date('2026-12-03T09:29:59.999Z'))).toBe('pending');
    expect(invitationStateOf(invitation, new Date('2026-12-03T09:30:00.000Z'))).toBe('expired');
  });

  it('stays accepted or revoked whatever the clock says', () => {
    const later = new Date('2027-01-01T00:00:00.000Z');
    expect(invitationStateOf({ expiresAt: '2026-12-03T09:30:00.000Z', acceptedAt: '2026-11-27T10:00:00.000Z', revokedAt: null }, later)).toBe('accepted');
    expect(invitationStateOf({ expiresAt: '2026-12-03T09:30:00.000Z', acceptedAt: null, revokedAt: '2026-11-27T10:00:00.000Z' }, later)).toBe('revoked');
  });
});
