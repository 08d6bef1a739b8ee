import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { Page } from '../../components/Page.js';
import { BareLayout } from '../../components/PublicLayout.js';

/** Last resort when a page crashes: say so plainly and offer a way on. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <BareLayout>
      <Page title={t('crash.title')}>
        <Stack gap="sm">
          <Text>{t('crash.body')}</Text>
          <Group>
            <Button onClick={() => window.location.reload()}>{t('crash.reload')}</Button>
            <Anchor component={Link} to="/">
              {t('crash.home')}
            </Anchor>
          </Group>
        </Stack>
      </Page>
    </BareLayout>
  );
}
