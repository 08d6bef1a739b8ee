import { Alert, Button, Center, Group, Loader, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.js';
import { SECONDARY_TEXT } from '../theme.js';

/** A spinner that screen readers announce as "Loading…". */
export function PageLoader({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Loader aria-hidden="true" />
      <VisuallyHidden>{label ?? t('common.loading')}</VisuallyHidden>
    </Center>
  );
}

/** The server's own words; when it names fields (outside a form), their messages are the useful part. */
export function errorMessage(error: unknown, fallback: string): string {
  if (!isApiError(error)) return fallback;
  const details = error.fields.map((field) => field.message).filter((message) => message && message !== error.message);
  return details.length > 0 ? details.join(' ') : error.message;
}

/** The server's message about what went wrong, with a way to try again. */
export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const requestId = isApiError(error) ? error.requestId : null;
  return (
    <Alert color="red" title={title ?? t('errors.title')} icon={<IconAlertCircle aria-hidden="true" />}>
      <Stack gap="sm">
        <Text size="sm">{errorMessage(error, t('errors.unexpected'))}</Text>
        {requestId && (
          <Text size="xs" c={SECONDARY_TEXT}>
            {t('errors.reference', { requestId })}
          </Text>
        )}
        {onRetry && (
          <Group>
            <Button size="xs" variant="default" onClick={onRetry}>
              {t('common.tryAgain')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** Says plainly that there is nothing here yet, and what to do about it. */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md" align="flex-start">
        <Text>{children}</Text>
        {action}
      </Stack>
    </Paper>
  );
}
