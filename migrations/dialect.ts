import { PostgresAdapter, type Kysely } from 'kysely';

/** The few places where the two dialects differ; everything else in a migration is shared. */
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** timestamptz on PostgreSQL; ISO-8601 text on SQLite (which sorts and compares correctly). */
export function timestampType(db: Kysely<unknown>): 'timestamptz' | 'text' {
  return isPostgres(db) ? 'timestamptz' : 'text';
}
