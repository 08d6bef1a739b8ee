import type { Insertable, Selectable } from 'kysely';
import type { Role } from '../../shared/contracts/common.js';
import type { AuditOutcome } from '../../shared/contracts/audit.js';
import type { SessionStage } from '../../shared/contracts/auth.js';

/**
 * The typed shape of the database. Timestamps are UTC ISO-8601 strings on both dialects
 * (PostgreSQL stores timestamptz; the driver is told to hand them back as ISO strings).
 * Calendar dates (date of birth) are `YYYY-MM-DD` text on both, so no time zone can shift them.
 */
type Timestamp = string;

export interface PracticesTable {
  id: string;
  name: string;
  created_at: Timestamp;
}

export interface UsersTable {
  id: string;
  practice_id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  totp_last_step: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  disabled_at: Timestamp | null;
}

export interface ClientsTable {
  id: string;
  practice_id: string;
  therapist_id: string;
  user_id: string | null;
  name: string;
  preferred_name: string | null;
  date_of_birth: string;
  email: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InvitationsTable {
  id: string;
  practice_id: string;
  kind: 'client' | 'therapist';
  token_hash: string;
  email: string;
  name: string;
  client_id: string | null;
  invited_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_user_id: string | null;
  revoked_at: Timestamp | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a copy of the database does not yield live sessions. */
  id: string;
  user_id: string;
  practice_id: string;
  stage: SessionStage;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface FailedSignInsTable {
  id: string;
  email: string;
  ip: string | null;
  at: Timestamp;
}

export interface AuditEventsTable {
  id: string;
  practice_id: string | null;
  actor_user_id: string | null;
  actor_role: Role | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  client_id: string | null;
  outcome: AuditOutcome;
  request_id: string | null;
  at: Timestamp;
}

export interface Database {
  practices: PracticesTable;
  users: UsersTable;
  clients: ClientsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  failed_sign_ins: FailedSignInsTable;
  audit_events: AuditEventsTable;
}

export type UserRow = Selectable<UsersTable>;
export type ClientRow = Selectable<ClientsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;
