// The built app plus two baseline routes that do the least database work a route can do,
// so each scenario is compared with a baseline measured in the same run on the same machine.
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../dist/src/server/app.js';
import { loadConfig } from '../dist/src/server/config.js';
import { seedDemoPractice } from '../dist/src/server/demo/seed-demo.js';

const config = loadConfig();
const app = await buildApp(config);
const { db } = app.deps;
await seedDemoPractice(db);
await sql`create table if not exists bench_baseline (id text primary key, at text not null)`.execute(db);

// Outside /api, so no policy, session or audit: the floor under every real route.
app.get('/bench/read', async () => {
  await sql`select 1`.execute(db);
  return { ok: true };
});
app.post('/bench/write', async () => {
  await db.transaction().execute(async (trx) => {
    await sql`insert into bench_baseline (id, at) values (${randomUUID()}, ${new Date().toISOString()})`.execute(trx);
  });
  return { ok: true };
});

await app.listen({ host: '127.0.0.1', port: config.port });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
