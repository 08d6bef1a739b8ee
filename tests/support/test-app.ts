import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type BuildOptions } from '../../src/server/app.js';
import { DEFAULT_LIMITS, loadConfig, type AppConfig, type AppLimits } from '../../src/server/config.js';
import type { DatabaseHandle } from '../../src/server/db/connect.js';
import type { Mailer, OutgoingMail } from '../../src/server/mailer.js';
import { createTestDatabase } from './test-database.js';

/** Configuration for tests: no demo data, silent logs, and any variable a test wants to set. */
export function testConfig(env: Record<string, string> = {}, limits: Partial<AppLimits> = {}): AppConfig {
  const config = loadConfig({ NODE_ENV: 'test', DEMO: '0', LOG_LEVEL: 'silent', ...env });
  return { ...config, limits: { ...DEFAULT_LIMITS, ...limits } };
}

export class RecordingMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  failNext = false;
  async send(mail: OutgoingMail): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('SMTP refused the message');
    }
    this.sent.push(mail);
  }
}

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  db: DatabaseHandle['db'];
  config: AppConfig;
  clock: { now: Date; advance(ms: number): void };
  close(): Promise<void>;
}

/**
 * A fresh database and an app on top of it. The clock is the real time unless a test
 * moves it (`clock.advance`), which is how idle and absolute timeouts are tested.
 */
export async function createTestApp(
  options: { env?: Record<string, string>; limits?: Partial<AppLimits>; mailer?: Mailer | null; database?: DatabaseHandle; build?: Partial<BuildOptions> } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = testConfig(options.env, options.limits);
  let offsetMs = 0;
  const clock = {
    get now() {
      return new Date(Date.now() + offsetMs);
    },
    advance(ms: number) {
      offsetMs += ms;
    },
  };
  const app = await buildApp(config, { database, mailer: options.mailer ?? null, now: () => clock.now, logger: false, webRoot: null, ...options.build });
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    config,
    clock,
    close: async () => {
      await app.close();
      if (!options.database) await database.close();
    },
  };
}

export type Response = LightMyRequestResponse;

/** JSON requests as a browser on our own origin would send them. */
export function jsonRequest(method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}): InjectOptions {
  return {
    method,
    url,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  };
}
