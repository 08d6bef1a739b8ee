import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientRecord, createPractice, createUser, signInAs } from '../../../../tests/support/factories.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('the audit log an admin reads', () => {
  it('filters by person, client and day, newest first, a page at a time', async () => {
    const practice = await createPractice(t.db);
    const admin = await signInAs(t.app, await createUser(t.db, { practiceId: practice.id, role: 'admin' }));
    const therapist = await signInAs(t.app, await createUser(t.db, { practiceId: practice.id, role: 'therapist', name: 'Dr. Ruth Ames' }));
    const colleague = await signInAs(t.app, await createUser(t.db, { practiceId: practice.id, role: 'therapist' }));
    const mina = await createClientRecord(t.db, { practiceId: practice.id, therapistId: therapist.user.id, name: 'Mina Olsen' });
    const other = await createClientRecord(t.db, { practiceId: practice.id, therapistId: therapist.user.id });

    await therapist.get(`/api/clients/${mina.id}`);
    await therapist.get(`/api/clients/${mina.id}`);
    await therapist.get(`/api/clients/${other.id}`);
    await colleague.get(`/api/clients/${mina.id}`); // denied: not their client

    const minaEvents = (await admin.get(`/api/audit-events?clientId=${mina.id}`)).json();
    expect(minaEvents.events.map((e: { action: string; outcome: string; actor: { name: string } }) => [e.action, e.outcome, e.actor.name])).toEqual([
      ['client.read', 'denied', colleague.user.name],
      ['client.read', 'allowed', 'Dr. Ruth Ames'],
      ['client.read', 'allowed', 'Dr. Ruth Ames'],
    ]);
    expect(minaEvents.events[0]).toMatchObject({ client: { id: mina.id, name: 'Mina Olsen' }, recordType: 'client', recordId: mina.id, requestId: expect.any(String) });

    const byColleague = (await admin.get(`/api/audit-events?actorId=${colleague.user.id}`)).json().events;
    expect(byColleague).toHaveLength(1);

    const firstPage = (await admin.get(`/api/audit-events?actorId=${therapist.user.id}&limit=2`)).json();
    expect(firstPage.events).toHaveLength(2);
    expect(firstPage.nextCursor).toEqual(expect.any(String));
    const secondPage = (await admin.get(`/api/audit-events?actorId=${therapist.user.id}&limit=2&cursor=${firstPage.nextCursor}`)).json();
    expect(secondPage.events).toHaveLength(1);
    expect(secondPage.nextCursor).toBeNull();
    const ids = [...firstPage.events, ...secondPage.events].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(3);

    const today = new Date().toISOString().slice(0, 10);
    const todays = (await admin.get(`/api/audit-events?clientId=${mina.id}&from=${today}&to=${today}`)).json().events;
    // Looking at Mina's trail is itself an access to her record, so it is on the trail too.
    expect(todays.map((e: { action: string }) => e.action)).toEqual(['audit.list', 'client.read', 'client.read', 'client.read']);
    expect((await admin.get(`/api/audit-events?clientId=${mina.id}&to=2000-01-01`)).json().events).toHaveLength(0);

    const filters = (await admin.get('/api/audit-events/filters')).json();
    expect(filters.clients.map((c: { name: string }) => c.name)).toContain('Mina Olsen');
    expect(filters.people.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([therapist.user.id, colleague.user.id, admin.user.id]));
  });

  it('never shows another practice its events', async () => {
    const mine = await createPractice(t.db);
    const theirs = await createPractice(t.db);
    const admin = await signInAs(t.app, await createUser(t.db, { practiceId: mine.id, role: 'admin' }));
    const theirTherapist = await signInAs(t.app, await createUser(t.db, { practiceId: theirs.id, role: 'therapist' }));
    const theirClient = await createClientRecord(t.db, { practiceId: theirs.id, therapistId: theirTherapist.user.id });
    await theirTherapist.get(`/api/clients/${theirClient.id}`);
    expect((await admin.get(`/api/audit-events?clientId=${theirClient.id}`)).json().events).toEqual([]);
    expect((await admin.get(`/api/audit-events?actorId=${theirTherapist.user.id}`)).json().events).toEqual([]);
  });

  it('rejects bad filters with a clear message', async () => {
    const practice = await createPractice(t.db);
    const admin = await signInAs(t.app, await createUser(t.db, { practiceId: practice.id, role: 'admin' }));
    const backwards = await admin.get('/api/audit-events?from=2026-02-01&to=2026-01-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields).toEqual([{ path: 'from', message: 'The start date must be on or before the end date.' }]);
    expect((await admin.get('/api/audit-events?limit=5000')).statusCode).toBe(400);
    expect((await admin.get('/api/audit-events?cursor=bm90LWpzb24')).json().error.fields).toEqual([{ path: 'cursor', message: 'That page cursor is not valid.' }]);
    expect((await admin.get('/api/audit-events?actorId=robert')).statusCode).toBe(400);
  });
});
