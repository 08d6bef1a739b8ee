import { Button, Paper, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { TotpCodeRequestSchema, type TotpCodeRequest } from '../../../shared/contracts/auth.js';
import { useSession } from '../../api/session.js';
import { applyServerErrors, FormErrorAlert, zodResolver } from '../../components/form-errors.js';
import { Page } from '../../components/Page.js';
import { ErrorState, PageLoader } from '../../components/PageStatus.js';
import { requestedPathFrom } from '../../lib/roles.js';
import { useSecondFactor } from './api.js';
import { CodeField } from './CodeField.js';
import { SessionRedirect } from './session-redirect.js';

/** /sign-in/code: the password was right; the authenticator code finishes signing in. */
export function SecondFactorPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const from = requestedPathFrom(location.state);
  const session = useSession();
  const secondFactor = useSecondFactor();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TotpCodeRequest>({ initialValues: { code: '' }, validate: zodResolver<TotpCodeRequest>(TotpCodeRequestSchema) });

  if (session.isPending) {
    return (
      <Page title={t('twoStep.signInTitle')}>
        <PageLoader />
      </Page>
    );
  }
  if (session.isError) {
    return (
      <Page title={t('twoStep.signInTitle')}>
        <ErrorState error={session.error} onRetry={() => void session.refetch()} />
      </Page>
    );
  }
  if (!session.data) return <Navigate to="/sign-in" replace state={from ? { from } : undefined} />;
  if (session.data.stage !== 'mfa_required') return <SessionRedirect session={session.data} from={from} />;

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
