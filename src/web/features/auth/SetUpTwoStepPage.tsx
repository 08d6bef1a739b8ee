import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applySession } from '../../api/session.js';
import { Page } from '../../components/Page.js';
import { SignInStep } from './session-redirect.js';
import { TotpSetup } from './TotpSetup.js';

/** /set-up-two-step: accounts that must use two-step sign-in set it up before anything else. */
export function SetUpTwoStepPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <SignInStep
      title={t('twoStep.enrolTitle')}
      stage="mfa_enrollment_required"
      // Fully signed in without being required to: two-step settings live on the security page.
      elsewhere={(session) => (session.stage === 'active' && !session.user.totpEnabled ? '/settings/security' : null)}
    >
      <Page title={t('twoStep.enrolTitle')} description={t('twoStep.enrolIntro')}>
        <TotpSetup onEnabled={(next) => applySession(queryClient, next)} />
      </Page>
    </SignInStep>
  );
}
