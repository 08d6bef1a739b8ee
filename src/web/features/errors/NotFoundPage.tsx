import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../api/session.js';
import { AppLayout } from '../../components/AppLayout.js';
import { Page } from '../../components/Page.js';
import { PageLoader } from '../../components/PageStatus.js';
import { BareLayout } from '../../components/PublicLayout.js';
import { ActiveSessionContext } from '../../components/session-context.js';

function NotFoundContent() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <Stack gap="sm">
        <Text>{t('notFound.body')}</Text>
        <Text>
          <Anchor component={Link} to="/">
            {t('notFound.home')}
          </Anchor>
        </Text>
      </Stack>
    </Page>
  );
}

/** Any unknown path, inside the signed-in frame when there is a session. */
export function NotFoundPage() {
  const session = useSession();
  if (session.isPending) {
    return (
      <BareLayout>
        <PageLoader />
      </BareLayout>
    );
  }
  if (session.data?.stage === 'active') {
    return (
      <ActiveSessionContext.Provider value={session.data}>
        <AppLayout>
          <NotFoundContent />
        </AppLayout>
      </ActiveSessionContext.Provider>
    );
  }
  return (
    <BareLayout>
      <NotFoundContent />
    </BareLayout>
  );
}
