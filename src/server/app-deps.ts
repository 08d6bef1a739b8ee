import type { Kysely } from 'kysely';
import type { AppConfig } from './config.js';
import type { Database } from './db/schema.js';
import type { Mailer } from './mailer.js';

/** What routes and services need from the outside world; tests substitute the clock and mailer. */
export interface AppDeps {
  config: AppConfig;
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  mailer: Mailer | null;
  now: () => Date;
}
