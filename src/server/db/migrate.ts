import { Migrator, sql, type Kysely, type MigrationProvider } from 'kysely';
import { migrations } from '../../../migrations/index.js';
import type { Database } from './schema.js';

export class UnknownMigrationsError extends Error {
  override name = 'UnknownMigrationsError';
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

async function appliedMigrationNames(db: Kysely<Database>): Promise<string[]> {
  try {
    const result = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    return result.rows.map((row) => row.name);
  } catch {
    return []; // a new database has no migration table yet
  }
}

/**
 * Brings the schema up to date. A database touched by a newer Rapport (it has migrations
 * this build does not know) is refused rather than run against a schema we do not understand.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const known = new Set(Object.keys(migrations));
  const unknown = (await appliedMigrationNames(db)).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new UnknownMigrationsError(
      `This database has migrations this version of Rapport does not know (${unknown.join(', ')}). ` +
        'It was used by a newer version; run that version or restore a matching backup.',
    );
  }
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
