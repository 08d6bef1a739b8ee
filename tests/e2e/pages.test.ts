import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/server/db/connect.js';
import type { ClientRow, UserRow } from '../../src/server/db/schema.js';
import { currentTotpCode } from '../../src/server/modules/auth/totp.js';
import { createClientRecord, createClientWithAccount, createPractice, createUser, TEST_PASSWORD } from '../support/factories.js';
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, newContext, openE2eDatabase, signInFast, VIEWPORTS } from './browser.js';

let browser: Browser;
let database: DatabaseHandle;
let people: { admin: UserRow; therapist: UserRow; client: UserRow; guardian: UserRow };
let clients: { withAccount: ClientRow; child: ClientRow };

beforeAll(async () => {
  browser = await launchBrowser();
  database = openE2eDatabase();
  const practice = await createPractice(database.db, 'Cedar Grove Practice');
  const therapist = await createUser(database.db, { practiceId: practice.id, role: 'therapist', name: 'Dr. Lena Fisher' });
  const withAccount = await createClientWithAccount(database.db, { practiceId: practice.id, therapistId: therapist.id });
  people = {
    admin: await createUser(database.db, { practiceId: practice.id, role: 'admin', name: 'Morgan Admin' }),
    therapist,
    client: withAccount.user,
    guardian: await createUser(database.db, { practiceId: practice.id, role: 'guardian', name: 'Grace Guardian' }),
  };
  clients = {
    withAccount: withAccount.client,
    child: await createClientRecord(database.db, { practiceId: practice.id, therapistId: therapist.id, name: 'Milo Fisher-Young', dateOfBirth: '2018-02-02', email: null }),
  };
});
afterAll(async () => {
  await browser?.close();
  await database?.close();
});

async function visit(page: Page, path: string, label: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // Wait for loaders to finish so axe sees the real page, not a spinner.
  await expect.poll(() => page.locator('[aria-busy="true"], .mantine-Loader-root').count(), { timeout: 10_000 }).toBe(0);
  await expectAccessible(page, label);
  await expectNoHorizontalScroll(page, label);
}

const PAGES: Array<{ role: keyof typeof people; paths: (c: typeof clients) => string[] }> = [
  { role: 'therapist', paths: (c) => ['/caseload', '/clients/new', `/clients/${c.withAccount.id}`, `/clients/${c.child.id}`, '/settings/security', '/no-such-page'] },
  { role: 'client', paths: () => ['/home', '/settings/security', '/caseload'] },
  { role: 'guardian', paths: () => ['/guardian', '/settings/security'] },
  { role: 'admin', paths: () => ['/admin/therapists', '/admin/audit', '/settings/security'] },
];

describe('every page passes axe (WCAG 2.1 A/AA) on a desktop and an iPhone-sized screen', () => {
  for (const viewport of Object.keys(VIEWPORTS) as Array<keyof typeof VIEWPORTS>) {
    for (const { role, paths } of PAGES) {
      it(`${role} pages on ${viewport}`, async () => {
        const context = await newContext(browser, viewport);
        await signInFast(context, database, people[role]);
        const page = await context.newPage();
        for (const path of paths(clients)) await visit(page, path, `${role} ${path} (${viewport})`);
        await context.close();
      });
    }
  }

  it('the API reference page lists the operations from the OpenAPI document', async () => {
    const context = await newContext(browser, 'desktop');
    const page = await context.newPage();
    await page.goto('/api/docs');
    await page.getByRole('heading', { name: /Rapport API/ }).waitFor();
    await expect.poll(() => page.locator('.opblock').count()).toBeGreaterThan(15);
    await context.close();
  });

  it('public pages on a phone', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    for (const path of ['/sign-in', '/accept-invitation']) await visit(page, path, `${path} (phone)`);
    await context.close();
  });
});

describe('role pages do what they say', () => {
  let context: BrowserContext;
  afterAll(async () => context?.close());

  it('a client opening a therapist page is told it is not for them', async () => {
    context = await newContext(browser, 'phone');
    await signInFast(context, database, people.client);
    const page = await context.newPage();
    await page.goto('/caseload');
    await page.getByText(/not available for your account/i).waitFor();
    expect(await page.getByText(clients.child.name).count()).toBe(0);
  });

  it('the guardian home says plainly that no child is linked yet', async () => {
    const guardian = await newContext(browser, 'phone');
    await signInFast(guardian, database, people.guardian);
    const page = await guardian.newPage();
    await page.goto('/guardian');
    await page.getByText(/no child/i).first().waitFor();
    await guardian.close();
  });

  it('an admin invites a therapist and finds the invitation and the access in the audit log', async () => {
    const admin = await newContext(browser, 'desktop');
    await signInFast(admin, database, people.admin);
    const page = await admin.newPage();
    await page.goto('/admin/therapists');
    await page.getByText('Dr. Lena Fisher').first().waitFor();
    await page.getByLabel('Full name').fill('Dr. Ravi Shah');
    await page.getByLabel('Email').fill('ravi.shah@cedar.test');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const link = await page.getByTestId('invitation-link').inputValue();
    expect(link).toMatch(/#token=[\w-]{43}$/);
    await page.getByText('ravi.shah@cedar.test').first().waitFor();
    await expectAccessible(page, 'therapists page after inviting');

    await page.goto('/admin/audit');
    await page.getByText('Sent an invitation').first().waitFor();
    await expectAccessible(page, 'audit log');
    await admin.close();
  });

  it('a client turns on two-step sign-in and is then asked for a code at sign-in', async () => {
    const phone = await newContext(browser, 'phone');
    await signInFast(phone, database, people.client);
    const page = await phone.newPage();
    await page.goto('/settings/security');
    await page.getByRole('button', { name: /set up|turn on/i }).first().click();
    const secret = (await page.getByTestId('totp-secret').textContent())?.replace(/\s/g, '') ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectAccessible(page, 'two-step set-up');
    await page.getByLabel(/code/i).first().fill(currentTotpCode(secret));
    await page.getByRole('button', { name: /confirm|turn on|verify/i }).first().click();
    await page.getByText(/two-step sign-in is on/i).first().waitFor();

    const fresh = await newContext(browser, 'phone');
    const signIn = await fresh.newPage();
    await signIn.goto('/sign-in');
    await signIn.getByLabel('Email', { exact: true }).fill(people.client.email);
    await signIn.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await signIn.waitForURL('**/sign-in/code');
    await expectAccessible(signIn, 'second-factor page');
    // The code used to turn it on is spent; wait for the next 30-second step.
    const nextStep = 30_000 - (Date.now() % 30_000) + 200;
    await new Promise((resolve) => setTimeout(resolve, nextStep));
    await signIn.getByLabel(/code/i).first().fill(currentTotpCode(secret));
    await signIn.getByRole('button', { name: /verify|continue|sign in/i }).first().click();
    await signIn.waitForURL('**/home');
    await phone.close();
    await fresh.close();
  });
});
