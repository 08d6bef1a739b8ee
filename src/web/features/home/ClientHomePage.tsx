import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.js';
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
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="therapist-heading">
        <Stack gap="xs">
          <Title order={2} id="therapist-heading">
            {t('clientHome.therapistTitle')}
          </Title>
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
        </Stack>
      </Paper>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="due-heading">
        <Stack gap="xs">
          <Title order={2} id="due-heading">
            {t('clientHome.dueTitle')}
          </Title>
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
        </Stack>
      </Paper>
    </Page>
  );
}
