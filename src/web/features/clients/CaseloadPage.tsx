import { Anchor, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ClientSummary } from '../../../shared/contracts/clients.js';
import { Page } from '../../components/Page.js';
import { EmptyState, ErrorState, PageLoader } from '../../components/PageStatus.js';
import { AccountStatusBadge } from '../../components/StatusBadge.js';
import { useCaseload } from './api.js';

function matches(client: ClientSummary, needle: string): boolean {
  if (!needle) return true;
  const haystack = `${client.name} ${client.preferredName ?? ''}`.toLocaleLowerCase();
  return needle
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

function CaseloadTable({ clients }: { clients: ClientSummary[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560} type="native" tabIndex={0} role="region" aria-label={t('caseload.tableLabel')}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('caseload.name')}</Table.Th>
            <Table.Th scope="col">{t('caseload.preferredName')}</Table.Th>
            <Table.Th scope="col">{t('caseload.ageGroup')}</Table.Th>
            <Table.Th scope="col">{t('caseload.account')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clients.map((client) => (
            <Table.Tr key={client.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/clients/${client.id}`}>
                  {client.name}
                </Anchor>
              </Table.Th>
              <Table.Td>{client.preferredName ?? <Text span c="gray.7">{t('common.none')}</Text>}</Table.Td>
              <Table.Td>{t(`ageGroup.${client.ageGroup}`)}</Table.Td>
              <Table.Td>
                <AccountStatusBadge status={client.accountStatus} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Phones: one card per client instead of a table wider than the screen. */
function CaseloadCards({ clients }: { clients: ClientSummary[] }) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('caseload.tableLabel')}>
      {clients.map((client) => (
        <Paper component="li" key={client.id} withBorder p="md" radius="md">
          <Stack gap={6}>
            <Anchor component={Link} to={`/clients/${client.id}`} fw={600} size="lg" style={{ overflowWrap: 'anywhere' }}>
              {client.name}
            </Anchor>
            {client.preferredName && (
              <Text size="sm">{t('caseload.prefers', { preferredName: client.preferredName })}</Text>
            )}
            <Group gap="sm" wrap="wrap">
              <Text size="sm">{t(`ageGroup.${client.ageGroup}`)}</Text>
              <AccountStatusBadge status={client.accountStatus} />
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** /caseload: the therapist's clients. The search stays in memory: names are health data. */
export function CaseloadPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const caseload = useCaseload();
  const [search, setSearch] = useState('');
  const needle = useDeferredValue(search.trim());
  const clients = caseload.data?.clients;
  const shown = useMemo(() => (clients ?? []).filter((client) => matches(client, needle)), [clients, needle]);

  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });

  const newClient = (
    <Button onClick={() => void navigate('/clients/new')} leftSection={<IconPlus size={18} aria-hidden="true" />}>
      {t('caseload.newClient')}
    </Button>
  );

  return (
    <Page title={t('caseload.title')} actions={newClient}>
      {caseload.isPending && <PageLoader />}
      {caseload.isError && <ErrorState error={caseload.error} onRetry={() => void caseload.refetch()} />}
      {clients && clients.length === 0 && <EmptyState>{t('caseload.empty')}</EmptyState>}
      {clients && clients.length > 0 && (
        <Stack gap="md">
          <TextInput
            label={t('caseload.search')}
            type="search"
            autoComplete="off"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            maw={420}
          />
          <Text role="status" size="sm" c="gray.7">
            {needle ? t('caseload.matchCount', { count: shown.length }) : t('caseload.count', { count: clients.length })}
          </Text>
          {shown.length === 0 ? (
            <EmptyState action={<Button variant="default" onClick={() => setSearch('')}>{t('caseload.clearSearch')}</Button>}>
              {t('caseload.noMatches', { search: needle })}
            </EmptyState>
          ) : (
            wide ? <CaseloadTable clients={shown} /> : <CaseloadCards clients={shown} />
          )}
        </Stack>
      )}
    </Page>
  );
}
