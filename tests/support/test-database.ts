import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle, type DatabaseSettings } from '../../src/server/db/connect.js';
import { databaseUrlFor } from './database-url.js';

export type TestDialect = 'sqlite' | 'postgres';

export function testDialect(): TestDialect {
  return process.env.RAPPORT_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
}

type TestDatabase = DatabaseHandle & { settings: DatabaseSettings };

/** Opens the database; `close()` closes it and then removes it with `discard`. */
function openDisposable(settings: DatabaseSettings, discard: () => Promise<void> | void): TestDatabase {
  const handle = openDatabase(settings);
  return {
    ...handle,
    settings,
    close: async () => {
      await handle.close();
      await discard();
    },
  };
}

/** A fresh, migrated database of the project's dialect, dropped again by `close()`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const suffix = randomBytes(6).toString('hex');
  if (testDialect() === 'postgres') {
    const baseUrl = process.env.TEST_DATABASE_URL!;
    const name = `${inject('postgresRunPrefix')}_${suffix}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
    await admin.end();
    return openDisposable({ dialect: 'postgres', url: databaseUrlFor(baseUrl, name) }, async () => {
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    });
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-test-'));
  const file = path.join(dir, 'rapport.db');
  fs.copyFileSync(inject('goldenSqliteFile'), file);
  return openDisposable({ dialect: 'sqlite', file }, () => fs.rmSync(dir, { recursive: true, force: true }));
}
