import { createContext, useContext } from 'react';
import type { SessionResponse } from '../../shared/contracts/auth.js';

export const ActiveSessionContext = createContext<SessionResponse | null>(null);

/** The signed-in session inside the pages that require one (the route guard provides it). */
export function useActiveSession(): SessionResponse {
  const session = useContext(ActiveSessionContext);
  if (!session) throw new Error('useActiveSession used outside RequireActiveSession');
  return session;
}
