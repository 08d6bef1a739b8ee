import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/server/db/connect.js';
import { createPractice, createUser, TEST_PASSWORD } from '../support/factories.js';
import { baseUrl, expectAccessible, expectNoHorizontalScroll, launchBrowser, newContext, openE2eDatabase } from './browser.js';

let browser: Browser;
let database: DatabaseHandle;

beforeAll(async () => {
  browser = await launchBrowser();
  database = openE2eDatabase();
  const practice = await createPractice(database.db, 'Willow Lane Therapy');
  await createUser(database.db, { practiceId: practice.id, role: 'therapist', name: 'Dr. Noor Haddad', email: 'noor@willow.test' });
});
afterAll(async () => {
  await browser?.close();
  await database?.close();
});

describe('a therapist brings a new client onto Rapport', () => {
  it('signs in, creates a client, invites them; the client sets a password on their phone and sees their home', async () => {
    // The therapist, on a laptop.
    const office = await newContext(browser, 'desktop');
    await office.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    const page = await office.newPage();
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    await expectAccessible(page, 'sign-in (desktop)');

    // A wrong password first: a clear message, still on the sign-in page.
    await page.getByLabel('Email', { exact: true }).fill('noor@willow.test');
    await page.getByLabel('Password', { exact: true }).fill('this is not my password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'do not match' }).count()).toBeGreaterThan(0);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expectAccessible(page, 'sign-in with an error');

    await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/caseload');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page, 'empty caseload');

    await page.getByRole('link', { name: 'New client' }).or(page.getByRole('button', { name: 'New client' })).first().click();
    await page.waitForURL('**/clients/new');
    await expectAccessible(page, 'new client form');

    // The form checks fields with the same rules as the server, next to the fields.
    await page.getByRole('button', { name: 'Create client' }).click();
    await expect.poll(() => page.getByText('Enter a name.').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'new client form with errors');

    await page.getByLabel('Full name').fill('Sofia Marquez');
    await page.getByLabel('Preferred name').fill('Sofi');
    await page.getByLabel('Date of birth').fill('2010-04-18');
    await page.getByLabel('Email').fill('sofia.marquez@example.test');
    await page.getByRole('button', { name: 'Create client' }).click();
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /Sofia Marquez/ }).waitFor();
    expect(await page.getByText('Adolescent', { exact: false }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'client page');

    await page.getByRole('button', { name: 'Invite to Rapport' }).click();
    const linkField = page.getByTestId('invitation-link');
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(/\/accept-invitation#token=[\w-]{43}$/);
    await page.getByRole('button', { name: /copy/i }).first().click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await expectAccessible(page, 'client page with invitation link');

    // The client, on a phone, in a separate browser context (no shared cookies).
    const phone = await newContext(browser, 'phone');
    const clientPage = await phone.newPage();
    await clientPage.goto(link);
    await clientPage.getByText('Willow Lane Therapy').first().waitFor();
    expect(clientPage.url()).not.toContain('token='); // the token leaves the address bar once read
    await expectAccessible(clientPage, 'accept invitation (phone)');
    await expectNoHorizontalScroll(clientPage, 'accept invitation (phone)');

    await clientPage.getByLabel('Password', { exact: true }).fill('password1234');
    await clientPage.getByLabel('Confirm password', { exact: true }).fill('password1234');
    await clientPage.getByRole('button', { name: 'Set password and continue' }).click();
    await expect.poll(() => clientPage.getByText(/too easy to guess/).count()).toBeGreaterThan(0);

    await clientPage.getByLabel('Password', { exact: true }).fill('sunrise over quiet water');
    await clientPage.getByLabel('Confirm password', { exact: true }).fill('sunrise over quiet water');
    await clientPage.getByRole('button', { name: 'Set password and continue' }).click();
    await clientPage.waitForURL('**/home');
    await clientPage.getByRole('heading', { level: 1, name: /Sofi/ }).waitFor();
    await clientPage.getByText('Dr. Noor Haddad').first().waitFor();
    await clientPage.getByText(/Nothing is due right now/).waitFor();
    await expectAccessible(clientPage, 'client home (phone)');
    await expectNoHorizontalScroll(clientPage, 'client home (phone)');

    // Back to the therapist: the caseload shows the client with an active account.
    await page.goto('/caseload');
    const row = page.getByRole('row', { name: /Sofia Marquez/ }).or(page.getByRole('listitem').filter({ hasText: 'Sofia Marquez' })).first();
    await row.waitFor();
    await expect.poll(() => row.textContent()).toMatch(/Has an account/);
    await page.getByLabel('Search clients').fill('sofi');
    expect(await page.getByText('Sofia Marquez').count()).toBeGreaterThan(0);
    await page.getByLabel('Search clients').fill('nobody by this name');
    await expect.poll(() => page.getByText('Sofia Marquez').count()).toBe(0);
    await expectAccessible(page, 'caseload search with no matches');

    // Sign-out ends the session: the pages are gone until the therapist signs in again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await page.goto('/caseload');
    await page.waitForURL('**/sign-in');
    const stillSignedIn = await page.evaluate(async () => (await fetch('/api/auth/session')).status);
    expect(stillSignedIn).toBe(401);

    // The client signs out on the phone too.
    const menu = clientPage.getByRole('button', { name: /menu|navigation/i });
    if (await menu.count()) await menu.first().click();
    await clientPage.getByRole('button', { name: 'Sign out' }).click();
    await clientPage.waitForURL('**/sign-in');

    await office.close();
    await phone.close();
  });

  it('shows a plain message for an invitation link that does not work', async () => {
    const context = await newContext(browser, 'phone');
    const page = await context.newPage();
    await page.goto(`/accept-invitation#token=${'Z'.repeat(43)}`);
    await page.getByText(/not valid|expired|already been used/i).first().waitFor();
    await expectAccessible(page, 'broken invitation link');
    await context.close();
  });
});
