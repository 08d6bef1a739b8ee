import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notify } from '../../lib/notify.js';
import { IconArrowLeft, IconPencil, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ClientDetail, UpdateClientRequest } from '../../../shared/contracts/clients.js';
import { isApiError } from '../../api/client.js';
import { DetailList } from '../../components/DetailList.js';
import { InvitationResult } from '../../components/InvitationResult.js';
import { Page, Section } from '../../components/Page.js';
import { ErrorState, PageLoader } from '../../components/PageStatus.js';
import { AccountStatusBadge } from '../../components/StatusBadge.js';
import { formatCalendarDate, formatDateTime } from '../../lib/format.js';
import { useClient, useInviteClient, useUpdateClient } from './api.js';
import { ClientForm, type ClientFormValues } from './ClientForm.js';

function formValuesOf(client: ClientDetail): ClientFormValues {
  return { name: client.name, preferredName: client.preferredName ?? '', dateOfBirth: client.dateOfBirth, email: client.email ?? '' };
}

/** Only what changed, so an unchanged email does not cancel an open invitation. */
function changedFields(before: ClientFormValues, after: ClientFormValues): UpdateClientRequest {
  const patch: UpdateClientRequest = {};
  if (after.name !== before.name) patch.name = after.name;
  if (after.preferredName !== before.preferredName) patch.preferredName = after.preferredName;
  if (after.dateOfBirth !== before.dateOfBirth) patch.dateOfBirth = after.dateOfBirth;
  if (after.email !== before.email) patch.email = after.email;
  return patch;
}

function InvitationState({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  switch (client.accountStatus) {
    case 'active':
      return <Text>{t('clients.invite.active')}</Text>;
    case 'invited':
      return (
        <Text>
          {client.invitation
            ? t('clients.invite.invitedUntil', { sent: formatDateTime(client.invitation.sentAt), date: formatDateTime(client.invitation.expiresAt) })
            : t('accountStatus.invited')}
        </Text>
      );
    case 'invitation_expired':
      return (
        <Text>
          {client.invitation ? t('clients.invite.expiredOn', { date: formatDateTime(client.invitation.expiresAt) }) : t('accountStatus.invitation_expired')}
        </Text>
      );
    default:
      return <Text>{t('clients.invite.notInvited')}</Text>;
  }
}

function InviteSection({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  const invite = useInviteClient(client.id);
  const canInvite = client.accountStatus !== 'active';
  const alreadyInvited = client.accountStatus === 'invited' || client.accountStatus === 'invitation_expired';

  return (
    <Section title={t('clients.invite.title')}>
      <InvitationState client={client} />
      {canInvite && (
        <>
          {!client.email && <Text>{t('clients.invite.needsEmail')}</Text>}
          {alreadyInvited && !invite.data && <Text size="sm">{t('clients.invite.replaces')}</Text>}
          {invite.isError && (
            <ErrorState error={invite.error} title={isApiError(invite.error) && invite.error.status === 409 ? t('clients.invite.conflictTitle') : t('clients.invite.failedTitle')} />
          )}
          {invite.data && <InvitationResult result={invite.data} />}
          <Group>
            <Button
              leftSection={<IconSend size={18} aria-hidden="true" />}
              onClick={() => invite.mutate()}
              loading={invite.isPending}
              variant={invite.data ? 'default' : 'filled'}
            >
              {t('clients.invite.button')}
            </Button>
          </Group>
        </>
      )}
    </Section>
  );
}

function ClientDetails({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const update = useUpdateClient(client.id);
  const none = t('common.none');

  if (editing) {
    const initial = formValuesOf(client);
    return (
      <Section title={t('clients.edit.title')}>
        <ClientForm
          initialValues={initial}
          submitLabel={t('clients.edit.submit')}
          submitting={update.isPending}
          onSubmit={async (values) => {
            const patch = changedFields(initial, values);
            if (Object.keys(patch).length > 0) {
              await update.mutateAsync(patch);
              notify({ color: 'green', title: t('clients.edit.savedTitle'), message: t('clients.edit.saved') });
            }
            setEditing(false);
          }}
          secondaryAction={
            <Button variant="default" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          }
        />
      </Section>
    );
  }

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="details-heading">
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Title order={2} id="details-heading">
            {t('clients.details.title')}
          </Title>
          <Button variant="default" leftSection={<IconPencil size={18} aria-hidden="true" />} onClick={() => setEditing(true)}>
            {t('clients.details.edit')}
          </Button>
        </Group>
        <DetailList
          items={[
            { label: t('clients.details.name'), value: client.name },
            { label: t('clients.details.preferredName'), value: client.preferredName ?? none },
            { label: t('clients.details.dateOfBirth'), value: formatCalendarDate(client.dateOfBirth) },
            { label: t('clients.details.ageGroup'), value: t(`ageGroup.${client.ageGroup}`) },
            {
              label: t('clients.details.email'),
              value: client.email ? <Anchor href={`mailto:${client.email}`}>{client.email}</Anchor> : none,
            },
            { label: t('clients.details.account'), value: <AccountStatusBadge status={client.accountStatus} /> },
            { label: t('clients.details.therapist'), value: client.therapist.name },
          ]}
        />
      </Stack>
    </Paper>
  );
}

/** /clients/:clientId */
export function ClientPage() {
  const { t } = useTranslation();
  const { clientId = '' } = useParams();
  const client = useClient(clientId);

  const back = (
    <Anchor component={Link} to="/caseload" size="sm">
      <Group gap={4} component="span" wrap="nowrap">
        <IconArrowLeft size={16} aria-hidden="true" />
        {t('clients.backToCaseload')}
      </Group>
    </Anchor>
  );

  if (client.isPending) {
    return (
      <Page title={t('clients.loadingTitle')}>
        {back}
        <PageLoader />
      </Page>
    );
  }
  if (client.isError) {
    const notFound = isApiError(client.error) && (client.error.status === 404 || client.error.status === 400);
    return (
      <Page title={notFound ? t('clients.notFoundTitle') : t('clients.loadingTitle')}>
        {back}
        {notFound ? <Text>{t('clients.notFound')}</Text> : <ErrorState error={client.error} onRetry={() => void client.refetch()} />}
      </Page>
    );
  }

  const data = client.data;
  return (
    <Page title={data.preferredName ? t('clients.titleWithPreferred', { name: data.name, preferredName: data.preferredName }) : data.name} documentTitle={t('clients.documentTitle')}>
      {back}
      <ClientDetails key={data.id} client={data} />
      <InviteSection key={`invite-${data.id}`} client={data} />
    </Page>
  );
}
