import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppLimits } from '../../config.js';
import type { SessionStage } from '../../../shared/contracts/auth.js';
import type { Executor } from '../../context.js';
import type { SessionRow, UserRow } from '../../db/schema.js';

/** `__Host-` pins the cookie to this exact origin over https; browsers refuse the prefix over http. */
export function sessionCookieName(https: boolean): string {
  return https ? '__Host-rapport_session' : 'rapport_session';
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokensMatch(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface NewSession {
  token: string;
  session: SessionRow;
}

/** Ends a session the moment it is idle too long, past its absolute lifetime, or its account is disabled. */
export function sessionLapsed(session: SessionRow, now: Date, limits: AppLimits): boolean {
  const nowMs = now.getTime();
  return nowMs >= Date.parse(session.expires_at) || nowMs - Date.parse(session.last_seen_at) >= limits.sessionIdleMs;
}

export async function createSession(
  executor: Executor,
  input: { user: Pick<UserRow, 'id' | 'practice_id'>; stage: SessionStage; now: Date; ip: string | null; userAgent: string | null; limits: AppLimits },
): Promise<NewSession> {
  const token = newOpaqueToken();
  const lifetime = input.stage === 'mfa_required' ? input.limits.mfaChallengeMs : input.limits.sessionAbsoluteMs;
  const session: SessionRow = {
    id: hashToken(token),
    user_id: input.user.id,
    practice_id: input.user.practice_id,
    stage: input.stage,
    csrf_token: newOpaqueToken(),
    created_at: input.now.toISOString(),
    last_seen_at: input.now.toISOString(),
    expires_at: new Date(input.now.getTime() + lifetime).toISOString(),
    ip: input.ip,
    user_agent: input.userAgent?.slice(0, 300) ?? null,
  };
  await executor.insertInto('sessions').values(session).execute();
  return { token, session };
}

export async function endSession(executor: Executor, sessionId: string): Promise<void> {
  await executor.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Looks a cookie value up; lapsed sessions are deleted on sight. */
export async function findLiveSession(
  executor: Executor,
  token: string,
  now: Date,
  limits: AppLimits,
): Promise<{ session: SessionRow; user: Pick<UserRow, 'id' | 'role' | 'practice_id'> } | null> {
  const sessionId = hashToken(token);
  // One query on every signed-in request: the session and the few user columns an Actor needs.
  const row = await executor
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('sessions')
    .select(['users.role', 'users.disabled_at'])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return null;
  const { role, disabled_at, ...session } = row;
  if (disabled_at !== null || sessionLapsed(session, now, limits)) {
    await endSession(executor, sessionId);
    return null;
  }
  // Sliding idle window; written at most once a minute so reads do not each cost a write.
  if (now.getTime() - Date.parse(session.last_seen_at) > 60_000) {
    await executor.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', sessionId).execute();
    session.last_seen_at = now.toISOString();
  }
  return { session, user: { id: session.user_id, role, practice_id: session.practice_id } };
}
