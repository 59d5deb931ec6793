/** The HR workspace in Chromium: an admin signed in through the link their sign-in mail carries. */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { findAdminUserByEmail } from '../../../src/server/admin/accounts.js';
import { issueAdminToken } from '../../../src/server/auth/admin-sessions.js';
import type { RunningServer } from '../../../src/server/server.js';

/** Signs `email` in (at 1280×800, English, the page's CSP bypassed unless said otherwise), then opens `path`. */
export async function signedInAdmin(browser: Browser, server: RunningServer, email: string, path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const admin = await findAdminUserByEmail(server.db, email);
  const token = await issueAdminToken(server.db, admin!.id);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', bypassCSP: true, ...options });
  const page = await context.newPage();
  await page.goto(`${server.url}/admin/link?token=${token}`);
  await Promise.all([page.waitForURL(`${server.url}/admin`), page.locator('main form button').click()]);
  await page.goto(`${server.url}${path}`);
  return page;
}

/** axe's WCAG 2.2 AA and best-practice violations on the page, as `rule: targets` lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  return page.evaluate(`axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] })
    .then((result) => result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`) as Promise<string[]>;
}
