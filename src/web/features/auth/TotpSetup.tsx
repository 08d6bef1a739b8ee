import { Button, Code, CopyButton, Group, Image, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TotpCodeRequestSchema, type SessionResponse, type TotpCodeRequest } from '../../../shared/contracts/auth.js';
import { applyServerErrors, FormErrorAlert, zodResolver } from '../../components/form-errors.js';
import { ErrorState } from '../../components/PageStatus.js';
import { useBeginTotpSetup, useEnableTotp } from './api.js';
import { CodeField } from './CodeField.js';

/** Groups a base32 secret in fours so it can be typed without losing one's place. */
function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Setting up an authenticator app: start (the server makes a secret), scan the QR code
 * or type the key, then prove it works with a code.
 */
export function TotpSetup({ onEnabled, headingOrder = 2 }: { onEnabled: (session: SessionResponse) => void; headingOrder?: 2 | 3 }) {
  const { t } = useTranslation();
  const begin = useBeginTotpSetup();
  const enable = useEnableTotp();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TotpCodeRequest>({ initialValues: { code: '' }, validate: zodResolver<TotpCodeRequest>(TotpCodeRequestSchema) });

  if (!begin.data) {
    return (
      <Stack gap="md" align="flex-start">
        <Text>{t('twoStep.setupIntro')}</Text>
        {begin.isError && <ErrorState error={begin.error} />}
        <Button onClick={() => begin.mutate()} loading={begin.isPending}>
          {t('twoStep.start')}
        </Button>
      </Stack>
    );
  }

  const setup = begin.data;
  const onSubmit = form.onSubmit((values) => {
    setFormError(null);
    enable.mutate(values, {
      onSuccess: onEnabled,
      onError: (error) => setFormError(applyServerErrors(form, error, t('errors.unexpected'))),
    });
  });

  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" radius="md">
        <Stack gap="sm">
          <Title order={headingOrder}>{t('twoStep.step1Title')}</Title>
          <Text>{t('twoStep.step1')}</Text>
          <Image src={setup.qrCodeDataUrl} alt={t('twoStep.qrAlt')} w={200} h={200} fit="contain" />
          <Text>{t('twoStep.manualEntry')}</Text>
          <Group gap="sm" wrap="wrap" align="center">
            <Code data-testid="totp-secret" fz="md" style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
              {groupedSecret(setup.secret)}
            </Code>
            <CopyButton value={setup.secret}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" onClick={copy}>
                  {copied ? t('twoStep.secretCopied') : t('twoStep.copySecret')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <List size="sm">
            <List.Item>{t('twoStep.manualDetails')}</List.Item>
          </List>
        </Stack>
      </Paper>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <Title order={headingOrder}>{t('twoStep.step2Title')}</Title>
            <FormErrorAlert message={formError} />
            <CodeField {...form.getInputProps('code')} />
            <Group>
              <Button type="submit" loading={enable.isPending}>
                {t('twoStep.turnOn')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
