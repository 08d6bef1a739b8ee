import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { applySession, useSession } from '../../api/session.js';
import { Page } from '../../components/Page.js';
import { ErrorState, PageLoader } from '../../components/PageStatus.js';
import { requestedPathFrom } from '../../lib/roles.js';
import { SessionRedirect } from './session-redirect.js';
import { TotpSetup } from './TotpSetup.js';

/** /set-up-two-step: accounts that must use two-step sign-in set it up before anything else. */
export function SetUpTwoStepPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const from = requestedPathFrom(location.state);
  const session = useSession();
  const queryClient = useQueryClient();

  if (session.isPending) {
    return (
      <Page title={t('twoStep.enrolTitle')}>
        <PageLoader />
      </Page>
    );
  }
  if (session.isError) {
    return (
      <Page title={t('twoStep.enrolTitle')}>
        <ErrorState error={session.error} onRetry={() => void session.refetch()} />
      </Page>
    );
  }
  if (!session.data) return <Navigate to="/sign-in" replace state={from ? { from } : undefined} />;
  if (session.data.stage === 'active' && !session.data.user.totpEnabled) {
    // Fully signed in without being required to: two-step settings live on the security page.
    return <Navigate to="/settings/security" replace />;
  }
  if (session.data.stage !== 'mfa_enrollment_required') return <SessionRedirect session={session.data} from={from} />;

  return (
    <Page title={t('twoStep.enrolTitle')} description={t('twoStep.enrolIntro')}>
      <TotpSetup onEnabled={(next) => applySession(queryClient, next)} />
    </Page>
  );
}
