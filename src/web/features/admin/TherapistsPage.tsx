import { Button, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationIssued } from '../../../shared/contracts/invitations.js';
import { InviteTherapistRequestSchema, type InviteTherapistRequest, type TherapistListItem } from '../../../shared/contracts/practice.js';
import { applyServerErrors, FormErrorAlert, zodResolver } from '../../components/form-errors.js';
import { InvitationResult } from '../../components/InvitationResult.js';
import { Page, Section } from '../../components/Page.js';
import { EmptyState, ErrorState, PageLoader } from '../../components/PageStatus.js';
import { TherapistStatusBadge } from '../../components/StatusBadge.js';
import { formatDate } from '../../lib/format.js';
import { useInviteTherapist, useTherapists } from './api.js';

function TherapistTable({ therapists }: { therapists: TherapistListItem[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640} type="native" tabIndex={0} role="region" aria-label={t('therapists.tableLabel')}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('therapists.name')}</Table.Th>
            <Table.Th scope="col">{t('therapists.email')}</Table.Th>
            <Table.Th scope="col">{t('therapists.status')}</Table.Th>
            <Table.Th scope="col">{t('therapists.clients')}</Table.Th>
            <Table.Th scope="col">{t('therapists.since')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {therapists.map((therapist) => (
            <Table.Tr key={therapist.id}>
              <Table.Th scope="row" fw={500}>
                {therapist.name}
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{therapist.email}</Table.Td>
              <Table.Td>
                <TherapistStatusBadge status={therapist.status} />
              </Table.Td>
              <Table.Td>{therapist.activeClientCount}</Table.Td>
              <Table.Td>{formatDate(therapist.since)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function InviteTherapistForm() {
  const { t } = useTranslation();
  const invite = useInviteTherapist();
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<InvitationIssued | null>(null);
  const form = useForm<InviteTherapistRequest>({
    initialValues: { name: '', email: '' },
    validate: zodResolver<InviteTherapistRequest>(InviteTherapistRequestSchema),
  });

  const onSubmit = form.onSubmit((values) => {
    setFormError(null);
    setResult(null);
    invite.mutate(values, {
      onSuccess: (issued) => {
        setResult(issued);
        form.reset();
      },
      onError: (error) => setFormError(applyServerErrors(form, error, t('errors.unexpected'))),
    });
  });

  return (
    <Section title={t('therapists.inviteTitle')}>
      <Text>{t('therapists.inviteIntro')}</Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={520}>
          <FormErrorAlert message={formError} />
          <TextInput label={t('therapists.form.name')} autoComplete="off" required {...form.getInputProps('name')} />
          <TextInput label={t('therapists.form.email')} type="email" inputMode="email" autoComplete="off" required {...form.getInputProps('email')} />
          <Button type="submit" loading={invite.isPending} leftSection={<IconSend size={18} aria-hidden="true" />} style={{ alignSelf: 'flex-start' }}>
            {t('therapists.form.submit')}
          </Button>
        </Stack>
      </form>
      {result && <InvitationResult result={result} />}
    </Section>
  );
}

/** /admin/therapists: the practice's therapists and open invitations, and inviting a new one. */
export function TherapistsPage() {
  const { t } = useTranslation();
  const therapists = useTherapists();
  return (
    <Page title={t('therapists.title')}>
      <Stack gap="md">
        {therapists.isPending && <PageLoader />}
        {therapists.isError && <ErrorState error={therapists.error} onRetry={() => void therapists.refetch()} />}
        {therapists.data && therapists.data.therapists.length === 0 && <EmptyState>{t('therapists.empty')}</EmptyState>}
        {therapists.data && therapists.data.therapists.length > 0 && <TherapistTable therapists={therapists.data.therapists} />}
      </Stack>
      <InviteTherapistForm />
    </Page>
  );
}
