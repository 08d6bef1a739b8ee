import { Button, Paper, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TotpCodeRequestSchema, type TotpCodeRequest } from '../../../shared/contracts/auth.js';
import { applyServerErrors, FormErrorAlert, zodResolver } from '../../components/form-errors.js';
import { Page } from '../../components/Page.js';
import { useSecondFactor } from './api.js';
import { CodeField } from './CodeField.js';
import { SignInStep } from './session-redirect.js';

/** /sign-in/code: the password was right; the authenticator code finishes signing in. */
export function SecondFactorPage() {
  const { t } = useTranslation();
  return (
    <SignInStep title={t('twoStep.signInTitle')} stage="mfa_required">
      <SecondFactorForm />
    </SignInStep>
  );
}

function SecondFactorForm() {
  const { t } = useTranslation();
  const secondFactor = useSecondFactor();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TotpCodeRequest>({ initialValues: { code: '' }, validate: zodResolver<TotpCodeRequest>(TotpCodeRequestSchema) });

  const onSubmit = form.onSubmit((values) => {
    setFormError(null);
    secondFactor.mutate(values, {
      onError: (error) => setFormError(applyServerErrors(form, error, t('errors.unexpected'))),
    });
  });

  return (
    <Page title={t('twoStep.signInTitle')} description={t('twoStep.signInIntro')}>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <FormErrorAlert message={formError} />
            <CodeField autoFocus {...form.getInputProps('code')} />
            <Button type="submit" loading={secondFactor.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('twoStep.verify')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text size="sm">{t('twoStep.lostPhone')}</Text>
    </Page>
  );
}
