import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { UnknownMigrationsError } from '../../src/server/db/migrate.js';
import { createClientRecord, createPractice, createUser, signInAs } from '../support/factories.js';
import { createTestApp, jsonRequest, testConfig, type TestApp } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-database.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('HTTP basics every route shares', () => {
  it('answers the health check only when the database answers', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ status: 'ok' });

    const database = await createTestDatabase();
    const app = await buildApp(testConfig(), { database, logger: false, webRoot: null });
    await database.close(); // the database goes away under a running app
    const down = await app.inject({ method: 'GET', url: '/api/health' });
    expect(down.statusCode).toBe(503);
    expect(down.json().error.code).toBe('UNAVAILABLE');
    await app.close();
  });

  it('sends strict security headers and forbids caching of API answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['strict-transport-security']).toBeUndefined(); // plain http here
    expect(response.headers['x-request-id']).toBeTruthy();
  });

  it('adds HSTS when the app is served over https', async () => {
    const secure = await createTestApp({ env: { PUBLIC_URL: 'https://care.example.org' } });
    const response = await secure.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    await secure.close();
  });

  it('answers unknown API paths with a JSON 404 in the one error shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String), requestId: expect.any(String) } });
  });

  it('refuses malformed JSON, other content types and bodies over the size limit, changing nothing', async () => {
    const practice = await createPractice(t.db);
    const therapist = await signInAs(t.app, await createUser(t.db, { practiceId: practice.id, role: 'therapist' }));
    const send = (payload: string, contentType: string) =>
      therapist.request({ method: 'POST', url: '/api/clients', payload, headers: { 'content-type': contentType } });

    const malformed = await send('{"name": "Ana", ', 'application/json');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');

    const form = await send('name=Ana', 'application/x-www-form-urlencoded');
    expect(form.statusCode).toBe(415);
    const text = await send('{"name":"Ana"}', 'text/plain');
    expect(text.statusCode).toBe(415);

    const huge = await send(JSON.stringify({ name: 'A'.repeat(200 * 1024), dateOfBirth: '1990-01-01' }), 'application/json');
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE');

    const count = await t.db.selectFrom('clients').select((eb) => eb.fn.countAll<number>().as('n')).where('practice_id', '=', practice.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('lists each offending field in plain words', async () => {
    const practice = await createPractice(t.db);
    const therapist = await signInAs(t.app, await createUser(t.db, { practiceId: practice.id, role: 'therapist' }));
    const response = await therapist.post('/api/clients', { name: '', dateOfBirth: '31/12/1990', email: 'not-an-email', favouriteColour: 'blue' });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.fields as Array<{ path: string; message: string }>;
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'Enter a name.' },
        { path: 'dateOfBirth', message: 'Must be a date written YYYY-MM-DD.' },
        { path: 'email', message: expect.stringMatching(/email address/) },
        { path: 'favouriteColour', message: 'This field is not accepted here.' },
      ]),
    );
  });

  it('rejects ids that are not UUIDs as bad input, not as lookups', async () => {
    const practice = await createPractice(t.db);
    const therapist = await signInAs(t.app, await createUser(t.db, { practiceId: practice.id, role: 'therapist' }));
    const response = await therapist.get('/api/clients/1%20or%201=1');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('clientId');
  });

  it('never puts a stack trace or SQL in a 500', async () => {
    const database = await createTestDatabase();
    const app = await buildApp(testConfig(), { database, logger: false, webRoot: null });
    const practice = await createPractice(database.db);
    const therapist = await signInAs(app, await createUser(database.db, { practiceId: practice.id, role: 'therapist' }));
    await createClientRecord(database.db, { practiceId: practice.id, therapistId: therapist.user.id });
    await sql`drop table invitations`.execute(database.db); // the caseload query will now fail inside the server
    const response = await therapist.get('/api/clients');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'INTERNAL', message: expect.any(String), requestId: expect.any(String) } });
    expect(response.body).not.toMatch(/invitations|select|sqlite|at \w+ \(/i);
    await app.close();
    await database.close();
  });

  it('publishes an OpenAPI 3 document generated from the route contracts, and a reference page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/sign-in', '/api/clients', '/api/clients/{clientId}']));
    const createClient = doc.paths['/api/clients'].post;
    expect(createClient.requestBody.content['application/json'].schema.properties).toHaveProperty('dateOfBirth');
    expect(Object.keys(createClient.responses)).toEqual(expect.arrayContaining(['201', '400', '401']));

    const page = await t.app.inject({ method: 'GET', url: '/api/docs' });
    const html = page.statusCode === 302 ? await t.app.inject({ method: 'GET', url: String(page.headers.location) }) : page;
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('swagger');
  });

  it('serves the web app for every page path, with long-lived caching only for hashed assets', async () => {
    const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-web-'));
    fs.mkdirSync(path.join(webRoot, 'assets'));
    fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Rapport</title>');
    fs.writeFileSync(path.join(webRoot, 'assets', 'app-1a2b3c.js'), 'console.log(1)');
    const withWeb = await createTestApp({ build: { webRoot } });
    for (const page of ['/', '/caseload', '/clients/3f6c1b9e-1d1a-4f43-9a55-2a1f7f0f1e11', '/accept-invitation']) {
      const response = await withWeb.app.inject({ method: 'GET', url: page });
      expect(response.statusCode, page).toBe(200);
      expect(response.headers['content-type'], page).toMatch(/text\/html/);
      expect(response.headers['cache-control'], page).toBe('no-cache');
    }
    const asset = await withWeb.app.inject({ method: 'GET', url: '/assets/app-1a2b3c.js' });
    expect(asset.headers['cache-control']).toMatch(/immutable/);
    expect((await withWeb.app.inject({ method: 'GET', url: '/api/nothing-here' })).headers['content-type']).toMatch(/json/);
    expect((await withWeb.app.inject({ method: 'POST', url: '/caseload' })).statusCode).toBe(404);
    await withWeb.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  it('refuses to start on a database that has migrations it does not know', async () => {
    const database = await createTestDatabase();
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01T00:00:00.000Z')`.execute(database.db);
    await expect(buildApp(testConfig(), { database, logger: false, webRoot: null })).rejects.toThrow(UnknownMigrationsError);
    await database.close();
  });

  it('accepts a JSON POST from our own origin and refuses one from another site', async () => {
    const fromElsewhere = await t.app.inject(
      jsonRequest('POST', '/api/auth/sign-in', { email: 'a@example.test', password: 'x' }, { origin: 'https://evil.example' }),
    );
    expect(fromElsewhere.statusCode).toBe(403);
    expect(fromElsewhere.json().error.code).toBe('CSRF_REJECTED');
    const crossSite = await t.app.inject(jsonRequest('POST', '/api/auth/sign-in', { email: 'a@example.test', password: 'x' }, { 'sec-fetch-site': 'cross-site' }));
    expect(crossSite.statusCode).toBe(403);
    const ours = await t.app.inject(jsonRequest('POST', '/api/auth/sign-in', { email: 'a@example.test', password: 'x' }, { origin: t.config.publicUrl }));
    expect(ours.statusCode).toBe(401);
  });
});
