import type { Role } from '../shared/contracts/common.js';
import type { SessionStage } from '../shared/contracts/auth.js';

/**
 * Every /api route declares who may call it (`config.policy`); the app refuses to
 * register one that does not. Record-level rules (is this client yours?) live in each
 * module's policy file and run in the service before any clinical data is read.
 */
export type RoutePolicy =
  | { kind: 'public'; why: string }
  | { kind: 'signed-in'; roles: readonly Role[]; stages: readonly SessionStage[] };

export const ALL_ROLES: readonly Role[] = ['admin', 'therapist', 'client', 'guardian'];

/** Anyone, signed in or not. Say why, so a reviewer can judge it. */
export function publicRoute(why: string): RoutePolicy {
  return { kind: 'public', why };
}

/** A fully signed-in person with one of these roles. */
export function signedIn(...roles: Role[]): RoutePolicy {
  return { kind: 'signed-in', roles, stages: ['active'] };
}

/** A person part-way through signing in (waiting for a second factor or having to set one up). */
export function signingIn(stages: SessionStage[], roles: readonly Role[] = ALL_ROLES): RoutePolicy {
  return { kind: 'signed-in', roles, stages };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}
