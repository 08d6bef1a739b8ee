// Benchmarks for the running app (not part of `npm test`). `npm run bench` builds first.
// Each scenario is measured several times and reported as the median, and compared with a
// baseline measured by the same script in the same run (bench/server.js: a bare route doing
// one `select 1`, and one committing a one-row insert), so the ratios hold on a noisy machine.
//
//   npm run bench                                   # SQLite
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1/postgres npm run bench   # PostgreSQL (uses a scratch database)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DEMO_PASSWORD = 'harbour-lantern-2026';

/**
 * Targets, as a share of the matching baseline's throughput in the same run. Reads that
 * only read compare with the bare read; anything that commits (an audited read commits its
 * audit events) compares with the bare one-row commit, since the durable commit
 * (synchronous=FULL) is the floor for those.
 */
const TARGETS = {
  'GET /api/auth/session': { baseline: 'read', share: 0.2 },
  'GET /api/clients (caseload of 4, audited)': { baseline: 'write', share: 0.25 },
  'POST /api/clients (validated, 2 rows in one transaction)': { baseline: 'write', share: 0.12 },
};

async function scratchPostgres(baseUrl) {
  const name = `rapport_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

async function startServer(env) {
  const port = 3900 + Math.floor(Math.random() * 90);
  const child = spawn(process.execPath, [path.join(root, 'bench/server.js')], {
    env: { ...process.env, LOG_LEVEL: 'warn', DEMO: '0', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://localhost:${port}`;
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { child, url };
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function rssOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const value = (key) => Number(/\d+/.exec(status.split('\n').find((line) => line.startsWith(key)) ?? '')?.[0] ?? NaN) / 1024;
    return { rssMiB: Math.round(value('VmRSS:')), peakRssMiB: Math.round(value('VmHWM:')) };
  } catch {
    return null;
  }
}

async function main() {
  const pgBase = process.env.BENCH_DATABASE_URL;
  const scratch = pgBase ? await scratchPostgres(pgBase) : null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-'));
  const server = await startServer(scratch ? { DATABASE_URL: scratch.url } : { DATA_DIR: dataDir });
  try {
    const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'sam@demo.rapport.test', password: DEMO_PASSWORD }),
    });
    if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status}`);
    const cookie = signIn.headers.get('set-cookie').split(';')[0];
    const { csrfToken } = await signIn.json();
    const authed = { cookie, 'x-csrf-token': csrfToken };

    const scenarios = [
      ['baseline: bare read (select 1)', { url: `${server.url}/bench/read` }],
      ['baseline: bare write (one-row commit)', { url: `${server.url}/bench/write`, method: 'POST' }],
      ['GET /api/health', { url: `${server.url}/api/health` }],
      ['GET /api/auth/session', { url: `${server.url}/api/auth/session`, headers: authed }],
      ['GET /api/clients (caseload of 4, audited)', { url: `${server.url}/api/clients`, headers: authed }],
      [
        'POST /api/clients (validated, 2 rows in one transaction)',
        {
          url: `${server.url}/api/clients`,
          method: 'POST',
          headers: { ...authed, 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'Bench Client', dateOfBirth: '1990-01-01', email: 'bench@example.test' }),
        },
      ],
    ];

    const results = [];
    for (const [name, options] of scenarios) {
      const runs = [];
      for (let i = 0; i < RUNS; i += 1) runs.push(await run(options));
      const non2xx = runs.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
      results.push({
        name,
        requestsPerSecond: Math.round(median(runs.map((r) => r.requests.average))),
        p99Ms: median(runs.map((r) => r.latency.p99)),
        failedResponses: non2xx,
      });
      console.log(`${name.padEnd(60)} ${String(results.at(-1).requestsPerSecond).padStart(7)} req/s  p99 ${results.at(-1).p99Ms} ms${non2xx ? `  (${non2xx} failed!)` : ''}`);
    }

    // Caseload reads after the create scenario see a much larger caseload; measure the memory now.
    const memory = rssOf(server.child.pid);
    const baselines = { read: results[0].requestsPerSecond, write: results[1].requestsPerSecond };
    let missed = 0;
    for (const result of results) {
      const target = TARGETS[result.name];
      if (!target) continue;
      result.target = target;
      result.shareOfBaseline = Number((result.requestsPerSecond / baselines[target.baseline]).toFixed(3));
      result.meetsTarget = result.shareOfBaseline >= target.share && result.failedResponses === 0;
      if (!result.meetsTarget) missed += 1;
      console.log(`${result.name.padEnd(60)} ${result.shareOfBaseline} × bare ${target.baseline} (target ≥ ${target.share}) ${result.meetsTarget ? 'ok' : 'MISSED'}`);
    }
    if (memory) console.log(`server memory: ${memory.rssMiB} MiB resident, peak ${memory.peakRssMiB} MiB`);

    const report = {
      date: new Date().toISOString(),
      database: scratch ? 'postgresql' : 'sqlite',
      machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, platform: `${os.platform()} ${os.release()}` },
      settings: { runs: RUNS, secondsPerRun: SECONDS, connections: CONNECTIONS },
      memory,
      results,
    };
    const file = path.join(root, 'bench/results', `${report.date.slice(0, 10)}-${report.database}.json`);
    fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`written ${path.relative(root, file)}`);
    process.exitCode = missed ? 1 : 0;
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (scratch) await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
