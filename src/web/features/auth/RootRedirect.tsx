import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useSession } from '../../api/session.js';
import { Page } from '../../components/Page.js';
import { ErrorState, PageLoader } from '../../components/PageStatus.js';
import { BareLayout } from '../../components/PublicLayout.js';
import { SessionRedirect } from './session-redirect.js';

/** `/`: each role's home, or sign-in. */
export function RootRedirect() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.data === null) return <Navigate to="/sign-in" replace />;
  if (session.data) return <SessionRedirect session={session.data} from={null} />;
  return (
    <BareLayout>
      <Page title={t('app.name')}>
        {session.isError ? <ErrorState error={session.error} onRetry={() => void session.refetch()} /> : <PageLoader />}
      </Page>
    </BareLayout>
  );
}
