import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { UnknownMigrationsError } from './db/migrate.js';
import { DEMO_PASSWORD, seedDemoPractice } from './demo/seed-demo.js';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await buildApp(config);

  const demoLogins = config.demo ? await seedDemoPractice(app.deps.db) : null;
  await app.listen({ host: config.host, port: config.port });

  const where = config.database.dialect === 'sqlite' ? config.database.file : 'PostgreSQL (DATABASE_URL)';
  const lines = [``, `Rapport is running at ${config.publicUrl}`, `Database: ${where}`];
  if (demoLogins) {
    lines.push(`Demo practice created. Sign in with any of these (password: ${DEMO_PASSWORD}):`);
    for (const login of demoLogins) lines.push(`  ${login.role.padEnd(9)} ${login.email.padEnd(28)} ${login.name}`);
  } else if (config.demo) {
    lines.push(`Demo logins (if this database holds the demo practice) use the password ${DEMO_PASSWORD}; admin: admin@demo.rapport.test, therapist: sam@demo.rapport.test.`);
  }
  lines.push(`API reference: ${config.publicUrl}/api/docs`, ``);
  process.stdout.write(`${lines.join('\n')}\n`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    const timer = setTimeout(() => {
      app.log.error('requests did not finish in time; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    timer.unref();
    // Fastify stops accepting, waits for in-flight requests, then onClose closes the database.
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof UnknownMigrationsError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Rapport could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
