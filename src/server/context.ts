import type { FastifyBaseLogger } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../shared/contracts/common.js';
import type { SessionStage } from '../shared/contracts/auth.js';
import type { Database } from './db/schema.js';

/** Who is making a request, resolved from their server-side session. */
export interface Actor {
  userId: string;
  role: Role;
  practiceId: string;
  sessionId: string;
  stage: SessionStage;
}

/** What every service function receives: the database, who asks, and the request's identity. */
export interface ServiceContext {
  db: Kysely<Database>;
  actor: Actor | null;
  requestId: string;
  ip: string | null;
  now: Date;
  /** The request's logger: every line carries the request id. Never log health data. */
  log: FastifyBaseLogger;
}

export interface SignedInContext extends ServiceContext {
  actor: Actor;
}

export type Executor = Kysely<Database> | Transaction<Database>;

export function requireActor(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw new Error('A signed-in actor is required here; the route policy should have ensured it.');
  return ctx.actor;
}
