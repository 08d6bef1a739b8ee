import { Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { SignInRequestSchema, type SignInRequest } from '../../../shared/contracts/auth.js';
import { useSession } from '../../api/session.js';
import { applyServerErrors, FormErrorAlert, zodResolver } from '../../components/form-errors.js';
import { Page } from '../../components/Page.js';
import { ErrorState, PageLoader } from '../../components/PageStatus.js';
import { requestedPathFrom } from '../../lib/roles.js';
import { SECONDARY_TEXT } from '../../theme.js';
import { useSignIn } from './api.js';
import { SessionRedirect } from './session-redirect.js';

export function SignInPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const from = requestedPathFrom(location.state);
  const session = useSession();
  const signIn = useSignIn();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SignInRequest>({
    initialValues: { email: '', password: '' },
    validate: zodResolver<SignInRequest>(SignInRequestSchema),
  });

  if (session.data) return <SessionRedirect session={session.data} from={from} />;

  const onSubmit = form.onSubmit((values) => {
    setFormError(null);
    signIn.mutate(values, {
      onError: (error) => setFormError(applyServerErrors(form, error, t('errors.unexpected'))),
    });
  });

  return (
    <Page title={t('signIn.title')}>
      {session.isPending && <PageLoader />}
      {session.isError && <ErrorState error={session.error} onRetry={() => void session.refetch()} />}
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            {from && <Text c={SECONDARY_TEXT}>{t('signIn.toContinue')}</Text>}
            <FormErrorAlert message={formError} />
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              inputMode="email"
              required
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              visibilityToggleButtonProps={{ 'aria-label': t('common.togglePasswordVisibility') }}
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={signIn.isPending}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text size="sm" c={SECONDARY_TEXT}>
        {t('signIn.invitedHint')}
      </Text>
    </Page>
  );
}
