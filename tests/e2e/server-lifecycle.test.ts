import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVER_ENTRY, startServer, type RunningServer } from '../support/server-process.js';

const DEMO_PASSWORD = 'harbour-lantern-2026';
const running: RunningServer[] = [];
const dirs: string[] = [];

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-lifecycle-'));
  dirs.push(dir);
  return dir;
}

async function start(env: Record<string, string>): Promise<RunningServer> {
  const server = await startServer(env);
  running.push(server);
  return server;
}

afterEach(async () => {
  for (const server of running.splice(0)) await server.stop();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Signs in over real HTTP and returns a function that makes signed-in JSON requests. */
async function signIn(url: string, email: string, password: string) {
  const response = await fetch(`${url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!response.ok) return { status: response.status, call: null };
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const call = (method: string, route: string, body?: unknown) =>
    fetch(`${url}${route}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  return { status: response.status, call };
}

describe('npm start, restarts and shutdown', () => {
  it('creates the database in DATA_DIR, seeds the demo practice once, prints the logins and keeps data across a restart', async () => {
    const dataDir = tempDataDir();
    const first = await start({ DATA_DIR: dataDir });
    expect(fs.existsSync(path.join(dataDir, 'rapport.db'))).toBe(true);
    expect(first.output()).toContain(`Rapport is running at ${first.url}`);
    expect(first.output()).toContain('sam@demo.rapport.test');
    expect(first.output()).toContain(DEMO_PASSWORD);

    const therapist = await signIn(first.url, 'sam@demo.rapport.test', DEMO_PASSWORD);
    expect(therapist.status).toBe(200);
    const created = await therapist.call!('POST', '/api/clients', { name: 'Survives Restart', dateOfBirth: '1993-03-03' });
    expect(created.status).toBe(201);
    expect(await first.stop()).toBe(0); // SIGTERM: drained and closed cleanly

    const second = await start({ DATA_DIR: dataDir, PORT: String(first.port) });
    expect(second.output()).not.toContain('Demo practice created');
    const again = await signIn(second.url, 'sam@demo.rapport.test', DEMO_PASSWORD);
    const caseload = (await (await again.call!('GET', '/api/clients')).json()) as { clients: Array<{ name: string }> };
    expect(caseload.clients.map((c) => c.name)).toEqual(expect.arrayContaining(['Survives Restart', 'Maya Chen', 'Leo Park', 'Ava Brooks']));
  });

  it('leaves the database empty with DEMO=0, and in production unless DEMO=1', async () => {
    const noDemo = await start({ DATA_DIR: tempDataDir(), DEMO: '0' });
    expect(noDemo.output()).not.toContain('Demo practice created');
    expect((await signIn(noDemo.url, 'sam@demo.rapport.test', DEMO_PASSWORD)).status).toBe(401);

    const production = await start({ DATA_DIR: tempDataDir(), NODE_ENV: 'production' });
    expect((await signIn(production.url, 'sam@demo.rapport.test', DEMO_PASSWORD)).status).toBe(401);

    const productionDemo = await start({ DATA_DIR: tempDataDir(), NODE_ENV: 'production', DEMO: '1' });
    expect(productionDemo.output()).toContain('Demo practice created');
  });

  it('logs the shutdown and exits 0 on SIGTERM', async () => {
    const server = await start({ DATA_DIR: tempDataDir(), DEMO: '0', LOG_LEVEL: 'info' });
    expect(await server.stop()).toBe(0);
    expect(server.output()).toMatch(/shutting down/);
  });

  it('refuses to start on an invalid setting and names it', () => {
    const result = spawnSync(process.execPath, [SERVER_ENTRY], { env: { PATH: process.env.PATH ?? '', PORT: 'eighty', DATABASE_URL: 'mysql://nope' }, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PORT/);
    expect(result.stderr).toMatch(/DATABASE_URL/);
  });
});
