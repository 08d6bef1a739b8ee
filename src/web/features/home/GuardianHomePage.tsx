import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page, Section } from '../../components/Page.js';
import { ErrorState, PageLoader } from '../../components/PageStatus.js';
import { useActiveSession } from '../../components/session-context.js';
import { useGuardianHome } from './api.js';

/** /guardian: a parent's or guardian's start page. */
export function GuardianHomePage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const home = useGuardianHome();

  if (home.isPending || home.isError) {
    return (
      <Page title={t('guardianHome.title', { name: session.user.name })} documentTitle={t('guardianHome.documentTitle')}>
        {home.isPending ? <PageLoader /> : <ErrorState error={home.error} onRetry={() => void home.refetch()} />}
      </Page>
    );
  }

  const { displayName, practiceName, children } = home.data;
  return (
    <Page title={t('guardianHome.title', { name: displayName })} documentTitle={t('guardianHome.documentTitle')} description={practiceName}>
      <Section title={t('guardianHome.childrenTitle')} gap="xs">
        {children.length === 0 ? (
          <Text>{t('guardianHome.noChildren', { practiceName })}</Text>
        ) : (
          <List spacing="xs">
            {children.map((child) => (
              <List.Item key={child.id}>{child.name}</List.Item>
            ))}
          </List>
        )}
      </Section>
    </Page>
  );
}
