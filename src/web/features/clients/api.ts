import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CaseloadResponseSchema,
  ClientDetailSchema,
  type ClientDetail,
  type CreateClientRequest,
  type UpdateClientRequest,
} from '../../../shared/contracts/clients.js';
import { InvitationIssuedSchema } from '../../../shared/contracts/invitations.js';
import { apiRequest } from '../../api/client.js';

export const clientKeys = {
  caseload: ['clients', 'caseload'] as const,
  detail: (clientId: string) => ['clients', 'detail', clientId] as const,
};

export function useCaseload() {
  return useQuery({
    queryKey: clientKeys.caseload,
    queryFn: ({ signal }) => apiRequest('/clients', { schema: CaseloadResponseSchema, signal }),
  });
}

export function useClient(clientId: string) {
  return useQuery({
    queryKey: clientKeys.detail(clientId),
    queryFn: ({ signal }) => apiRequest(`/clients/${encodeURIComponent(clientId)}`, { schema: ClientDetailSchema, signal }),
  });
}

export function useCreateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateClientRequest) => apiRequest('/clients', { method: 'POST', body, schema: ClientDetailSchema }),
    onSuccess: (client) => {
      queryClient.setQueryData(clientKeys.detail(client.id), client);
      void queryClient.invalidateQueries({ queryKey: clientKeys.caseload });
    },
  });
}

export function useUpdateClient(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateClientRequest) =>
      apiRequest(`/clients/${encodeURIComponent(clientId)}`, { method: 'PATCH', body, schema: ClientDetailSchema }),
    onSuccess: (client: ClientDetail) => {
      queryClient.setQueryData(clientKeys.detail(client.id), client);
      void queryClient.invalidateQueries({ queryKey: clientKeys.caseload });
    },
  });
}

export function useInviteClient(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(`/clients/${encodeURIComponent(clientId)}/invitation`, { method: 'POST', body: {}, schema: InvitationIssuedSchema }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: clientKeys.detail(clientId) });
      void queryClient.invalidateQueries({ queryKey: clientKeys.caseload });
    },
  });
}
