import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientRecord, createPractice, createUser, signInAs, type SignedInAgent } from '../../../../tests/support/factories.js';
import { createTestApp, jsonRequest, type TestApp } from '../../../../tests/support/test-app.js';

let t: TestApp;
let practiceId: string;
let admin: SignedInAgent;

beforeAll(async () => {
  t = await createTestApp();
  practiceId = (await createPractice(t.db, 'Riverbend Psychology')).id;
  admin = await signInAs(t.app, await createUser(t.db, { practiceId, role: 'admin' }));
});
afterAll(async () => t.close());

describe('a practice admin runs the practice', () => {
  it('invites a therapist, who sets a password and starts with an empty caseload', async () => {
    const issued = await admin.post('/api/practice/therapist-invitations', { name: 'Dr. Hana Sato', email: 'hana@riverbend.test' });
    expect(issued.statusCode).toBe(201);
    expect(issued.json()).toMatchObject({ delivery: 'link', email: 'hana@riverbend.test' });

    const listedWhileInvited = (await admin.get('/api/practice/therapists')).json().therapists;
    expect(listedWhileInvited).toEqual([expect.objectContaining({ name: 'Dr. Hana Sato', status: 'invited', activeClientCount: 0 })]);

    const token = new URL(issued.json().link).hash.replace('#token=', '');
    const lookUp = await t.app.inject(jsonRequest('POST', '/api/invitations/look-up', { token }));
    expect(lookUp.json()).toMatchObject({ kind: 'therapist', practiceName: 'Riverbend Psychology' });
    const accepted = await t.app.inject(jsonRequest('POST', '/api/invitations/accept', { token, password: 'copper meadow violin 8' }));
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({ stage: 'active', user: { role: 'therapist', name: 'Dr. Hana Sato' } });
    const cookie = String(accepted.headers['set-cookie']).split(';')[0]!;
    const caseload = await t.app.inject({ method: 'GET', url: '/api/clients', headers: { cookie } });
    expect(caseload.json()).toEqual({ clients: [] });

    const hana = (await admin.get('/api/practice/therapists')).json().therapists;
    expect(hana).toEqual([expect.objectContaining({ name: 'Dr. Hana Sato', status: 'active', email: 'hana@riverbend.test' })]);
  });

  it('shows how many clients each therapist has', async () => {
    const app = await createTestApp();
    const practice = await createPractice(app.db);
    const boss = await signInAs(app.app, await createUser(app.db, { practiceId: practice.id, role: 'admin' }));
    const busy = await createUser(app.db, { practiceId: practice.id, role: 'therapist', name: 'Busy Therapist' });
    await createUser(app.db, { practiceId: practice.id, role: 'therapist', name: 'New Therapist' });
    for (let i = 0; i < 3; i += 1) await createClientRecord(app.db, { practiceId: practice.id, therapistId: busy.id });
    const list = (await boss.get('/api/practice/therapists')).json().therapists;
    expect(list.map((row: { name: string; activeClientCount: number }) => [row.name, row.activeClientCount])).toEqual([
      ['Busy Therapist', 3],
      ['New Therapist', 0],
    ]);
    await app.close();
  });

  it('refuses to invite an email that already has an account', async () => {
    const response = await admin.post('/api/practice/therapist-invitations', { name: 'Copy', email: admin.user.email });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.fields).toEqual([{ path: 'email', message: 'This email already has an account.' }]);
  });
});
