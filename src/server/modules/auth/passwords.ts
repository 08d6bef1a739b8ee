import { hash, verify, type Options } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEnglish from '@zxcvbn-ts/language-en';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../shared/contracts/auth.js';

/** OWASP's first recommended argon2id setting: 19 MiB, 2 passes, 1 lane. */
const ARGON2ID: Options = {
  algorithm: 2 as Options['algorithm'], // Algorithm.Argon2id; the package exports it as a const enum
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash is a failed sign-in, not a crash
  }
}

// Verified against when no account matches, so an unknown email costs as long as a wrong password.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('decoy password that no account uses');
  return decoyHash;
}

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEnglish.dictionary },
  graphs: zxcvbnCommon.adjacencyGraphs,
  translations: zxcvbnEnglish.translations,
});

/** zxcvbn score 3 means roughly 10^8 guesses: safe from online guessing and slow offline. */
const MINIMUM_STRENGTH_SCORE = 3;

/**
 * NIST SP 800-63B rules: long enough, not too long to hash, and not a common or
 * easily guessed password (zxcvbn knows ~40,000 leaked passwords, names and words, and
 * treats the person's own name and email as guessable).
 * Returns the problem in plain words, or null when the password is acceptable.
 */
export async function findPasswordProblem(password: string, personalWords: string[] = []): Promise<string | null> {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const words = personalWords
    .map((word) => word.toLowerCase().trim())
    // "maria.gonzalez@x.org" and "Maria Gonzalez" also guard "maria.gonzalez", "mariagonzalez" and each part.
    .flatMap((word) => [word, word.split('@')[0]!, word.replace(/[^a-z0-9]/g, ''), ...word.split(/[\s@.]+/)])
    .filter((word) => word.length >= 3);
  const result = await zxcvbn.check(password, [...words, 'rapport']);
  if (result.score >= MINIMUM_STRENGTH_SCORE) return null;
  const warning = result.feedback.warning ? `${result.feedback.warning} ` : '';
  return `${warning}This password is too easy to guess. Try a few unrelated words or a longer phrase.`.trim();
}
