import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditOutcome } from '../../shared/contracts/audit.js';
import type { ClientAccountStatus } from '../../shared/contracts/clients.js';
import type { TherapistListItem } from '../../shared/contracts/practice.js';

const ACCOUNT_COLOURS: Record<ClientAccountStatus, string> = {
  not_invited: 'gray',
  invited: 'blue',
  invitation_expired: 'orange',
  active: 'green',
};

/** A client's account state, in words (the colour only repeats them). */
export function AccountStatusBadge({ status }: { status: ClientAccountStatus }) {
  const { t } = useTranslation();
  return <Badge color={ACCOUNT_COLOURS[status]}>{t(`accountStatus.${status}`)}</Badge>;
}

const THERAPIST_COLOURS: Record<TherapistListItem['status'], string> = {
  active: 'green',
  invited: 'blue',
  invitation_expired: 'orange',
};

export function TherapistStatusBadge({ status }: { status: TherapistListItem['status'] }) {
  const { t } = useTranslation();
  return <Badge color={THERAPIST_COLOURS[status]}>{t(`therapistStatus.${status}`)}</Badge>;
}

const OUTCOME_COLOURS: Record<AuditOutcome, string> = {
  allowed: 'green',
  denied: 'red',
  failed: 'orange',
};

export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  const { t } = useTranslation();
  return <Badge color={OUTCOME_COLOURS[outcome]}>{t(`audit.outcome.${outcome}`)}</Badge>;
}
