import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { Role } from '../../src/shared/contracts/common.js';
import type { SessionStage } from '../../src/shared/contracts/auth.js';
import { DEFAULT_LIMITS } from '../../src/server/config.js';
import type { ClientRow, Database, UserRow } from '../../src/server/db/schema.js';
import { hashPassword } from '../../src/server/modules/auth/passwords.js';
import { createSession, sessionCookieName } from '../../src/server/modules/auth/sessions.js';
import { jsonRequest } from './test-app.js';

export const TEST_PASSWORD = 'plum orchard kettle 7';

// Hashing is deliberately slow; one hash serves every test user of a process.
let testPasswordHash: Promise<string> | undefined;
function defaultPasswordHash(): Promise<string> {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  return testPasswordHash;
}

const unique = () => randomBytes(4).toString('hex');
const nowIso = () => new Date().toISOString();

export async function createPractice(db: Kysely<Database>, name = `Practice ${unique()}`): Promise<{ id: string; name: string }> {
  const practice = { id: randomUUID(), name, created_at: nowIso() };
  await db.insertInto('practices').values(practice).execute();
  return practice;
}

export async function createUser(
  db: Kysely<Database>,
  input: { practiceId: string; role: Role; name?: string; email?: string; password?: string; totpSecret?: string },
): Promise<UserRow> {
  const user: UserRow = {
    id: randomUUID(),
    practice_id: input.practiceId,
    email: (input.email ?? `${input.role}-${unique()}@example.test`).toLowerCase(),
    name: input.name ?? `${input.role[0]!.toUpperCase()}${input.role.slice(1)} ${unique()}`,
    role: input.role,
    password_hash: input.password ? await hashPassword(input.password) : await defaultPasswordHash(),
    totp_secret: input.totpSecret ?? null,
    totp_enabled_at: input.totpSecret ? nowIso() : null,
    totp_last_step: null,
    created_at: nowIso(),
    updated_at: nowIso(),
    disabled_at: null,
  };
  await db.insertInto('users').values(user).execute();
  return user;
}

export async function createClientRecord(
  db: Kysely<Database>,
  input: { practiceId: string; therapistId: string; userId?: string | null; name?: string; preferredName?: string | null; dateOfBirth?: string; email?: string | null },
): Promise<ClientRow> {
  const client: ClientRow = {
    id: randomUUID(),
    practice_id: input.practiceId,
    therapist_id: input.therapistId,
    user_id: input.userId ?? null,
    name: input.name ?? `Client ${unique()}`,
    preferred_name: input.preferredName ?? null,
    date_of_birth: input.dateOfBirth ?? '1990-05-17',
    email: input.email === undefined ? `client-${unique()}@example.test` : input.email,
    created_at: nowIso(),
    updated_at: nowIso(),
  };
  await db.insertInto('clients').values(client).execute();
  return client;
}

/** A client record with its own signed-up account. */
export async function createClientWithAccount(db: Kysely<Database>, input: { practiceId: string; therapistId: string; dateOfBirth?: string }) {
  const user = await createUser(db, { practiceId: input.practiceId, role: 'client' });
  const client = await createClientRecord(db, { ...input, userId: user.id, name: user.name, email: user.email });
  return { user, client };
}

export interface SignedInAgent {
  user: UserRow;
  cookie: string;
  csrfToken: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

/** Signs a user in without the form: a session row straight into the database, as the sign-in route would make it. */
export async function signInAs(app: FastifyInstance, user: UserRow, stage: SessionStage = 'active'): Promise<SignedInAgent> {
  const { token, session } = await createSession(app.deps.db, {
    user,
    stage,
    now: app.deps.now(),
    ip: '127.0.0.1',
    userAgent: 'vitest',
    limits: app.deps.config.limits ?? DEFAULT_LIMITS,
  });
  const cookie = `${sessionCookieName(app.deps.config.https)}=${token}`;
  const withAuth = (options: InjectOptions): InjectOptions => ({
    ...options,
    headers: { ...(options.headers ?? {}), cookie, 'x-csrf-token': session.csrf_token },
  });
  return {
    user,
    cookie,
    csrfToken: session.csrf_token,
    request: (options) => app.inject(withAuth(options)),
    get: (url) => app.inject(withAuth({ method: 'GET', url })),
    post: (url, body = {}) => app.inject(withAuth(jsonRequest('POST', url, body))),
    patch: (url, body = {}) => app.inject(withAuth(jsonRequest('PATCH', url, body))),
  };
}

/** The cookie a response set, ready to send back. */
export function cookieFrom(response: { headers: Record<string, unknown> }): string {
  const header = response.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;
  if (typeof first !== 'string') throw new Error('The response set no cookie.');
  return first.split(';')[0]!;
}
