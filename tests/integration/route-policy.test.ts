import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../../src/server/app.js';
import { createTestApp, testConfig, type TestApp } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-database.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('route policies', () => {
  it('gives every registered API route an access policy', () => {
    const api = t.app.registeredRoutes.filter((route) => route.url.startsWith('/api'));
    expect(api.length).toBeGreaterThan(20);
    const withoutPolicy = api.filter((route) => !route.policy).map((route) => `${route.method} ${route.url}`);
    expect(withoutPolicy).toEqual([]);
  });

  it('keeps public routes few and says why each is public', () => {
    const publicRoutes = t.app.registeredRoutes.filter((route) => route.url.startsWith('/api') && route.policy?.kind === 'public' && !route.url.startsWith('/api/docs'));
    expect(publicRoutes.map((route) => `${route.method} ${route.url}`).filter((r) => !r.startsWith('HEAD')).sort()).toEqual([
      'GET /api/health',
      'GET /api/openapi.json',
      'POST /api/auth/sign-in',
      'POST /api/invitations/accept',
      'POST /api/invitations/look-up',
    ]);
    for (const route of publicRoutes) expect(route.policy?.kind === 'public' && route.policy.why.length).toBeGreaterThan(10);
  });

  it('refuses to start when someone adds an API route without a policy', async () => {
    const database = await createTestDatabase();
    const app = await buildApp(testConfig(), { database, logger: false, webRoot: null });
    expect(() => app.get('/api/forgotten', { schema: { response: { 200: z.object({}) } } }, async () => ({}))).toThrow(/has no access policy/);
    await app.close();
    await database.close();
  });

  it('declares a response schema on every API route so no database row leaves unshaped', () => {
    const withoutSchema = t.app.registeredRoutes
      .filter((route) => route.url.startsWith('/api') && !route.url.startsWith('/api/docs') && route.url !== '/api/openapi.json' && route.method !== 'HEAD')
      .filter((route) => !route.hasResponseSchema)
      .map((route) => `${route.method} ${route.url}`);
    expect(withoutSchema).toEqual([]);
  });
});
