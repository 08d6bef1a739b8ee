import { Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page, Section } from '../../components/Page.js';
import { ErrorState, PageLoader } from '../../components/PageStatus.js';
import { useActiveSession } from '../../components/session-context.js';
import { formatDateTime } from '../../lib/format.js';
import { SECONDARY_TEXT } from '../../theme.js';
import { useClientHome } from './api.js';

/** /home: a client's start page. */
export function ClientHomePage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const home = useClientHome();

  if (home.isPending || home.isError) {
    return (
      <Page title={t('clientHome.title', { name: session.user.name })} documentTitle={t('clientHome.documentTitle')}>
        {home.isPending ? <PageLoader /> : <ErrorState error={home.error} onRetry={() => void home.refetch()} />}
      </Page>
    );
  }

  const { displayName, practiceName, therapist, due } = home.data;
  return (
    <Page title={t('clientHome.title', { name: displayName })} documentTitle={t('clientHome.documentTitle')} description={practiceName}>
      <Section title={t('clientHome.therapistTitle')} gap="xs">
        {therapist ? (
          <>
            <Text fw={600} size="lg">
              {therapist.name}
            </Text>
            <Text>
              <Anchor href={`mailto:${therapist.email}`}>{therapist.email}</Anchor>
            </Text>
            <Text c={SECONDARY_TEXT}>{practiceName}</Text>
          </>
        ) : (
          <Text>{t('clientHome.noTherapist', { practiceName })}</Text>
        )}
      </Section>
      <Section title={t('clientHome.dueTitle')} gap="xs">
        {due.length === 0 ? (
          <Text>{t('clientHome.nothingDue')}</Text>
        ) : (
          <List spacing="xs">
            {due.map((item) => (
              <List.Item key={item.id}>
                <Text span fw={500}>
                  {item.title}
                </Text>
                {item.dueAt && (
                  <Text span c={SECONDARY_TEXT}>
                    {' '}
                    {t('clientHome.dueBy', { date: formatDateTime(item.dueAt) })}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Section>
    </Page>
  );
}
