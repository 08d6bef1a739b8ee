import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  SessionResponseSchema,
  TotpSetupResponseSchema,
  type SignInRequest,
  type TotpCodeRequest,
} from '../../../shared/contracts/auth.js';
import { apiRequest } from '../../api/client.js';
import { applySession, sessionQueryKey } from '../../api/session.js';

/** Mutations that answer with a new session: store it, then re-read it from the server. */
function useSessionMutation<Body>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => apiRequest(path, { method: 'POST', body, schema: SessionResponseSchema }),
    onSuccess: (session) => {
      applySession(queryClient, session);
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}

export const useSignIn = () => useSessionMutation<SignInRequest>('/auth/sign-in');
export const useSecondFactor = () => useSessionMutation<TotpCodeRequest>('/auth/second-factor');
export const useEnableTotp = () => useSessionMutation<TotpCodeRequest>('/auth/totp/enable');
export const useDisableTotp = () => useSessionMutation<TotpCodeRequest>('/auth/totp/disable');

export function useBeginTotpSetup() {
  return useMutation({
    mutationFn: () => apiRequest('/auth/totp/setup', { method: 'POST', body: {}, schema: TotpSetupResponseSchema }),
  });
}
