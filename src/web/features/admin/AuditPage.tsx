import { Button, Group, Paper, SimpleGrid, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent, AuditFilters } from '../../../shared/contracts/audit.js';
import { Page } from '../../components/Page.js';
import { EmptyState, ErrorState, PageLoader } from '../../components/PageStatus.js';
import { OutcomeBadge } from '../../components/StatusBadge.js';
import { formatDateTime } from '../../lib/format.js';
import { SECONDARY_TEXT } from '../../theme.js';
import { useAuditEvents, useAuditFilters, type AuditFilterValues } from './api.js';

const NO_FILTERS: AuditFilterValues = { actorId: null, clientId: null, from: '', to: '' };

const ACTION_KEYS = {
  'auth.sign_in': 'audit.actions.signIn',
  'auth.password_accepted': 'audit.actions.passwordAccepted',
  'auth.second_factor': 'audit.actions.secondFactor',
  'auth.sign_out': 'audit.actions.signOut',
  'auth.totp_setup_started': 'audit.actions.totpSetupStarted',
  'auth.totp_enabled': 'audit.actions.totpEnabled',
  'auth.totp_disabled': 'audit.actions.totpDisabled',
  'client.list': 'audit.actions.clientList',
  'client.create': 'audit.actions.clientCreate',
  'client.read': 'audit.actions.clientRead',
  'client.update': 'audit.actions.clientUpdate',
  'client.home.read': 'audit.actions.clientHomeRead',
  'invitation.create': 'audit.actions.invitationCreate',
  'invitation.accept': 'audit.actions.invitationAccept',
  'practice.therapists.list': 'audit.actions.therapistsList',
  'audit.list': 'audit.actions.auditList',
  'audit.filters': 'audit.actions.auditFilters',
} as const;

const RECORD_KEYS = {
  client: 'audit.records.client',
  invitation: 'audit.records.invitation',
  user: 'audit.records.user',
  practice: 'audit.records.practice',
  audit_events: 'audit.records.auditEvents',
  route: 'audit.records.route',
} as const;

function hasKey<T extends object>(map: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(map, key);
}

function EventRow({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const action = hasKey(ACTION_KEYS, event.action)
    ? t(ACTION_KEYS[event.action])
    : event.recordType === 'route'
      ? t('audit.actions.route', { route: event.action })
      : event.action;
  const recordType = event.recordType ? (hasKey(RECORD_KEYS, event.recordType) ? t(RECORD_KEYS[event.recordType]) : event.recordType) : null;
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <time dateTime={event.at}>{formatDateTime(event.at)}</time>
      </Table.Td>
      <Table.Td>
        {event.actor ? (
          <>
            <Text size="sm" fw={500}>
              {event.actor.name}
            </Text>
            <Text size="xs" c={SECONDARY_TEXT}>
              {t(`roles.${event.actor.role}`)}
            </Text>
          </>
        ) : (
          <Text size="sm">{t('audit.noActor')}</Text>
        )}
      </Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{action}</Table.Td>
      <Table.Td>
        {recordType ? (
          <>
            <Text size="sm">{recordType}</Text>
            {event.recordId && (
              <Text size="xs" c={SECONDARY_TEXT} ff="monospace" title={event.recordId}>
                {event.recordId.slice(0, 8)}
              </Text>
            )}
          </>
        ) : (
          <Text size="sm">{t('common.none')}</Text>
        )}
      </Table.Td>
      <Table.Td>{event.client ? event.client.name : <Text size="sm">{t('common.none')}</Text>}</Table.Td>
      <Table.Td>
        <OutcomeBadge outcome={event.outcome} />
      </Table.Td>
    </Table.Tr>
  );
}

function FiltersForm({ options, value, onChange, dateError }: { options: AuditFilters | undefined; value: AuditFilterValues; onChange: (next: AuditFilterValues) => void; dateError: string | null }) {
  const { t } = useTranslation();
  const people = useMemo(
    () => (options?.people ?? []).map((person) => ({ value: person.id, label: t('audit.personOption', { name: person.name, role: t(`roles.${person.role}`) }) })),
    [options, t],
  );
  const clients = useMemo(() => (options?.clients ?? []).map((client) => ({ value: client.id, label: client.name })), [options]);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('audit.filtersLabel')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        <Select
          label={t('audit.person')}
          placeholder={t('audit.everyone')}
          data={people}
          value={value.actorId}
          onChange={(actorId) => onChange({ ...value, actorId })}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('audit.clearPerson') }}
          nothingFoundMessage={t('audit.nothingFound')}
          disabled={!options}
        />
        <Select
          label={t('audit.client')}
          placeholder={t('audit.allClients')}
          data={clients}
          value={value.clientId}
          onChange={(clientId) => onChange({ ...value, clientId })}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('audit.clearClient') }}
          nothingFoundMessage={t('audit.nothingFound')}
          disabled={!options}
        />
        <TextInput label={t('audit.from')} type="date" value={value.from} onChange={(event) => onChange({ ...value, from: event.currentTarget.value })} error={dateError} />
        <TextInput label={t('audit.to')} type="date" value={value.to} onChange={(event) => onChange({ ...value, to: event.currentTarget.value })} />
      </SimpleGrid>
      <Group mt="md">
        <Button variant="default" onClick={() => onChange(NO_FILTERS)}>
          {t('audit.clearFilters')}
        </Button>
      </Group>
    </Paper>
  );
}

/** /admin/audit: who did what, newest first. Filters stay in memory, never in the address. */
export function AuditPage() {
  const { t } = useTranslation();
  const filterOptions = useAuditFilters();
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  const dateError = filters.from && filters.to && filters.from > filters.to ? t('audit.dateOrder') : null;
  const events = useAuditEvents(filters, !dateError);
  const rows = events.data?.pages.flatMap((page) => page.events) ?? [];

  return (
    <Page title={t('audit.title')} description={t('audit.intro')}>
      {filterOptions.isError && <ErrorState error={filterOptions.error} onRetry={() => void filterOptions.refetch()} title={t('audit.filtersFailed')} />}
      <FiltersForm options={filterOptions.data} value={filters} onChange={setFilters} dateError={dateError} />
      {!dateError && events.isPending && <PageLoader />}
      {events.isError && <ErrorState error={events.error} onRetry={() => void events.refetch()} />}
      {events.data && rows.length === 0 && <EmptyState>{t('audit.empty')}</EmptyState>}
      {rows.length > 0 && (
        <Stack gap="md">
          <Table.ScrollContainer minWidth={860} type="native" tabIndex={0} role="region" aria-label={t('audit.tableLabel')}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('audit.columns.time')}</Table.Th>
                  <Table.Th scope="col">{t('audit.columns.person')}</Table.Th>
                  <Table.Th scope="col">{t('audit.columns.action')}</Table.Th>
                  <Table.Th scope="col">{t('audit.columns.record')}</Table.Th>
                  <Table.Th scope="col">{t('audit.columns.client')}</Table.Th>
                  <Table.Th scope="col">{t('audit.columns.outcome')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((event) => (
                  <EventRow key={event.id} event={event} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text role="status" size="sm" c={SECONDARY_TEXT}>
            {t('audit.shown', { count: rows.length })}
          </Text>
          {events.hasNextPage && (
            <Group>
              <Button variant="default" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
                {t('audit.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Page>
  );
}
