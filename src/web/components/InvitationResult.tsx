import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy, IconMailForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { InvitationIssued } from '../../shared/contracts/invitations.js';
import { formatDateTime } from '../lib/format.js';

/**
 * What became of an invitation just issued: emailed, or (no mail server, or it
 * failed) a link for the inviter to pass on.
 */
export function InvitationResult({ result }: { result: InvitationIssued }) {
  const { t } = useTranslation();
  const expires = formatDateTime(result.expiresAt);

  if (result.delivery === 'email' || !result.link) {
    return (
      <Alert color="green" title={t('invitation.emailedTitle')} icon={<IconMailForward aria-hidden="true" />}>
        {t('invitation.emailed', { email: result.email, date: expires })}
      </Alert>
    );
  }

  const link = result.link;
  return (
    <Stack gap="sm">
      {result.emailFailed && (
        <Alert color="yellow" title={t('invitation.emailFailedTitle')} icon={<IconAlertTriangle aria-hidden="true" />}>
          {t('invitation.emailFailed', { email: result.email })}
        </Alert>
      )}
      <Alert color="blue" title={t('invitation.linkTitle')} icon={<IconCheck aria-hidden="true" />}>
        {t('invitation.linkReady', { email: result.email, date: expires })}
      </Alert>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('invitation.linkLabel')}
          value={link}
          readOnly
          data-testid="invitation-link"
          onFocus={(event) => event.currentTarget.select()}
          style={{ flex: '1 1 16rem', minWidth: 0 }}
        />
        <CopyButton value={link}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'light' : 'filled'}
              color={copied ? 'green' : undefined}
              leftSection={copied ? <IconCheck size={16} aria-hidden="true" /> : <IconCopy size={16} aria-hidden="true" />}
              onClick={copy}
            >
              {copied ? t('invitation.copied') : t('invitation.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="sm">{t('invitation.expires', { date: expires })}</Text>
    </Stack>
  );
}
