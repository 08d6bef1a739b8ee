import { Anchor, Stack, Text } from '@mantine/core';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/contracts/common.js';
import { useSession } from '../api/session.js';
import { ROLE_HOME } from '../lib/roles.js';
import { AppLayout } from './AppLayout.js';
import { Page } from './Page.js';
import { ErrorState, PageLoader } from './PageStatus.js';
import { BareLayout } from './PublicLayout.js';
import { ActiveSessionContext, useActiveSession } from './session-context.js';

/**
 * Pages behind sign-in: someone signed out goes to /sign-in (which brings them back
 * here afterwards); someone half-way through signing in finishes that first.
 */
export function RequireActiveSession() {
  const location = useLocation();
  const session = useSession();
  const { t } = useTranslation();

  if (session.isPending) {
    return (
      <BareLayout>
        <PageLoader />
      </BareLayout>
    );
  }
  if (session.isError) {
    return (
      <BareLayout>
        <ErrorState error={session.error} onRetry={() => void session.refetch()} title={t('errors.sessionTitle')} />
      </BareLayout>
    );
  }
  const from = `${location.pathname}${location.search}`;
  if (!session.data) return <Navigate to="/sign-in" replace state={{ from }} />;
  if (session.data.stage === 'mfa_required') return <Navigate to="/sign-in/code" replace state={{ from }} />;
  if (session.data.stage === 'mfa_enrollment_required') return <Navigate to="/set-up-two-step" replace state={{ from }} />;

  return (
    <ActiveSessionContext.Provider value={session.data}>
      <AppLayout>
        <Outlet />
      </AppLayout>
    </ActiveSessionContext.Provider>
  );
}

/** Shows its pages only to the given roles; everyone else gets a plain explanation. */
export function RoleGate({ roles }: { roles: readonly Role[] }) {
  const session = useActiveSession();
  if (!roles.includes(session.user.role)) return <NotAvailable />;
  return <Outlet />;
}

export function NotAvailable() {
  const { t } = useTranslation();
  const session = useActiveSession();
  return (
    <Page title={t('notAvailable.title')}>
      <Stack gap="sm">
        <Text>{t('notAvailable.body')}</Text>
        <Text>
          <Anchor component={Link} to={ROLE_HOME[session.user.role]}>
            {t('notAvailable.home')}
          </Anchor>
        </Text>
      </Stack>
    </Page>
  );
}
