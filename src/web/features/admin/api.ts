import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AuditFiltersSchema, AuditPageSchema } from '../../../shared/contracts/audit.js';
import { InvitationIssuedSchema } from '../../../shared/contracts/invitations.js';
import { TherapistListResponseSchema, type InviteTherapistRequest } from '../../../shared/contracts/practice.js';
import { apiRequest } from '../../api/client.js';

const therapistsKey = ['practice', 'therapists'] as const;

export function useTherapists() {
  return useQuery({
    queryKey: therapistsKey,
    queryFn: ({ signal }) => apiRequest('/practice/therapists', { schema: TherapistListResponseSchema, signal }),
  });
}

export function useInviteTherapist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteTherapistRequest) => apiRequest('/practice/therapist-invitations', { method: 'POST', body, schema: InvitationIssuedSchema }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: therapistsKey }),
  });
}

export interface AuditFilterValues {
  actorId: string | null;
  clientId: string | null;
  from: string;
  to: string;
}

export const AUDIT_PAGE_SIZE = 50;

export function useAuditFilters() {
  return useQuery({
    queryKey: ['audit', 'filters'],
    queryFn: ({ signal }) => apiRequest('/audit-events/filters', { schema: AuditFiltersSchema, signal }),
  });
}

export function useAuditEvents(filters: AuditFilterValues, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['audit', 'events', filters],
    initialPageParam: null as string | null,
    queryFn: ({ signal, pageParam }) =>
      apiRequest('/audit-events', {
        schema: AuditPageSchema,
        signal,
        query: {
          actorId: filters.actorId,
          clientId: filters.clientId,
          from: filters.from,
          to: filters.to,
          cursor: pageParam,
          limit: AUDIT_PAGE_SIZE,
        },
      }),
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    staleTime: 0,
  });
}
