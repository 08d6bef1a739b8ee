import { describe, expect, it } from 'vitest';
import { findPasswordProblem, hashPassword, verifyPassword } from './passwords.js';

describe('password policy', () => {
  it('asks for at least 12 characters', async () => {
    expect(await findPasswordProblem('Xk9#vLq2!m')).toMatch(/at least 12 characters/);
  });

  it('refuses common and easily guessed passwords even when long enough', async () => {
    for (const common of ['password1234', 'iloveyou1234', 'qwertyuiop12', 'aaaaaaaaaaaa', '123456789012']) {
      expect(await findPasswordProblem(common), common).toMatch(/too easy to guess/);
    }
  });

  it("refuses a password built from the person's own name or email", async () => {
    expect(await findPasswordProblem('maria.gonzalez1', ['Maria Gonzalez', 'maria.gonzalez@example.org'])).toMatch(/too easy to guess/);
  });

  it('accepts a long passphrase', async () => {
    expect(await findPasswordProblem('tide harbor lantern violet')).toBeNull();
  });

  it('hashes with argon2id at 19 MiB, two passes, one lane', async () => {
    const stored = await hashPassword('tide harbor lantern violet');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'tide harbor lantern violet')).toBe(true);
    expect(await verifyPassword(stored, 'tide harbor lantern violeT')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});
