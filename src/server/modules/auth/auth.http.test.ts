import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieFrom, createPractice, createUser, signInAs, TEST_PASSWORD } from '../../../../tests/support/factories.js';
import { createTestApp, jsonRequest, type TestApp } from '../../../../tests/support/test-app.js';
import { createTotpSecret, currentTotpCode } from './totp.js';

let t: TestApp;
let practiceId: string;
beforeAll(async () => {
  t = await createTestApp({ limits: { failedSignInsPerAccount: 3 } });
  practiceId = (await createPractice(t.db)).id;
});
afterAll(async () => t.close());

const signIn = (app: TestApp, email: string, password: string, headers: Record<string, string> = {}) =>
  app.app.inject(jsonRequest('POST', '/api/auth/sign-in', { email, password }, headers));

describe('signing in and out', () => {
  it('signs a therapist in with email and password and sets a safe session cookie', async () => {
    const therapist = await createUser(t.db, { practiceId, role: 'therapist', email: 'Dana.Quill@Example.test' });
    const response = await signIn(t, '  dana.quill@example.TEST ', TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ stage: 'active', user: { id: therapist.id, role: 'therapist', totpEnabled: false } });
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/^rapport_session=[\w-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);

    const session = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: cookieFrom(response) } });
    expect(session.statusCode).toBe(200);
    expect(session.json().user.id).toBe(therapist.id);
  });

  it('uses a Secure __Host- cookie when served over https', async () => {
    const secure = await createTestApp({ env: { PUBLIC_URL: 'https://care.example.org' } });
    const practice = await createPractice(secure.db);
    const user = await createUser(secure.db, { practiceId: practice.id, role: 'client' });
    const response = await signIn(secure, user.email, TEST_PASSWORD);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/^__Host-rapport_session=/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).not.toMatch(/Domain=/);
    await secure.close();
  });

  it('says the same thing for a wrong password and an unknown email', async () => {
    const user = await createUser(t.db, { practiceId, role: 'client' });
    const wrong = await signIn(t, user.email, 'not the password at all');
    const unknown = await signIn(t, 'nobody@example.test', TEST_PASSWORD);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('gives a new session id at sign-in and ends the old one', async () => {
    const user = await createUser(t.db, { practiceId, role: 'therapist' });
    const first = cookieFrom(await signIn(t, user.email, TEST_PASSWORD));
    const second = await signIn(t, user.email, TEST_PASSWORD, { cookie: first });
    expect(cookieFrom(second)).not.toBe(first);
    const old = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: first } });
    expect(old.statusCode).toBe(401);
  });

  it('ends the session on the server at sign-out', async () => {
    const agent = await signInAs(t.app, await createUser(t.db, { practiceId, role: 'therapist' }));
    const out = await agent.post('/api/auth/sign-out');
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/rapport_session=;/);
    // Replaying the old cookie does not work: the server forgot the session.
    expect((await agent.get('/api/auth/session')).statusCode).toBe(401);
    expect((await agent.get('/api/clients')).statusCode).toBe(401);
  });

  it('ends a session after 30 idle minutes, and keeps an active one going', async () => {
    const app = await createTestApp();
    const practice = await createPractice(app.db);
    const agent = await signInAs(app.app, await createUser(app.db, { practiceId: practice.id, role: 'therapist' }));
    app.clock.advance(29 * 60_000);
    expect((await agent.get('/api/clients')).statusCode).toBe(200);
    app.clock.advance(29 * 60_000); // 58 minutes since sign-in, but only 29 since the last request
    expect((await agent.get('/api/clients')).statusCode).toBe(200);
    app.clock.advance(30 * 60_000);
    expect((await agent.get('/api/clients')).statusCode).toBe(401);
    await app.close();
  });

  it('ends every session 12 hours after sign-in however active it is', async () => {
    const app = await createTestApp();
    const practice = await createPractice(app.db);
    const agent = await signInAs(app.app, await createUser(app.db, { practiceId: practice.id, role: 'therapist' }));
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      app.clock.advance(20 * 60_000);
      expect((await agent.get('/api/clients')).statusCode, `at ${minutes} minutes`).toBe(200);
    }
    app.clock.advance(20 * 60_000);
    expect((await agent.get('/api/clients')).statusCode).toBe(401);
    await app.close();
  });

  it('refuses a state-changing request without the session CSRF token', async () => {
    const agent = await signInAs(t.app, await createUser(t.db, { practiceId, role: 'therapist' }));
    const body = { name: 'Ana Ruiz', dateOfBirth: '1990-04-02' };
    const noToken = await t.app.inject({ ...jsonRequest('POST', '/api/clients', body), headers: { 'content-type': 'application/json', cookie: agent.cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF_REJECTED');
    const wrongToken = await t.app.inject({
      ...jsonRequest('POST', '/api/clients', body),
      headers: { 'content-type': 'application/json', cookie: agent.cookie, 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrongToken.statusCode).toBe(403);
    expect((await agent.get('/api/clients')).json().clients).toEqual([]);
  });
});

describe('guessing is throttled', () => {
  it('locks an account out after repeated failures from any address, then lets it in again later', async () => {
    const app = await createTestApp({ limits: { failedSignInsPerAccount: 3, failedSignInWindowMs: 15 * 60_000 } });
    const practice = await createPractice(app.db);
    const user = await createUser(app.db, { practiceId: practice.id, role: 'therapist' });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await app.app.inject({ ...jsonRequest('POST', '/api/auth/sign-in', { email: user.email, password: 'wrong guess number' }), remoteAddress: `10.0.0.${attempt}` })).statusCode).toBe(401);
    }
    const locked = await signIn(app, user.email, TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('RATE_LIMITED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);

    app.clock.advance(16 * 60_000);
    expect((await signIn(app, user.email, TEST_PASSWORD)).statusCode).toBe(200);
    await app.close();
  });

  it('limits sign-in attempts per address', async () => {
    const app = await createTestApp({ limits: { signInPerIpPerMinute: 4 } });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      statuses.push((await signIn(app, `someone${attempt}@example.test`, 'a wrong password')).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    await app.close();
  });
});

describe('two-step sign-in (TOTP)', () => {
  it('lets anyone turn it on with a code from their app, then asks for a code at sign-in', async () => {
    const user = await createUser(t.db, { practiceId, role: 'client' });
    const agent = await signInAs(t.app, user);
    const setup = await agent.post('/api/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri, qrCodeDataUrl } = setup.json();
    expect(otpauthUri).toContain(encodeURIComponent(user.email));
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);

    expect((await agent.post('/api/auth/totp/enable', { code: '000000' })).statusCode).toBe(400);
    const enabled = await agent.post('/api/auth/totp/enable', { code: currentTotpCode(secret, t.clock.now) });
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json().user.totpEnabled).toBe(true);

    const password = await signIn(t, user.email, TEST_PASSWORD);
    expect(password.json().stage).toBe('mfa_required');
    const challenge = cookieFrom(password);
    // Half signed in is not signed in.
    expect((await t.app.inject({ method: 'GET', url: '/api/client/home', headers: { cookie: challenge } })).statusCode).toBe(401);

    const csrf = password.json().csrfToken;
    const wrong = await t.app.inject(jsonRequest('POST', '/api/auth/second-factor', { code: '123456' }, { cookie: challenge, 'x-csrf-token': csrf }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].path).toBe('code');

    t.clock.advance(30_000); // the enable code's time step is spent; use the next one
    const done = await t.app.inject(jsonRequest('POST', '/api/auth/second-factor', { code: currentTotpCode(secret, t.clock.now) }, { cookie: challenge, 'x-csrf-token': csrf }));
    expect(done.statusCode).toBe(200);
    expect(done.json().stage).toBe('active');
    expect(cookieFrom(done)).not.toBe(challenge);
    expect((await t.app.inject({ method: 'GET', url: '/api/client/home', headers: { cookie: challenge } })).statusCode).toBe(401);
  });

  it('does not accept the same code twice', async () => {
    const secret = createTotpSecret();
    const user = await createUser(t.db, { practiceId, role: 'therapist', totpSecret: secret });
    const code = currentTotpCode(secret, t.clock.now);
    for (const expected of [200, 400]) {
      const password = await signIn(t, user.email, TEST_PASSWORD);
      const response = await t.app.inject(
        jsonRequest('POST', '/api/auth/second-factor', { code }, { cookie: cookieFrom(password), 'x-csrf-token': password.json().csrfToken }),
      );
      expect(response.statusCode).toBe(expected);
    }
  });

  it('is required for therapists and admins in production, but not for clients', async () => {
    const production = await createTestApp({ env: { NODE_ENV: 'production', PUBLIC_URL: 'https://care.example.org' } });
    const practice = await createPractice(production.db);
    const therapist = await createUser(production.db, { practiceId: practice.id, role: 'therapist' });
    const client = await createUser(production.db, { practiceId: practice.id, role: 'client' });

    expect((await signIn(production, client.email, TEST_PASSWORD)).json().stage).toBe('active');

    const signedIn = await signIn(production, therapist.email, TEST_PASSWORD);
    expect(signedIn.json()).toMatchObject({ stage: 'mfa_enrollment_required', user: { totpRequired: true } });
    const headers = { cookie: cookieFrom(signedIn), 'x-csrf-token': signedIn.json().csrfToken };
    expect((await production.app.inject({ method: 'GET', url: '/api/clients', headers })).statusCode).toBe(401);

    const setup = await production.app.inject(jsonRequest('POST', '/api/auth/totp/setup', {}, headers));
    const enable = await production.app.inject(jsonRequest('POST', '/api/auth/totp/enable', { code: currentTotpCode(setup.json().secret, production.clock.now) }, headers));
    expect(enable.json().stage).toBe('active');
    expect((await production.app.inject({ method: 'GET', url: '/api/clients', headers })).statusCode).toBe(200);

    production.clock.advance(30_000);
    const turnOff = await production.app.inject(jsonRequest('POST', '/api/auth/totp/disable', { code: currentTotpCode(setup.json().secret, production.clock.now) }, headers));
    expect(turnOff.statusCode).toBe(403);
    await production.close();
  });
});
