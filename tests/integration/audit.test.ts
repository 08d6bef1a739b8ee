import { InsertQueryNode, sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientRecord, createClientWithAccount, createPractice, createUser, signInAs } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-database.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function eventsOf(requestId: unknown) {
  return t.db.selectFrom('audit_events').selectAll().where('request_id', '=', String(requestId)).orderBy('action').execute();
}

describe('audit events', () => {
  it('writes one event per access to client data, naming who, what, which client and the request', async () => {
    const practice = await createPractice(t.db);
    const therapist = await signInAs(t.app, await createUser(t.db, { practiceId: practice.id, role: 'therapist' }));

    const created = await therapist.post('/api/clients', { name: 'Audit Subject', dateOfBirth: '1988-02-02', email: 'subject@example.test' });
    const clientId = created.json().id;
    expect(await eventsOf(created.headers['x-request-id'])).toEqual([
      expect.objectContaining({ action: 'client.create', outcome: 'allowed', actor_user_id: therapist.user.id, actor_role: 'therapist', practice_id: practice.id, client_id: clientId, record_type: 'client', record_id: clientId }),
    ]);

    const read = await therapist.get(`/api/clients/${clientId}`);
    expect((await eventsOf(read.headers['x-request-id'])).map((e) => [e.action, e.client_id])).toEqual([['client.read', clientId]]);

    const updated = await therapist.patch(`/api/clients/${clientId}`, { preferredName: 'Sub' });
    expect((await eventsOf(updated.headers['x-request-id'])).map((e) => e.action)).toEqual(['client.update']);

    const invited = await therapist.post(`/api/clients/${clientId}/invitation`);
    expect((await eventsOf(invited.headers['x-request-id'])).map((e) => [e.action, e.client_id])).toEqual([['invitation.create', clientId]]);

    await createClientRecord(t.db, { practiceId: practice.id, therapistId: therapist.user.id });
    const caseload = await therapist.get('/api/clients');
    const listed = await eventsOf(caseload.headers['x-request-id']);
    expect(listed).toHaveLength(2);
    expect(listed.every((e) => e.action === 'client.list' && e.client_id)).toBe(true);

    const { user } = await createClientWithAccount(t.db, { practiceId: practice.id, therapistId: therapist.user.id });
    const client = await signInAs(t.app, user);
    const home = await client.get('/api/client/home');
    expect((await eventsOf(home.headers['x-request-id'])).map((e) => [e.action, e.actor_role])).toEqual([['client.home.read', 'client']]);
  });

  it('records failed sign-ins against the account they named', async () => {
    const practice = await createPractice(t.db);
    const user = await createUser(t.db, { practiceId: practice.id, role: 'therapist' });
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email: user.email, password: 'definitely wrong here' }) });
    expect(await eventsOf(response.headers['x-request-id'])).toEqual([
      expect.objectContaining({ action: 'auth.sign_in', outcome: 'failed', actor_user_id: user.id, practice_id: practice.id }),
    ]);
  });

  it('cannot be changed or deleted, even with direct database access', async () => {
    await expect(sql`update audit_events set outcome = 'allowed'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events`.execute(t.db)).rejects.toThrow(/append-only/);
  });
});

/** Makes every insert into audit_events fail, as a full disk or a lost connection would. */
class FailingAuditStore implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (InsertQueryNode.is(args.node) && args.node.into?.table.identifier.name === 'audit_events') throw new Error('audit store unavailable');
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

describe('a change and its audit event commit together', () => {
  it('keeps no client record, and shows no client data, when the audit event cannot be written', async () => {
    const database = await createTestDatabase();
    const practice = await createPractice(database.db);
    const therapistUser = await createUser(database.db, { practiceId: practice.id, role: 'therapist' });
    const existing = await createClientRecord(database.db, { practiceId: practice.id, therapistId: therapistUser.id, name: 'Existing Person' });
    const broken = await createTestApp({ database: { ...database, db: database.db.withPlugin(new FailingAuditStore()) } });
    const therapist = await signInAs(broken.app, therapistUser);

    const create = await therapist.post('/api/clients', { name: 'Never Stored', dateOfBirth: '1990-01-01' });
    expect(create.statusCode).toBe(500);
    const stored = await database.db.selectFrom('clients').select('name').where('practice_id', '=', practice.id).execute();
    expect(stored.map((row) => row.name)).toEqual(['Existing Person']);

    const read = await therapist.get(`/api/clients/${existing.id}`);
    expect(read.statusCode).toBe(500);
    expect(read.body).not.toContain('Existing Person');

    await broken.close();
    await database.close();
  });
});
