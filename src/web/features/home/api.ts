import { useQuery } from '@tanstack/react-query';
import { ClientHomeSchema, GuardianHomeSchema } from '../../../shared/contracts/home.js';
import { apiRequest } from '../../api/client.js';

export function useClientHome() {
  return useQuery({
    queryKey: ['home', 'client'],
    queryFn: ({ signal }) => apiRequest('/client/home', { schema: ClientHomeSchema, signal }),
  });
}

export function useGuardianHome() {
  return useQuery({
    queryKey: ['home', 'guardian'],
    queryFn: ({ signal }) => apiRequest('/guardian/home', { schema: GuardianHomeSchema, signal }),
  });
}
