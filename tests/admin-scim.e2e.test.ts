/**
 * SCIM from the HR workspace to the identity provider, in Chromium against the real server: HR makes
 * a token on the settings page, the provider uses it to provision someone (who stays off the careers
 * site until they opt in), HR revokes it and the provider is shut out. axe is clean in each state.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_ADMIN_EMAIL } from '../demo/seed.js';
import type { RunningServer } from '../src/server/server.js';
import { ADMIN_KEY, launchChromium, startTestServer } from './support/node/harness.js';
import { axeViolations, signedInAdmin } from './support/node/workspace.js';

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startTestServer({ adminKey: ADMIN_KEY });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const provision = (secret: string) =>
  fetch(`${server.url}/scim/v2/Users`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/scim+json' },
    body: JSON.stringify({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'new.hire@beaumont-hotels.example',
      name: { givenName: 'Nora', familyName: 'Hale' },
    }),
  });

test('HR makes a SCIM token, the provider provisions with it, HR revokes it; the invitations are set on the same page', async () => {
  const page = await signedInAdmin(browser, server, DEMO_ADMIN_EMAIL, '/admin/settings', { viewport: { width: 1280, height: 900 } });
  const section = page.locator('hw-admin-scim');
  await section.getByRole('heading', { name: 'Provisioning (SCIM)' }).waitFor();
  assert.equal(await section.getByLabel('Base URL (Okta) or Tenant URL (Entra ID)').inputValue(), `${server.url}/scim/v2`);
  assert.deepEqual(await axeViolations(page), [], 'no token yet');

  await section.getByLabel('Name, such as Okta').fill('Okta');
  await section.getByRole('button', { name: 'Create the token' }).click();
  const secret = await section.locator('#scim-secret').inputValue();
  assert.match(secret, /^hw_scim_/);
  assert.deepEqual(await axeViolations(page), [], 'the secret shown once');
  await page.keyboard.press('Escape');

  const created = await provision(secret);
  assert.equal(created.status, 201);
  const { id } = (await created.json()) as { id: string };
  const site = (await server.db.selectFrom('sites').select('slug').executeTakeFirstOrThrow()).slug;
  const listed = (await (await fetch(`${server.url}/v1/sites/${site}/people?limit=50`)).json()) as { items: { id: string }[] };
  assert.ok(!listed.items.some((person) => person.id === id), 'not on the careers site before they opt in');

  await section.getByRole('button', { name: 'Revoke Okta' }).click();
  await section.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  await section.getByRole('status').filter({ hasText: '“Okta” is revoked.' }).waitFor();
  assert.equal((await provision(secret)).status, 401);

  await section.getByLabel('Invite new people automatically').check();
  await section.getByLabel('Days after they arrive').fill('10');
  await section.getByLabel('Invite people who leave to appear as alumni').check();
  await section.getByRole('button', { name: 'Save the invitations' }).click();
  await section.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  const saved = await server.db.selectFrom('sites').select(['scim_invite_after_days', 'scim_invite_alumni']).where('slug', '=', site).executeTakeFirstOrThrow();
  assert.deepEqual(saved, { scim_invite_after_days: 10, scim_invite_alumni: true });
  assert.deepEqual(await axeViolations(page), [], 'a revoked token, the invitations on');
  await page.context().close();
});
