import type { Role } from '../../../shared/contracts/common.js';
import type { AppConfig } from '../../config.js';
import { ALL_ROLES, publicRoute, signedIn, signingIn } from '../../policy.js';

export const authPolicy = {
  signIn: publicRoute('anyone may try to sign in; rate-limited per address and per account'),
  secondFactor: signingIn(['mfa_required']),
  readSession: signingIn(['active', 'mfa_required', 'mfa_enrollment_required']),
  signOut: signingIn(['active', 'mfa_required', 'mfa_enrollment_required']),
  setUpTotp: signingIn(['active', 'mfa_enrollment_required']),
  turnOffTotp: signedIn(...ALL_ROLES),
};

/** Staff accounts can open every client record of theirs, so production insists on a second factor for them. */
export function isSecondFactorRequired(role: Role, config: Pick<AppConfig, 'mfaRequired'>): boolean {
  return config.mfaRequired && (role === 'therapist' || role === 'admin');
}
