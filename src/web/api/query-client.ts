import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './client.js';
import { sessionQueryKey } from './session.js';

function isSessionGone(error: unknown): boolean {
  return isApiError(error) && error.status === 401 && error.code === 'UNAUTHENTICATED';
}

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A data request answered 401 means the session ended (idle or absolute timeout):
      // forget it so the route guard sends the person to sign in again.
      onError: (error, query) => {
        if (isSessionGone(error) && query.queryKey[0] !== sessionQueryKey[0]) {
          void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
        }
      },
    }),
    mutationCache: new MutationCache({
      // The same for a change refused because the session ended (or a sign-in challenge ran out).
      onError: (error) => {
        if (isSessionGone(error)) void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      },
    }),
    defaultOptions: {
      queries: {
        // Reading clinical records is audited; do not re-read them just because a tab got focus.
        refetchOnWindowFocus: false,
        staleTime: 30_000,
        retry: (failureCount, error) => {
          if (isApiError(error) && error.status !== 0 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
