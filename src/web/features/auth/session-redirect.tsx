import { Navigate } from 'react-router';
import type { SessionResponse } from '../../../shared/contracts/auth.js';
import { destinationAfterSignIn } from '../../lib/roles.js';

/** Sends a (partly) signed-in person to the next step of signing in, or on to where they were going. */
export function SessionRedirect({ session, from }: { session: SessionResponse; from: string | null }) {
  const state = from ? { from } : undefined;
  if (session.stage === 'mfa_required') return <Navigate to="/sign-in/code" replace state={state} />;
  if (session.stage === 'mfa_enrollment_required') return <Navigate to="/set-up-two-step" replace state={state} />;
  return <Navigate to={destinationAfterSignIn(session.user.role, from)} replace />;
}
