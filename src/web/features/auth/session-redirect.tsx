import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { SessionResponse, SessionStage } from '../../../shared/contracts/auth.js';
import { useSession } from '../../api/session.js';
import { Page } from '../../components/Page.js';
import { ErrorState, PageLoader } from '../../components/PageStatus.js';
import { destinationAfterSignIn, requestedPathFrom } from '../../lib/roles.js';

/** Sends a (partly) signed-in person to the next step of signing in, or on to where they were going. */
export function SessionRedirect({ session, from }: { session: SessionResponse; from: string | null }) {
  const state = from ? { from } : undefined;
  if (session.stage === 'mfa_required') return <Navigate to="/sign-in/code" replace state={state} />;
  if (session.stage === 'mfa_enrollment_required') return <Navigate to="/set-up-two-step" replace state={state} />;
  return <Navigate to={destinationAfterSignIn(session.user.role, from)} replace />;
}

interface SignInStepProps {
  title: string;
  /** The stage this page serves; a session at any other stage is sent where it belongs. */
  stage: SessionStage;
  /** A page-specific destination for a session at another stage, checked before the usual one. */
  elsewhere?: (session: SessionResponse) => string | null;
  children: ReactNode;
}

/** A page for one step of signing in: waits for the session, then shows the step only to someone at it. */
export function SignInStep({ title, stage, elsewhere, children }: SignInStepProps) {
  const location = useLocation();
  const from = requestedPathFrom(location.state);
  const session = useSession();

  if (session.isPending || session.isError) {
    return (
      <Page title={title}>
        {session.isPending ? <PageLoader /> : <ErrorState error={session.error} onRetry={() => void session.refetch()} />}
      </Page>
    );
  }
  if (!session.data) return <Navigate to="/sign-in" replace state={from ? { from } : undefined} />;
  if (session.data.stage !== stage) {
    const other = elsewhere?.(session.data);
    return other ? <Navigate to={other} replace /> : <SessionRedirect session={session.data} from={from} />;
  }
  return <>{children}</>;
}
