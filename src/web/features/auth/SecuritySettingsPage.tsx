import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notify } from '../../lib/notify.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TotpCodeRequestSchema, type SessionResponse, type TotpCodeRequest } from '../../../shared/contracts/auth.js';
import { applySession } from '../../api/session.js';
import { applyServerErrors, FormErrorAlert, zodResolver } from '../../components/form-errors.js';
import { Page } from '../../components/Page.js';
import { useActiveSession } from '../../components/session-context.js';
import { useDisableTotp } from './api.js';
import { CodeField } from './CodeField.js';
import { TotpSetup } from './TotpSetup.js';

function TurnOffTwoStep({ onDone }: { onDone: (session: SessionResponse) => void }) {
  const { t } = useTranslation();
  const disable = useDisableTotp();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TotpCodeRequest>({ initialValues: { code: '' }, validate: zodResolver<TotpCodeRequest>(TotpCodeRequestSchema) });
  const onSubmit = form.onSubmit((values) => {
    setFormError(null);
    disable.mutate(values, {
      onSuccess: onDone,
      onError: (error) => setFormError(applyServerErrors(form, error, t('errors.unexpected'))),
    });
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Title order={2}>{t('security.turnOffTitle')}</Title>
        <Text>{t('security.turnOffIntro')}</Text>
        <FormErrorAlert message={formError} />
        <CodeField {...form.getInputProps('code')} />
        <Group>
          <Button type="submit" color="red" loading={disable.isPending}>
            {t('security.turnOff')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** /settings/security: two-step sign-in on or off. */
export function SecuritySettingsPage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const queryClient = useQueryClient();
  const { totpEnabled, totpRequired } = session.user;

  const onEnabled = (next: SessionResponse) => {
    applySession(queryClient, next);
    notify({ color: 'green', title: t('security.onTitle'), message: t('security.onMessage') });
  };
  const onDisabled = (next: SessionResponse) => {
    applySession(queryClient, next);
    notify({ color: 'blue', title: t('security.offTitle'), message: t('security.offMessage') });
  };

  return (
    <Page title={t('security.title')} description={t('security.intro')}>
      <Paper withBorder p="lg" radius="md">
        <Stack gap="sm">
          <Group gap="sm">
            <Text fw={600}>{t('security.statusLabel')}</Text>
            <Badge color={totpEnabled ? 'green' : 'gray'}>{totpEnabled ? t('security.on') : t('security.off')}</Badge>
          </Group>
          <Text>{totpEnabled ? t('security.onExplained') : t('security.offExplained')}</Text>
        </Stack>
      </Paper>
      {!totpEnabled && (
        <Stack gap="md">
          <Title order={2}>{t('security.setUpTitle')}</Title>
          <TotpSetup onEnabled={onEnabled} headingOrder={3} />
        </Stack>
      )}
      {totpEnabled && totpRequired && (
        <Alert color="blue" title={t('security.requiredTitle')}>
          {t('security.required')}
        </Alert>
      )}
      {totpEnabled && !totpRequired && (
        <Paper withBorder p="lg" radius="md">
          <TurnOffTwoStep onDone={onDisabled} />
        </Paper>
      )}
    </Page>
  );
}
