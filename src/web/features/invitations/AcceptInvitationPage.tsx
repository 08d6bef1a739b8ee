import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { z } from 'zod';
import { NewPasswordSchema, SessionResponseSchema, type SessionResponse } from '../../../shared/contracts/auth.js';
import { InvitationDetailsSchema, InvitationTokenSchema, type InvitationDetails } from '../../../shared/contracts/invitations.js';
import { apiRequest, isApiError } from '../../api/client.js';
import { applySession, sessionQueryKey } from '../../api/session.js';
import { applyServerErrors, FormErrorAlert, zodResolver } from '../../components/form-errors.js';
import { Page } from '../../components/Page.js';
import { ErrorState, PageLoader } from '../../components/PageStatus.js';
import { formatDateTime } from '../../lib/format.js';
import { SECONDARY_TEXT } from '../../theme.js';
import { SessionRedirect } from '../auth/session-redirect.js';

/** The token travels in the fragment (`#token=…`), which browsers never send to a server. */
function readTokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get('token');
}

interface PasswordValues {
  password: string;
  confirmPassword: string;
}

const PasswordFormSchema = z.object({ password: NewPasswordSchema });

function UnusableInvitation({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Page title={t('invite.unusableTitle')}>
      <Alert color="red" title={t('invite.unusableAlert')} icon={<IconAlertCircle aria-hidden="true" />}>
        {message}
      </Alert>
      <Text>
        {t('invite.unusableHelp')}{' '}
        <Anchor component={Link} to="/sign-in">
          {t('invite.goToSignIn')}
        </Anchor>
      </Text>
    </Page>
  );
}

function SetPasswordForm({ token, invitation, onAccepted }: { token: string; invitation: InvitationDetails; onAccepted: (session: SessionResponse) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<PasswordValues>({
    initialValues: { password: '', confirmPassword: '' },
    validate: zodResolver<PasswordValues>(PasswordFormSchema, (values) => ({
      confirmPassword:
        values.confirmPassword === ''
          ? t('invite.confirmRequired')
          : values.confirmPassword !== values.password
            ? t('invite.passwordsDontMatch')
            : null,
    })),
  });
  const accept = useMutation({
    mutationFn: (password: string) => apiRequest('/invitations/accept', { method: 'POST', body: { token, password }, schema: SessionResponseSchema }),
    onSuccess: (session) => {
      applySession(queryClient, session);
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      onAccepted(session);
    },
  });

  const onSubmit = form.onSubmit((values) => {
    setFormError(null);
    accept.mutate(values.password, {
      onError: (error) => setFormError(applyServerErrors(form, error, t('errors.unexpected'))),
    });
  });

  return (
    <Page
      title={t('invite.welcome', { name: invitation.name })}
      documentTitle={t('invite.documentTitle')}
      description={t('invite.invitedBy', { practiceName: invitation.practiceName })}
    >
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <Text>{t(invitation.kind === 'therapist' ? 'invite.introTherapist' : 'invite.introClient')}</Text>
            <FormErrorAlert message={formError} />
            <TextInput label={t('invite.email')} value={invitation.email} readOnly autoComplete="username" description={t('invite.emailHint')} />
            <PasswordInput
              label={t('invite.password')}
              description={t('invite.passwordHint')}
              autoComplete="new-password"
              required
              visibilityToggleButtonProps={{ 'aria-label': t('common.togglePasswordVisibility') }}
              {...form.getInputProps('password')}
            />
            <PasswordInput
              label={t('invite.confirmPassword')}
              autoComplete="new-password"
              required
              visibilityToggleButtonProps={{ 'aria-label': t('common.toggleConfirmVisibility') }}
              {...form.getInputProps('confirmPassword')}
            />
            <Button type="submit" loading={accept.isPending}>
              {t('invite.submit')}
            </Button>
            <Text size="sm" c={SECONDARY_TEXT}>
              {t('invite.expires', { date: formatDateTime(invitation.expiresAt) })}
            </Text>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}

/** /accept-invitation#token=…: choose a password, create the account, and sign in. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const location = useLocation();
  // Kept in memory only: read from the fragment, then taken out of the address bar.
  const [token, setToken] = useState(() => readTokenFromFragment(location.hash));
  const [accepted, setAccepted] = useState<SessionResponse | null>(null);
  // A newer link opened in the same tab changes only the fragment (no page load).
  const fragmentToken = readTokenFromFragment(location.hash);
  if (fragmentToken && fragmentToken !== token) {
    setToken(fragmentToken);
    setAccepted(null);
  }
  const tokenCheck = InvitationTokenSchema.safeParse(token ?? undefined);

  useEffect(() => {
    // Take the token out of the address bar (and so out of history and bookmarks).
    if (window.location.hash) {
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
    }
  }, [location.hash]);

  const lookup = useQuery({
    queryKey: ['invitation-lookup', token],
    queryFn: ({ signal }) => apiRequest('/invitations/look-up', { method: 'POST', body: { token }, schema: InvitationDetailsSchema, signal }),
    enabled: tokenCheck.success,
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
  });

  if (accepted) return <SessionRedirect session={accepted} from={null} />;
  if (!tokenCheck.success) return <UnusableInvitation message={t('invite.incompleteLink')} />;
  if (lookup.isPending) {
    return (
      <Page title={t('invite.checkingTitle')}>
        <PageLoader label={t('invite.checking')} />
      </Page>
    );
  }
  if (lookup.isError) {
    const error = lookup.error;
    if (isApiError(error) && (error.status === 404 || error.status === 400)) return <UnusableInvitation message={error.message} />;
    return (
      <Page title={t('invite.checkingTitle')}>
        <ErrorState error={error} onRetry={() => void lookup.refetch()} />
      </Page>
    );
  }
  return <SetPasswordForm token={tokenCheck.data} invitation={lookup.data} onAccepted={setAccepted} />;
}
