import { describe, expect, it } from 'vitest';
import { acceptTotpCode, createTotpSecret, currentTotpCode, totpUri } from './totp.js';

describe('TOTP second factor', () => {
  // RFC 6238 Appendix B: SHA-1 secret "12345678901234567890" at T=59 s gives 94287082 (8 digits);
  // its last six digits are the 6-digit code authenticator apps show.
  const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

  it('matches the RFC 6238 test vector', () => {
    expect(currentTotpCode(rfcSecret, new Date(59_000))).toBe('287082');
  });

  it('accepts the current code and one step of drift, and no further', () => {
    const secret = createTotpSecret();
    const now = new Date('2026-11-26T10:00:15Z');
    expect(acceptTotpCode(secret, currentTotpCode(secret, now), now, null)).not.toBeNull();
    expect(acceptTotpCode(secret, currentTotpCode(secret, new Date(now.getTime() - 30_000)), now, null)).not.toBeNull();
    expect(acceptTotpCode(secret, currentTotpCode(secret, new Date(now.getTime() - 90_000)), now, null)).toBeNull();
  });

  it('refuses a code that was already used', () => {
    const secret = createTotpSecret();
    const now = new Date('2026-11-26T10:00:15Z');
    const code = currentTotpCode(secret, now);
    const step = acceptTotpCode(secret, code, now, null);
    expect(step).not.toBeNull();
    expect(acceptTotpCode(secret, code, now, step)).toBeNull();
  });

  it('names the practice software and the account in the authenticator entry', () => {
    expect(totpUri(createTotpSecret(), 'ana@example.org')).toMatch(/^otpauth:\/\/totp\/Rapport:ana%40example\.org\?issuer=Rapport&secret=[A-Z2-7]+/);
  });
});
