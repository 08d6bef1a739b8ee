import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { SessionResponseSchema, type SessionResponse } from '../../shared/contracts/auth.js';
import { OkResponseSchema } from '../../shared/contracts/common.js';
import { apiRequest, isApiError, setCsrfToken } from './client.js';

export const sessionQueryKey = ['session'] as const;

/** GET /api/auth/session: the session, or null when nobody is signed in. */
export async function fetchSession(signal?: AbortSignal): Promise<SessionResponse | null> {
  try {
    const session = await apiRequest('/auth/session', { schema: SessionResponseSchema, signal });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 60_000,
  });
}

/** Stores a session that an API call just returned (sign-in, second factor, invitation, two-step changes). */
export function applySession(queryClient: QueryClient, session: SessionResponse): void {
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(sessionQueryKey, session);
}

/** Forgets everything this tab knew about the signed-in person. */
export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.cancelQueries().catch(() => undefined);
  queryClient.clear();
  queryClient.setQueryData(sessionQueryKey, null);
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      try {
        await apiRequest('/auth/sign-out', { method: 'POST', schema: OkResponseSchema });
      } catch (error) {
        // Already signed out on the server (expired session): nothing left to end.
        if (!(isApiError(error) && error.status === 401)) throw error;
      }
    },
    onSuccess: async () => {
      forgetSession(queryClient);
      await navigate('/sign-in', { replace: true });
    },
  });
}
