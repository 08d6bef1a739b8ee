import { AxeBuilder } from '@axe-core/playwright';
import { chromium, devices, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/server/db/connect.js';
import type { UserRow } from '../../src/server/db/schema.js';
import { DEFAULT_LIMITS } from '../../src/server/config.js';
import { createSession, sessionCookieName } from '../../src/server/modules/auth/sessions.js';

export const baseUrl = () => inject('e2eBaseUrl');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { ...devices['iPhone 13'], defaultBrowserType: undefined },
} as const;

export async function newContext(browser: Browser, kind: keyof typeof VIEWPORTS = 'desktop'): Promise<BrowserContext> {
  const { defaultBrowserType: _ignored, ...options } = VIEWPORTS[kind] as typeof VIEWPORTS.phone;
  return browser.newContext({ ...options, baseURL: baseUrl() });
}

/** The same database file the server under test uses (SQLite allows a second connection in WAL mode). */
export function openE2eDatabase(): DatabaseHandle {
  return openDatabase({ dialect: 'sqlite', file: inject('e2eDatabaseFile') });
}

/** Signs a user in by writing the session the sign-in form would have made; only the sign-in test clicks through the form. */
export async function signInFast(context: BrowserContext, database: DatabaseHandle, user: UserRow): Promise<void> {
  const { token } = await createSession(database.db, { user, stage: 'active', now: new Date(), ip: '127.0.0.1', userAgent: 'e2e', limits: DEFAULT_LIMITS });
  await context.addCookies([{ name: sessionCookieName(false), value: token, url: baseUrl(), httpOnly: true, sameSite: 'Lax' }]);
}

/** WCAG 2.1 A and AA, zero violations allowed. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Nothing on the page is wider than the screen (a phone user would have to scroll sideways). */
export async function expectNoHorizontalScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow on ${label}`).toBeLessThanOrEqual(0);
}
