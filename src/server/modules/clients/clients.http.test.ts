import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientRecord, createPractice, createUser, signInAs, type SignedInAgent } from '../../../../tests/support/factories.js';
import { createTestApp, jsonRequest, RecordingMailer, type TestApp } from '../../../../tests/support/test-app.js';
import { todayIso } from '../../../shared/domain/age-group.js';

let t: TestApp;
let practiceId: string;
let therapist: SignedInAgent;

beforeAll(async () => {
  t = await createTestApp();
  practiceId = (await createPractice(t.db, 'Northside Therapy')).id;
  therapist = await signInAs(t.app, await createUser(t.db, { practiceId, role: 'therapist', name: 'Dr. Iris Vale' }));
});
afterAll(async () => t.close());

function tokenOf(link: string): string {
  return new URL(link).hash.replace('#token=', '');
}

describe('a therapist builds their caseload', () => {
  it('creates a client record and works out the age group from the date of birth', async () => {
    const created = await therapist.post('/api/clients', { name: '  Tomás Ortega ', preferredName: 'Tom', dateOfBirth: '2012-03-04', email: 'Tomas@Example.test' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Tomás Ortega',
      preferredName: 'Tom',
      dateOfBirth: '2012-03-04',
      email: 'tomas@example.test',
      ageGroup: todayIso() < '2025-03-04' ? 'child' : 'adolescent',
      accountStatus: 'not_invited',
      therapist: { id: therapist.user.id, name: 'Dr. Iris Vale' },
      invitation: null,
    });

    const fetched = await therapist.get(`/api/clients/${created.json().id}`);
    expect(fetched.statusCode).toBe(200);
    expect(fetched.json().name).toBe('Tomás Ortega');
  });

  it('refuses a date of birth in the future or more than 120 years ago', async () => {
    const future = await therapist.post('/api/clients', { name: 'Future Person', dateOfBirth: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual([{ path: 'dateOfBirth', message: 'The date of birth cannot be in the future.' }]);
    const ancient = await therapist.post('/api/clients', { name: 'Old Person', dateOfBirth: '1850-01-01' });
    expect(ancient.json().error.fields[0].message).toMatch(/older than 120/);
    const impossible = await therapist.post('/api/clients', { name: 'Leap Person', dateOfBirth: '2023-02-30' });
    expect(impossible.statusCode).toBe(400);
  });

  it('lists only their own clients, sorted by name, with each account status', async () => {
    const app = await createTestApp();
    const practice = await createPractice(app.db);
    const me = await signInAs(app.app, await createUser(app.db, { practiceId: practice.id, role: 'therapist' }));
    const colleague = await createUser(app.db, { practiceId: practice.id, role: 'therapist' });
    await createClientRecord(app.db, { practiceId: practice.id, therapistId: me.user.id, name: 'Zoe Adams' });
    await createClientRecord(app.db, { practiceId: practice.id, therapistId: me.user.id, name: 'Ben Cole', email: null });
    await createClientRecord(app.db, { practiceId: practice.id, therapistId: colleague.id, name: 'Not Mine' });
    const zoe = (await me.get('/api/clients')).json().clients.find((c: { name: string }) => c.name === 'Zoe Adams');
    await me.post(`/api/clients/${zoe.id}/invitation`);

    const caseload = (await me.get('/api/clients')).json().clients;
    expect(caseload.map((c: { name: string; accountStatus: string }) => [c.name, c.accountStatus])).toEqual([
      ['Ben Cole', 'not_invited'],
      ['Zoe Adams', 'invited'],
    ]);
    await app.close();
  });

  it('corrects a record, and an email change voids a link sent to the old address', async () => {
    const client = (await therapist.post('/api/clients', { name: 'Ada Lind', dateOfBirth: '1985-09-09', email: 'ada.old@example.test' })).json();
    const invitation = (await therapist.post(`/api/clients/${client.id}/invitation`)).json();
    const updated = await therapist.patch(`/api/clients/${client.id}`, { email: 'ada.new@example.test', preferredName: '' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ email: 'ada.new@example.test', preferredName: null, accountStatus: 'not_invited' });
    const lookUp = await t.app.inject(jsonRequest('POST', '/api/invitations/look-up', { token: tokenOf(invitation.link) }));
    expect(lookUp.statusCode).toBe(404);
    expect((await therapist.patch(`/api/clients/${client.id}`, {})).statusCode).toBe(400);
  });
});

describe('inviting a client', () => {
  it('gives the therapist a single-use link to copy when no mail server is set up', async () => {
    const client = (await therapist.post('/api/clients', { name: 'Priya Nair', dateOfBirth: '1992-01-15', email: 'priya@example.test' })).json();
    const issued = await therapist.post(`/api/clients/${client.id}/invitation`);
    expect(issued.statusCode).toBe(201);
    const body = issued.json();
    expect(body).toMatchObject({ delivery: 'link', email: 'priya@example.test' });
    expect(body.link).toMatch(new RegExp(`^${t.config.publicUrl}/accept-invitation#token=[\\w-]{43}$`));
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);
    expect((await therapist.get(`/api/clients/${client.id}`)).json()).toMatchObject({ accountStatus: 'invited', invitation: { expiresAt: body.expiresAt } });

    const token = tokenOf(body.link);
    const details = await t.app.inject(jsonRequest('POST', '/api/invitations/look-up', { token }));
    expect(details.json()).toMatchObject({ kind: 'client', name: 'Priya Nair', email: 'priya@example.test', practiceName: 'Northside Therapy' });

    // The client chooses a password: a common one is refused with the reason next to the field.
    const weak = await t.app.inject(jsonRequest('POST', '/api/invitations/accept', { token, password: 'password1234' }));
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0]).toMatchObject({ path: 'password', message: expect.stringMatching(/too easy to guess/) });
    const short = await t.app.inject(jsonRequest('POST', '/api/invitations/accept', { token, password: 'short' }));
    expect(short.json().error.fields).toEqual([{ path: 'password', message: 'Use at least 12 characters.' }]);

    // Opened in the therapist's own browser: accepting signs the therapist out there.
    const sameBrowser = await signInAs(t.app, therapist.user);
    const accepted = await t.app.inject(jsonRequest('POST', '/api/invitations/accept', { token, password: 'river stone maple 42' }, { cookie: sameBrowser.cookie }));
    expect(accepted.statusCode).toBe(201);
    expect((await sameBrowser.get('/api/clients')).statusCode).toBe(401);
    expect(accepted.json()).toMatchObject({ stage: 'active', user: { role: 'client', email: 'priya@example.test', name: 'Priya Nair' } });

    const cookie = String(accepted.headers['set-cookie']).split(';')[0]!;
    const home = await t.app.inject({ method: 'GET', url: '/api/client/home', headers: { cookie } });
    expect(home.statusCode).toBe(200);
    expect(home.json()).toEqual({ displayName: 'Priya Nair', practiceName: 'Northside Therapy', therapist: { name: 'Dr. Iris Vale', email: therapist.user.email }, due: [] });

    // Single use.
    const again = await t.app.inject(jsonRequest('POST', '/api/invitations/accept', { token, password: 'another fine phrase 9' }));
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toMatch(/already been used/);

    expect((await therapist.get(`/api/clients/${client.id}`)).json().accountStatus).toBe('active');
    expect((await therapist.post(`/api/clients/${client.id}/invitation`)).statusCode).toBe(409);
  });

  it('emails the link when a mail server is configured', async () => {
    const mailer = new RecordingMailer();
    const app = await createTestApp({ mailer });
    const practice = await createPractice(app.db, 'Lakeside Counselling');
    const me = await signInAs(app.app, await createUser(app.db, { practiceId: practice.id, role: 'therapist' }));
    const client = await createClientRecord(app.db, { practiceId: practice.id, therapistId: me.user.id, name: 'Kai Moana', email: 'kai@example.test' });

    const issued = await me.post(`/api/clients/${client.id}/invitation`);
    expect(issued.json()).toMatchObject({ delivery: 'email', email: 'kai@example.test' });
    expect(issued.json().link).toBeUndefined();
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({ to: 'kai@example.test', subject: expect.stringContaining('Lakeside Counselling') });
    expect(mailer.sent[0]!.text).toMatch(/accept-invitation#token=[\w-]{43}/);

    mailer.failNext = true;
    const fallback = await me.post(`/api/clients/${client.id}/invitation`);
    expect(fallback.json()).toMatchObject({ delivery: 'link', emailFailed: true, link: expect.stringContaining('#token=') });
    await app.close();
  });

  it('expires an unused link after seven days and replaces older links with a new one', async () => {
    const app = await createTestApp();
    const practice = await createPractice(app.db);
    const user = await createUser(app.db, { practiceId: practice.id, role: 'therapist' });
    const me = await signInAs(app.app, user);
    const client = (await me.post('/api/clients', { name: 'Omar Haddad', dateOfBirth: '1979-11-30', email: 'omar@example.test' })).json();
    const first = tokenOf((await me.post(`/api/clients/${client.id}/invitation`)).json().link);
    const second = tokenOf((await me.post(`/api/clients/${client.id}/invitation`)).json().link);
    const replaced = await app.app.inject(jsonRequest('POST', '/api/invitations/look-up', { token: first }));
    expect(replaced.statusCode).toBe(404);
    expect(replaced.json().error.message).toMatch(/replaced by a newer one/);

    app.clock.advance(7 * 24 * 3600_000 - 1000);
    expect((await app.app.inject(jsonRequest('POST', '/api/invitations/look-up', { token: second }))).statusCode).toBe(200);
    app.clock.advance(1000);
    const expired = await app.app.inject(jsonRequest('POST', '/api/invitations/accept', { token: second, password: 'river stone maple 42' }));
    expect(expired.statusCode).toBe(404);
    expect(expired.json().error.message).toMatch(/expired/);
    const later = await signInAs(app.app, user); // the first session has long timed out
    expect((await later.get(`/api/clients/${client.id}`)).json().accountStatus).toBe('invitation_expired');
    await app.close();
  });

  it('needs an email address, and refuses one that already has an account', async () => {
    const noEmail = (await therapist.post('/api/clients', { name: 'Lina Berg', dateOfBirth: '2016-06-01', email: '' })).json();
    expect(noEmail.email).toBeNull();
    const missing = await therapist.post(`/api/clients/${noEmail.id}/invitation`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual([{ path: 'email', message: "Add the client's email address before inviting them." }]);

    const taken = (await therapist.post('/api/clients', { name: 'Copy Cat', dateOfBirth: '1990-01-01', email: therapist.user.email })).json();
    expect((await therapist.post(`/api/clients/${taken.id}/invitation`)).statusCode).toBe(409);
  });

  it('rejects a damaged or made-up token without revealing anything', async () => {
    const damaged = await t.app.inject(jsonRequest('POST', '/api/invitations/look-up', { token: 'abc' }));
    expect(damaged.statusCode).toBe(400);
    const madeUp = await t.app.inject(jsonRequest('POST', '/api/invitations/look-up', { token: 'A'.repeat(43) }));
    expect(madeUp.statusCode).toBe(404);
    expect(madeUp.json().error).not.toHaveProperty('fields');
  });
});
