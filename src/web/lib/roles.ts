import type { Role } from '../../shared/contracts/common.js';

/** Where each role starts. */
export const ROLE_HOME: Record<Role, string> = {
  therapist: '/caseload',
  client: '/home',
  guardian: '/guardian',
  admin: '/admin/therapists',
};

/** Which roles each area of the app is for (the router uses the same lists). */
export const AREA_ROLES = {
  therapist: ['therapist'],
  client: ['client'],
  guardian: ['guardian'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

const PREFIX_ROLES: Array<[string, readonly Role[]]> = [
  ['/caseload', AREA_ROLES.therapist],
  ['/clients', AREA_ROLES.therapist],
  ['/home', AREA_ROLES.client],
  ['/guardian', AREA_ROLES.guardian],
  ['/admin', AREA_ROLES.admin],
  ['/settings', ['admin', 'therapist', 'client', 'guardian']],
];

/**
 * Where to go after signing in: back to the page the person asked for when it is one
 * of theirs, otherwise their role's home.
 */
export function destinationAfterSignIn(role: Role, requested: string | null | undefined): string {
  if (requested && requested.startsWith('/') && !requested.startsWith('//')) {
    const path = requested.split(/[?#]/)[0] ?? '';
    const match = PREFIX_ROLES.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`));
    if (match && match[1].includes(role)) return requested;
  }
  return ROLE_HOME[role];
}

/** Reads the `from` location a route guard left in router state. */
export function requestedPathFrom(state: unknown): string | null {
  if (state && typeof state === 'object' && 'from' in state && typeof state.from === 'string') return state.from;
  return null;
}
