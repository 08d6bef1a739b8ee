import { randomUUID } from 'node:crypto';
import type { SessionResponse, SessionStage, TotpSetupResponse } from '../../../shared/contracts/auth.js';
import type { AppDeps } from '../../app-deps.js';
import type { Executor, ServiceContext, SignedInContext } from '../../context.js';
import type { SessionRow, UserRow } from '../../db/schema.js';
import { AppError, conflict, forbidden, invalidField } from '../../errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { isSecondFactorRequired } from './auth.policy.js';
import { decoyPasswordHash, verifyPassword } from './passwords.js';
import { createSession, endSession, type NewSession } from './sessions.js';
import { acceptTotpCode, createTotpSecret, totpQrCode, totpUri } from './totp.js';

const WRONG_CREDENTIALS = 'That email and password do not match an account.';

export async function describeSession(executor: Executor, session: SessionRow, config: AppDeps['config']): Promise<SessionResponse> {
  const row = await executor
    .selectFrom('users')
    .innerJoin('practices', 'practices.id', 'users.practice_id')
    .select(['users.id', 'users.name', 'users.email', 'users.role', 'users.totp_enabled_at', 'practices.id as practiceId', 'practices.name as practiceName'])
    .where('users.id', '=', session.user_id)
    .executeTakeFirstOrThrow();
  return {
    stage: session.stage,
    csrfToken: session.csrf_token,
    expiresAt: session.expires_at,
    user: {
      id: row.id,
      name: row.name,
      email: row.email,
      role: row.role,
      practice: { id: row.practiceId, name: row.practiceName },
      totpEnabled: row.totp_enabled_at !== null,
      totpRequired: isSecondFactorRequired(row.role, config),
    },
  };
}

/** The stage a freshly verified password leads to. */
export function stageAfterPassword(user: Pick<UserRow, 'role' | 'totp_enabled_at'>, config: AppDeps['config']): SessionStage {
  if (user.totp_enabled_at) return 'mfa_required';
  return isSecondFactorRequired(user.role, config) ? 'mfa_enrollment_required' : 'active';
}

/** Throttles guessing against one account from any number of addresses (failures are shared by all instances through the database). */
async function assertAccountNotThrottled(deps: AppDeps, email: string, now: Date): Promise<void> {
  const { failedSignInsPerAccount, failedSignInWindowMs } = deps.config.limits;
  const since = new Date(now.getTime() - failedSignInWindowMs).toISOString();
  const recent = await deps.db
    .selectFrom('failed_sign_ins')
    .select(['at'])
    .where('email', '=', email)
    .where('at', '>', since)
    .orderBy('at', 'asc')
    .limit(failedSignInsPerAccount)
    .execute();
  if (recent.length < failedSignInsPerAccount) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(recent[0]!.at) + failedSignInWindowMs - now.getTime()) / 1000));
  throw new AppError(
    'RATE_LIMITED',
    `Too many unsuccessful attempts for this account. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
    undefined,
    { 'retry-after': String(retryAfterSeconds) },
  );
}

async function noteFailedAttempt(executor: Executor, ctx: ServiceContext, email: string): Promise<void> {
  await executor.insertInto('failed_sign_ins').values({ id: randomUUID(), email, ip: ctx.ip, at: ctx.now.toISOString() }).execute();
}

export async function signIn(
  deps: AppDeps,
  ctx: ServiceContext,
  input: { email: string; password: string; userAgent: string | null },
): Promise<{ created: NewSession; view: SessionResponse }> {
  await assertAccountNotThrottled(deps, input.email, ctx.now);
  const user = await deps.db.selectFrom('users').selectAll().where('email', '=', input.email).executeTakeFirst();
  const usable = user && user.password_hash && user.disabled_at === null ? user : null;
  const passwordOk = await verifyPassword(usable?.password_hash ?? (await decoyPasswordHash()), input.password);

  if (!usable || !passwordOk) {
    await deps.db.transaction().execute(async (trx) => {
      await noteFailedAttempt(trx, ctx, input.email);
      await recordAudit(trx, ctx, {
        action: 'auth.sign_in',
        outcome: 'failed',
        recordType: 'user',
        recordId: user?.id ?? null,
        practiceId: user?.practice_id ?? null,
        actorUserId: user?.id ?? null,
        actorRole: user?.role ?? null,
      });
    });
    throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
  }

  return deps.db.transaction().execute(async (trx) => {
    // A new session id at every sign-in: a session id planted before sign-in is worthless after it.
    if (ctx.actor) await endSession(trx, ctx.actor.sessionId);
    await trx.deleteFrom('failed_sign_ins').where('email', '=', input.email).execute();
    const stage = stageAfterPassword(usable, deps.config);
    const created = await createSession(trx, { user: usable, stage, now: ctx.now, ip: ctx.ip, userAgent: input.userAgent, limits: deps.config.limits });
    await recordAudit(trx, ctx, {
      action: stage === 'mfa_required' ? 'auth.password_accepted' : 'auth.sign_in',
      outcome: 'allowed',
      recordType: 'user',
      recordId: usable.id,
      practiceId: usable.practice_id,
      actorUserId: usable.id,
      actorRole: usable.role,
    });
    return { created, view: await describeSession(trx, created.session, deps.config) };
  });
}

/** Second step of signing in: the code from the authenticator app turns the challenge into a full session. */
export async function completeSecondFactor(
  deps: AppDeps,
  ctx: SignedInContext,
  input: { code: string; userAgent: string | null },
): Promise<{ created: NewSession; view: SessionResponse }> {
  const user = await deps.db.selectFrom('users').selectAll().where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
  await assertAccountNotThrottled(deps, user.email, ctx.now);
  const step = user.totp_secret ? acceptTotpCode(user.totp_secret, input.code, ctx.now, user.totp_last_step) : null;
  if (step === null) {
    await deps.db.transaction().execute(async (trx) => {
      await noteFailedAttempt(trx, ctx, user.email);
      await recordAudit(trx, ctx, { action: 'auth.second_factor', outcome: 'failed', recordType: 'user', recordId: user.id });
    });
    throw invalidField('code', 'That code is not right. Check the time on your phone and try the newest code.');
  }
  return deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_last_step: step }).where('id', '=', user.id).execute();
    await trx.deleteFrom('failed_sign_ins').where('email', '=', user.email).execute();
    await endSession(trx, ctx.actor.sessionId);
    const created = await createSession(trx, { user, stage: 'active', now: ctx.now, ip: ctx.ip, userAgent: input.userAgent, limits: deps.config.limits });
    await recordAudit(trx, ctx, { action: 'auth.sign_in', outcome: 'allowed', recordType: 'user', recordId: user.id });
    return { created, view: await describeSession(trx, created.session, deps.config) };
  });
}

export async function signOut(ctx: SignedInContext): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await endSession(trx, ctx.actor.sessionId);
    await recordAudit(trx, ctx, { action: 'auth.sign_out', outcome: 'allowed', recordType: 'user', recordId: ctx.actor.userId });
  });
}

/** Starts (or restarts) setting up an authenticator app; the factor is off until a code proves the app has the secret. */
export async function beginTotpSetup(ctx: SignedInContext): Promise<TotpSetupResponse> {
  const user = await ctx.db.selectFrom('users').select(['email', 'totp_enabled_at']).where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
  if (user.totp_enabled_at) throw conflict('Two-step sign-in is already on. Turn it off first to move it to a new phone.');
  const secret = createTotpSecret();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_secret: secret, totp_last_step: null, updated_at: ctx.now.toISOString() }).where('id', '=', ctx.actor.userId).execute();
    await recordAudit(trx, ctx, { action: 'auth.totp_setup_started', outcome: 'allowed', recordType: 'user', recordId: ctx.actor.userId });
  });
  const uri = totpUri(secret, user.email);
  return { secret, otpauthUri: uri, qrCodeDataUrl: await totpQrCode(uri) };
}

export async function enableTotp(deps: AppDeps, ctx: SignedInContext, code: string): Promise<SessionResponse> {
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
  if (user.totp_enabled_at) throw conflict('Two-step sign-in is already on.');
  if (!user.totp_secret) throw conflict('Start setting up two-step sign-in first.');
  const step = acceptTotpCode(user.totp_secret, code, ctx.now, user.totp_last_step);
  if (step === null) throw invalidField('code', 'That code is not right. Scan the QR code again or type the key, then enter the newest code.');
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_enabled_at: ctx.now.toISOString(), totp_last_step: step, updated_at: ctx.now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    // Setting up the factor completes a sign-in that was waiting for it.
    await trx.updateTable('sessions').set({ stage: 'active' }).where('id', '=', ctx.actor.sessionId).execute();
    await recordAudit(trx, ctx, { action: 'auth.totp_enabled', outcome: 'allowed', recordType: 'user', recordId: user.id });
    const session = await trx.selectFrom('sessions').selectAll().where('id', '=', ctx.actor.sessionId).executeTakeFirstOrThrow();
    return describeSession(trx, session, deps.config);
  });
}

export async function disableTotp(deps: AppDeps, ctx: SignedInContext, code: string): Promise<SessionResponse> {
  if (isSecondFactorRequired(ctx.actor.role, deps.config)) throw forbidden('Two-step sign-in is required for your role and cannot be turned off.');
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
  if (!user.totp_enabled_at || !user.totp_secret) throw conflict('Two-step sign-in is not on.');
  if (acceptTotpCode(user.totp_secret, code, ctx.now, user.totp_last_step) === null) throw invalidField('code', 'That code is not right.');
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_enabled_at: null, totp_secret: null, totp_last_step: null, updated_at: ctx.now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    await recordAudit(trx, ctx, { action: 'auth.totp_disabled', outcome: 'allowed', recordType: 'user', recordId: user.id });
    const session = await trx.selectFrom('sessions').selectAll().where('id', '=', ctx.actor.sessionId).executeTakeFirstOrThrow();
    return describeSession(trx, session, deps.config);
  });
}
