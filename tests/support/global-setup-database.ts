import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/connect.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { databaseUrlFor } from './database-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    goldenSqliteFile: string;
    postgresTemplate: string;
    postgresRunPrefix: string;
  }
}

/**
 * Migrates one database per run; each test file then starts from a copy of it
 * (a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL), so tests never share state.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // `test.env` reaches the workers, not this process: the project's name says which database it tests.
  if (project.name === 'postgres') {
    const baseUrl = process.env.TEST_DATABASE_URL!;
    const runPrefix = `rapport_t${process.pid}_${Date.now().toString(36)}`;
    const template = `${runPrefix}_template`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${template}`);
    const handle = openDatabase({ dialect: 'postgres', url: databaseUrlFor(baseUrl, template) });
    await migrateToLatest(handle.db);
    await handle.close();
    project.provide('postgresTemplate', template);
    project.provide('postgresRunPrefix', runPrefix);
    project.provide('goldenSqliteFile', '');
    return async () => {
      const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${runPrefix}%`]);
      for (const row of rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
      await admin.end();
    };
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-golden-'));
  const file = path.join(dir, 'golden.db');
  const handle = openDatabase({ dialect: 'sqlite', file });
  await migrateToLatest(handle.db);
  await handle.close();
  project.provide('goldenSqliteFile', file);
  project.provide('postgresTemplate', '');
  project.provide('postgresRunPrefix', '');
  return async () => fs.rmSync(dir, { recursive: true, force: true });
}
