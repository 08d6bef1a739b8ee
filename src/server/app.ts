import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppDeps } from './app-deps.js';
import type { AppConfig } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { createSmtpMailer, type Mailer } from './mailer.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { sessionCookieName } from './modules/auth/sessions.js';
import { clientRoutes } from './modules/clients/clients.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { homeRoutes } from './modules/home/home.routes.js';
import { invitationRoutes } from './modules/invitations/invitations.routes.js';
import { practiceRoutes } from './modules/practice/practice.routes.js';
import { registerAccess } from './plugins/access.js';
import { registerErrorHandling } from './plugins/errors.js';
import { registerOpenApi } from './plugins/openapi.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { findWebRoot, registerWebApp } from './plugins/web-app.js';

export interface BuildOptions {
  /** An already-open database (tests); otherwise the one the configuration names is opened and closed with the app. */
  database?: DatabaseHandle;
  mailer?: Mailer | null;
  now?: () => Date;
  logger?: FastifyServerOptions['logger'];
  webRoot?: string | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

const FORWARDED_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

function loggerOptions(config: AppConfig): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    // Cookies, CSRF tokens and passwords never reach a log line; bodies are never logged at all.
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', '*.password', '*.token'],
      censor: '[redacted]',
    },
    serializers: {
      // The query string is dropped: it is the one part of a URL a filter could put a name into.
      req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: req.url.split('?')[0], remoteAddress: req.ip }),
    },
  };
}

/** Builds the whole app without listening: tests inject requests, main.ts listens. */
export async function buildApp(config: AppConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const database = options.database ?? openDatabase(config.database);
  const ownsDatabase = !options.database;
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    if (ownsDatabase) await database.close();
    throw error;
  }

  const deps: AppDeps = {
    config,
    db: database.db,
    dialect: database.dialect,
    mailer: options.mailer !== undefined ? options.mailer : config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.mailFrom) : null,
    now: options.now ?? (() => new Date()),
  };

  const app = Fastify({
    logger: options.logger ?? loggerOptions(config),
    bodyLimit: config.limits.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    genReqId: (req: IncomingMessage) => {
      const forwarded = req.headers['x-request-id'];
      return typeof forwarded === 'string' && FORWARDED_REQUEST_ID.test(forwarded) ? forwarded : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.decorate('deps', deps);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a cross-site HTML form cannot send it without a CORS preflight we never grant.
  app.removeContentTypeParser('text/plain');
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerErrorHandling(app);
  await registerSecurityHeaders(app, config);
  await app.register(rateLimit, { global: false });
  await registerAccess(app, deps);
  await registerOpenApi(app, sessionCookieName(config.https));

  await app.register(healthRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(invitationRoutes(deps));
  await app.register(clientRoutes(deps));
  await app.register(homeRoutes(deps));
  await app.register(practiceRoutes(deps));
  await app.register(auditRoutes(deps));

  await registerWebApp(app, options.webRoot !== undefined ? options.webRoot : findWebRoot());

  app.addHook('onClose', async () => {
    if (ownsDatabase) await database.close();
  });
  return app;
}
