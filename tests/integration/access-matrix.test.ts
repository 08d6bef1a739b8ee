import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientRow, UserRow } from '../../src/server/db/schema.js';
import { createClientRecord, createClientWithAccount, createPractice, createUser, signInAs } from '../support/factories.js';
import { createTestApp, jsonRequest, type TestApp } from '../support/test-app.js';

/**
 * Every API route × every kind of caller. When a later feature adds a route, this test
 * fails until the route has a row here saying who may call it.
 */
const PERSONAS = ['anonymous', 'therapistA', 'therapistB', 'client', 'otherClient', 'guardian', 'admin', 'otherPracticeAdmin', 'otherPracticeTherapist'] as const;
type Persona = (typeof PERSONAS)[number];

/** A status code, or `allowed`: past the access checks, whatever the route then decides (e.g. 409 for a business rule). */
type Expectation = number | 'allowed';

interface Fixture {
  clientA: ClientRow; // therapist A's client, with an account (persona `client`)
  clientB: ClientRow; // therapist B's client, with an account (persona `otherClient`)
  uninvitedA: ClientRow; // therapist A's client without an account yet
  users: Record<Exclude<Persona, 'anonymous'>, UserRow>;
}

interface RouteCase {
  request: (fx: Fixture) => { url: string; body?: unknown };
  expect: Record<Persona, Expectation>;
}

const everyone = (status: Expectation): Record<Persona, Expectation> => Object.fromEntries(PERSONAS.map((p) => [p, status])) as Record<Persona, Expectation>;
const signedInOnly = (status: Expectation) => ({ ...everyone(status), anonymous: 401 });
const only = (allowed: Partial<Record<Persona, Expectation>>) => ({ ...everyone(403), anonymous: 401, ...allowed });
const therapists = (status: Expectation) => only({ therapistA: status, therapistB: status, otherPracticeTherapist: status });
const admins = (status: Expectation) => only({ admin: status, otherPracticeAdmin: status });
/** Therapist A's own client record: everyone else who may use client routes gets a 404 that says nothing. */
const clientOfTherapistA = (status: Expectation) => only({ therapistA: status, therapistB: 404, otherPracticeTherapist: 404 });

const fakeToken = 'A'.repeat(43);
const newClient = { name: 'Matrix Person', dateOfBirth: '1991-07-07', email: '' };

export const ACCESS_MATRIX: Record<string, RouteCase> = {
  'GET /api/health': { request: () => ({ url: '/api/health' }), expect: everyone(200) },
  'GET /api/openapi.json': { request: () => ({ url: '/api/openapi.json' }), expect: everyone(200) },

  'POST /api/auth/sign-in': { request: () => ({ url: '/api/auth/sign-in', body: { email: 'nobody@example.test', password: 'not a password' } }), expect: everyone(401) },
  'POST /api/auth/second-factor': { request: () => ({ url: '/api/auth/second-factor', body: { code: '123456' } }), expect: { ...signedInOnly(403) } },
  'GET /api/auth/session': { request: () => ({ url: '/api/auth/session' }), expect: signedInOnly(200) },
  'POST /api/auth/sign-out': { request: () => ({ url: '/api/auth/sign-out', body: {} }), expect: signedInOnly(200) },
  'POST /api/auth/totp/setup': { request: () => ({ url: '/api/auth/totp/setup', body: {} }), expect: signedInOnly(200) },
  'POST /api/auth/totp/enable': { request: () => ({ url: '/api/auth/totp/enable', body: { code: '123456' } }), expect: signedInOnly('allowed') },
  'POST /api/auth/totp/disable': { request: () => ({ url: '/api/auth/totp/disable', body: { code: '123456' } }), expect: signedInOnly('allowed') },

  'POST /api/invitations/look-up': { request: () => ({ url: '/api/invitations/look-up', body: { token: fakeToken } }), expect: everyone(404) },
  'POST /api/invitations/accept': { request: () => ({ url: '/api/invitations/accept', body: { token: fakeToken, password: 'river stone maple 42' } }), expect: everyone(404) },

  'GET /api/clients': { request: () => ({ url: '/api/clients' }), expect: therapists(200) },
  'POST /api/clients': { request: () => ({ url: '/api/clients', body: newClient }), expect: therapists(201) },
  'GET /api/clients/:clientId': { request: (fx) => ({ url: `/api/clients/${fx.clientA.id}` }), expect: clientOfTherapistA(200) },
  'PATCH /api/clients/:clientId': { request: (fx) => ({ url: `/api/clients/${fx.clientA.id}`, body: { preferredName: 'Pat' } }), expect: clientOfTherapistA(200) },
  'POST /api/clients/:clientId/invitation': { request: (fx) => ({ url: `/api/clients/${fx.uninvitedA.id}/invitation`, body: {} }), expect: clientOfTherapistA(201) },

  'GET /api/client/home': { request: () => ({ url: '/api/client/home' }), expect: only({ client: 200, otherClient: 200 }) },
  'GET /api/guardian/home': { request: () => ({ url: '/api/guardian/home' }), expect: only({ guardian: 200 }) },

  'GET /api/practice/therapists': { request: () => ({ url: '/api/practice/therapists' }), expect: admins(200) },
  'POST /api/practice/therapist-invitations': {
    request: () => ({ url: '/api/practice/therapist-invitations', body: { name: 'New Colleague', email: `colleague-${randomBytes(3).toString('hex')}@example.test` } }),
    expect: admins(201),
  },
  'GET /api/audit-events': { request: () => ({ url: '/api/audit-events' }), expect: admins(200) },
  'GET /api/audit-events/filters': { request: () => ({ url: '/api/audit-events/filters' }), expect: admins(200) },
};

let t: TestApp;
let fx: Fixture;

beforeAll(async () => {
  t = await createTestApp({ limits: { signInPerIpPerMinute: 10_000, failedSignInsPerAccount: 10_000 } });
  const practiceA = await createPractice(t.db, 'Practice A');
  const practiceB = await createPractice(t.db, 'Practice B');
  const therapistA = await createUser(t.db, { practiceId: practiceA.id, role: 'therapist' });
  const therapistB = await createUser(t.db, { practiceId: practiceA.id, role: 'therapist' });
  const a = await createClientWithAccount(t.db, { practiceId: practiceA.id, therapistId: therapistA.id });
  const b = await createClientWithAccount(t.db, { practiceId: practiceA.id, therapistId: therapistB.id });
  fx = {
    clientA: a.client,
    clientB: b.client,
    uninvitedA: await createClientRecord(t.db, { practiceId: practiceA.id, therapistId: therapistA.id, name: 'Secret Name Uninvited' }),
    users: {
      therapistA,
      therapistB,
      client: a.user,
      otherClient: b.user,
      guardian: await createUser(t.db, { practiceId: practiceA.id, role: 'guardian' }),
      admin: await createUser(t.db, { practiceId: practiceA.id, role: 'admin' }),
      otherPracticeAdmin: await createUser(t.db, { practiceId: practiceB.id, role: 'admin' }),
      otherPracticeTherapist: await createUser(t.db, { practiceId: practiceB.id, role: 'therapist' }),
    },
  };
});
afterAll(async () => t.close());

function apiRoutes(): string[] {
  return t.app.registeredRoutes
    .filter((route) => route.url.startsWith('/api') && route.method !== 'HEAD' && !route.url.startsWith('/api/docs'))
    .map((route) => `${route.method} ${route.url}`);
}

describe('access matrix', () => {
  it('has a row for every API route, and no row for a route that does not exist', () => {
    const registered = apiRoutes();
    expect(registered.filter((route) => !(route in ACCESS_MATRIX)), 'routes missing from ACCESS_MATRIX').toEqual([]);
    expect(Object.keys(ACCESS_MATRIX).filter((route) => !registered.includes(route)), 'matrix rows for unknown routes').toEqual([]);
  });

  for (const [route, routeCase] of Object.entries(ACCESS_MATRIX)) {
    const [method, pattern] = route.split(' ') as [string, string];
    it(`${route}`, async () => {
      const { url, body } = routeCase.request(fx);
      for (const persona of PERSONAS) {
        const options = jsonRequest(method as 'GET', url, method === 'GET' ? undefined : (body ?? {}));
        const response =
          persona === 'anonymous'
            ? await t.app.inject(options)
            : await (await signInAs(t.app, fx.users[persona])).request(options); // a fresh session per call: sign-out must not leak into the next cell

        const expected = routeCase.expect[persona];
        const where = `${persona} → ${method} ${pattern}: ${response.body.slice(0, 200)}`;
        if (expected === 'allowed') expect([401, 403, 404], where).not.toContain(response.statusCode);
        else expect(response.statusCode, where).toBe(expected);

        if (response.statusCode === 404 || response.statusCode === 403 || response.statusCode === 401) {
          // A refusal carries the error and nothing else: no names, no record.
          expect(Object.keys(response.json()), where).toEqual(['error']);
          expect(response.body, where).not.toContain(fx.clientA.name);
          expect(response.body, where).not.toContain(fx.uninvitedA.name);
        }
      }
    });
  }
});

describe('every denial leaves an audit event', () => {
  it('writes one denied event, with the request id, for each refusal of a signed-in route', async () => {
    const refusals: Array<{ persona: Persona; route: string; requestId: string }> = [];
    for (const [route, routeCase] of Object.entries(ACCESS_MATRIX)) {
      const [method] = route.split(' ') as [string];
      for (const persona of PERSONAS) {
        const expected = routeCase.expect[persona];
        if (expected !== 401 && expected !== 403 && expected !== 404) continue;
        if (route.startsWith('POST /api/invitations') || route === 'POST /api/auth/sign-in') continue; // public routes: nothing to deny
        const { url, body } = routeCase.request(fx);
        const options = jsonRequest(method as 'GET', url, method === 'GET' ? undefined : (body ?? {}));
        const response = persona === 'anonymous' ? await t.app.inject(options) : await (await signInAs(t.app, fx.users[persona])).request(options);
        refusals.push({ persona, route, requestId: String(response.headers['x-request-id']) });
      }
    }
    expect(refusals.length).toBeGreaterThan(50);
    for (const refusal of refusals) {
      const events = await t.db.selectFrom('audit_events').selectAll().where('request_id', '=', refusal.requestId).execute();
      expect(events, `${refusal.persona} → ${refusal.route}`).toHaveLength(1);
      expect(events[0]!.outcome).toBe('denied');
      expect(events[0]!.actor_user_id).toBe(refusal.persona === 'anonymous' ? null : fx.users[refusal.persona as Exclude<Persona, 'anonymous'>].id);
    }
  });
});
