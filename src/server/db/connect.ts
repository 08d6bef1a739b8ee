import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type DatabaseSettings = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DatabaseSettings['dialect'];
  close(): Promise<void>;
}

const PG_TIMESTAMPTZ_OID = 1184;
const PG_INT8_OID = 20;

/**
 * Parsers for this pool only (not pg's global registry): timestamps come back as ISO
 * strings like SQLite's, and counts as numbers.
 */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === PG_TIMESTAMPTZ_OID) return (value: string) => new Date(value).toISOString();
    if (oid === PG_INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export function openDatabase(settings: DatabaseSettings): DatabaseHandle {
  if (settings.dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: settings.url, types: pgTypes, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }

  fs.mkdirSync(path.dirname(settings.file), { recursive: true });
  const sqlite = new SqliteDatabase(settings.file);
  // WAL lets readers run beside the writer; FULL syncs the WAL on every commit so an
  // acknowledged write survives power loss; the busy timeout waits out another process's lock.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}
