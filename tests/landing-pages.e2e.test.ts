/**
 * The pages people land on from a mail, in Chromium at a phone's and a laptop's width, in English and
 * French, light and dark: the candidate's confirmation and its outcomes, the employee's one-click
 * answers, the sign-in and withdraw links, and every broken link. Each names the site, scrolls not
 * sideways, shows its primary action without scrolling and passes axe. Questions are stored with the
 * server's own function (the form itself is tested in contact.e2e); everything after goes through the
 * pages, the primary button pressed from the keyboard. Screenshots go to $SHOTS when it names a folder.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { ContactRequestBody } from '../src/server/contact/requests.js';
import { Links, loadLinkSecret } from '../src/server/auth/links.js';
import { issueToken } from '../src/server/auth/tokens.js';
import { contactKeys } from '../src/server/contact/links.js';
import { findLinks } from '../src/server/mail/dev-outbox.js';
import { reachPerson, storeSubmission } from '../src/server/contact/requests.js';
import type { RunningServer } from '../src/server/server.js';
import type { Site } from '../src/server/store/schema.js';
import { createPerson, recordConsent } from '../src/server/store/people.js';
import { DEMO_ACCENT } from '../demo/seed.js';
import { accentScheme } from '../src/server/accent.js';
import { ADMIN_KEY, launchChromium, startTestServer } from './support/node/harness.js';

const SITE_NAME = 'Beaumont Hotels';
const LOCALES = { en: 'en-GB', fr: 'fr-FR' } as const;
type Lang = keyof typeof LOCALES;
const SHOTS = process.env.SHOTS;
const DAY = 24 * 3600_000;

let server: RunningServer;
let browser: Browser;
let site: Site;
let links: Links;
let keys: ReturnType<typeof contactKeys>;

before(async () => {
  server = await startTestServer({ adminKey: ADMIN_KEY });
  browser = await launchChromium();
  site = await server.db.selectFrom('sites').selectAll().where('slug', '=', 'beaumont').executeTakeFirstOrThrow();
  links = new Links(server.url, await loadLinkSecret(server.db));
  keys = contactKeys(server.db, server.url);
  if (SHOTS) await mkdir(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

let counter = 0;

/** Someone new on the demo site (or `on`), shown and open to messages, who reads `lang`. */
async function newEmployee(lang: Lang, on = site) {
  const email = `landing-${++counter}@beaumont-hotels.example`;
  const person = await createPerson(server.db, { siteId: on.id, email, fullName: `Jeanne Moreau${counter}`, displayName: `Jeanne M${counter}.`, jobTitle: 'Concierge' });
  await server.db.updateTable('people').set({ locale: lang }).where('id', '=', person.id).execute();
  const consent = { personId: person.id, textVersion: on.consent_text_version, source: 'me' as const, granted: true };
  await recordConsent(server.db, { ...consent, purpose: 'show_profile' });
  await recordConsent(server.db, { ...consent, purpose: 'contact', details: { channels: ['message'] } });
  return { ...person, email };
}

/** The links of the mails to `to` leading to `path`, read from the outbox as soon as they are stored. */
async function mailLinks(to: string, path: string) {
  const mails = await server.db.selectFrom('outbox').select('text_body').where('to_address', '=', to).orderBy('id').execute();
  return mails.flatMap((mail) => findLinks(mail.text_body)).filter((link) => link.includes(path));
}

/** A candidate's question in `lang` to someone new, stored as the contact form's 202 stores it: its confirmation link. */
async function question(lang: Lang, on = site) {
  const employee = await newEmployee(lang, on);
  const reach = await reachPerson(server.db, on, employee.public_id, server.url, new Date());
  assert.ok(reach.ok);
  const email = `candidate-${++counter}@candidates.example`;
  const body = { name: 'Casey Candidate', email, message: 'What is a typical day like?', job: 'Concierge', consent: true, lang } as ContactRequestBody;
  await storeSubmission(server.db, (await keys()).contactLinks, { site: on, person: reach.person, body, origin: server.url }, new Date());
  const [confirm] = await mailLinks(email, '/contact/confirm');
  return { employee, confirm: confirm!, candidate: email };
}

/** A question confirmed by its candidate: the links of the employee's mail. */
async function forwarded(lang: Lang) {
  const { employee, confirm } = await question(lang);
  await fetch(`${server.url}/contact/confirm`, { method: 'POST', body: new URLSearchParams({ token: new URL(confirm).searchParams.get('token')! }) });
  const of = async (action: string) => (await mailLinks(employee.email, `/contact/${action}`))[0]!;
  return { employee, answered: await of('answered'), decline: await of('decline'), pause: await of('pause') };
}

const postForm = (url: string, fields: Record<string, string>) => fetch(url, { method: 'POST', body: new URLSearchParams(fields) });

interface Landing {
  /** Where the person lands (a link of a mail, or one made up). */
  url: string;
  /** The page is a question: the person presses its button, from the keyboard, and lands on the outcome. */
  press?: boolean;
  /** The site is unknown to a made-up link: the page speaks for Hallway. */
  unknownSite?: boolean;
  /** Nothing to offer on this page but what it says (a made-up candidate's link: no site to go back to). */
  noAction?: boolean;
}

/** Every page people land on, each from a fresh start. */
const LANDINGS: Record<string, (lang: Lang) => Promise<Landing>> = {
  confirm: async (lang) => ({ url: (await question(lang)).confirm }),
  confirmed: async (lang) => ({ url: (await question(lang)).confirm, press: true }),
  'confirm-not-sent': async (lang) => {
    const { employee, confirm } = await question(lang);
    await server.db
      .updateTable('people')
      .set({ paused_until: new Date(Date.now() + 7 * DAY) })
      .where('id', '=', employee.id)
      .execute();
    return { url: confirm, press: true };
  },
  'confirm-used': async (lang) => {
    const { confirm } = await question(lang);
    await postForm(`${server.url}/contact/confirm`, { token: new URL(confirm).searchParams.get('token')! });
    return { url: confirm };
  },
  'confirm-expired': async (lang) => {
    const { confirm, candidate } = await question(lang);
    await server.db
      .updateTable('contact_requests')
      .set({ confirm_expires_at: new Date(Date.now() - 1000) })
      .where('candidate_email', '=', candidate)
      .execute();
    return { url: confirm };
  },
  'confirm-invalid': async () => ({ url: `${server.url}/contact/confirm?token=made-up`, unknownSite: true, noAction: true }),
  answered: async (lang) => ({ url: (await forwarded(lang)).answered }),
  'answered-done': async (lang) => ({ url: (await forwarded(lang)).answered, press: true }),
  decline: async (lang) => ({ url: (await forwarded(lang)).decline }),
  declined: async (lang) => ({ url: (await forwarded(lang)).decline, press: true }),
  pause: async (lang) => ({ url: (await forwarded(lang)).pause }),
  paused: async (lang) => ({ url: (await forwarded(lang)).pause, press: true }),
  'action-expired': async (lang) => {
    const { employee, decline } = await forwarded(lang);
    await server.db
      .updateTable('contact_requests')
      .set({ confirmed_at: new Date(Date.now() - 15 * DAY) })
      .where('person_id', '=', employee.id)
      .execute();
    return { url: decline };
  },
  'action-forged': async () => ({ url: `${server.url}/contact/decline?request=made-up&sig=made-up`, unknownSite: true }),
  'sign-in': async (lang) => ({ url: `${server.url}/me/link?token=${await issueToken(server.db, (await newEmployee(lang)).id, 'sign_in')}` }),
  'sign-in-expired': async (lang) => {
    const token = await issueToken(server.db, (await newEmployee(lang)).id, 'sign_in', new Date(Date.now() - DAY));
    return { url: `${server.url}/me/link?token=${token}`, press: true };
  },
  'sign-in-used': async (lang) => {
    const token = await issueToken(server.db, (await newEmployee(lang)).id, 'invitation');
    await postForm(`${server.url}/me/link`, { token });
    return { url: `${server.url}/me/link?token=${token}`, press: true };
  },
  'sign-in-invalid': async () => ({ url: `${server.url}/me/link?token=made-up`, press: true, unknownSite: true }),
  withdraw: async (lang) => {
    const employee = await newEmployee(lang);
    return { url: links.withdraw(employee.public_id, employee.email) };
  },
  withdrawn: async (lang) => {
    const employee = await newEmployee(lang);
    return { url: links.withdraw(employee.public_id, employee.email), press: true };
  },
  'withdraw-forged': async () => ({ url: `${server.url}/me/withdraw?person=made-up&sig=made-up`, unknownSite: true }),
};

const VIEWS = [
  { width: 1280, height: 800, colorScheme: 'light' },
  { width: 390, height: 844, colorScheme: 'light' },
  { width: 320, height: 640, colorScheme: 'dark' },
] as const;

/** axe is injected as a script: these contexts alone let the test bypass the pages' CSP. */
async function axeViolations(page: Page) {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  return page.evaluate(`axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] })
    .then((result) => result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`) as Promise<string[]>;
}

/** The page's one primary action: the link styled as a button, or the form's button. */
const primaryAction = (page: Page) => page.locator('main .next a.button, main form button');

for (const lang of ['en', 'fr'] as const) {
  test(`every page people land on, in ${lang === 'en' ? 'English' : 'French'}: named, no sideways scroll, its action in view, axe clean`, async () => {
    for (const view of VIEWS) {
      const context = await browser.newContext({ viewport: view, colorScheme: view.colorScheme, locale: LOCALES[lang], bypassCSP: true });
      const page = await context.newPage();
      for (const [name, land] of Object.entries(LANDINGS)) {
        const where = `${name} (${lang}, ${view.width} px, ${view.colorScheme})`;
        const landing = await land(lang);
        await page.goto(landing.url);
        if (landing.press) {
          await primaryAction(page).focus();
          await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
        }
        assert.equal(await page.locator('html').getAttribute('lang'), lang, where);
        assert.equal((await page.locator('header').innerText()).trim(), landing.unknownSite ? 'Hallway' : SITE_NAME, where);
        assert.ok(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth'), `${where}: scrolls sideways`);
        if (landing.noAction) {
          assert.equal(await primaryAction(page).count(), 0, where);
        } else {
          const box = await primaryAction(page).boundingBox();
          assert.ok(box && box.x >= 0 && box.x + box.width <= view.width && box.y + box.height <= view.height, `${where}: the primary action is out of view`);
        }
        assert.deepEqual(await axeViolations(page), [], where);
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}-${lang}-${view.width}${view.colorScheme === 'dark' ? '-dark' : ''}.png`, fullPage: true });
      }
      await context.close();
    }
  });
}

test('under the pages’ own CSP the stylesheet applies and nothing is refused', async () => {
  const context = await browser.newContext({ viewport: VIEWS[1] });
  const page = await context.newPage();
  const refused: string[] = [];
  page.on('console', (message) => void (message.text().includes('Content Security Policy') && refused.push(message.text())));
  for (const name of ['confirm', 'withdrawn', 'sign-in-invalid']) {
    const landing = await LANDINGS[name]!('en');
    await page.goto(landing.url);
    if (landing.press) await Promise.all([page.waitForNavigation(), primaryAction(page).click()]);
    // The demo site's burgundy; Hallway's blue where a link is too broken to tell its site.
    const accent = landing.unknownSite ? '#1f5f99' : DEMO_ACCENT;
    assert.equal(await primaryAction(page).evaluate((element) => getComputedStyle(element).backgroundColor), rgb(accent), name);
  }
  assert.deepEqual(refused, []);
  await context.close();
});

/** `#rrggbb` as getComputedStyle writes it. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

test('sites’ own accent and careers URL: the button in the accent or its readable fallback, axe clean, the way back to the careers site', async () => {
  const YELLOW_CAREERS = 'https://careers.soleil.example/jobs';
  const created = await fetch(`${server.url}/v1/admin/sites`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ADMIN_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ slug: 'soleil', name: 'Soleil', accentColor: '#FFE000', careersUrl: YELLOW_CAREERS }),
  });
  assert.equal(created.status, 201, await created.text());
  const yellow = await server.db.selectFrom('sites').selectAll().where('slug', '=', 'soleil').executeTakeFirstOrThrow();
  const sites = [
    { site: yellow, accent: '#ffe000', careers: YELLOW_CAREERS },
    { site, accent: DEMO_ACCENT, careers: `${server.url}/` },
  ];
  for (const { site: on, accent, careers } of sites) {
    for (const [view, lang] of [
      [VIEWS[0], 'en'],
      [VIEWS[1], 'fr'],
      [{ ...VIEWS[1], colorScheme: 'dark' }, 'en'],
      [{ ...VIEWS[0], colorScheme: 'dark' }, 'fr'],
    ] as const) {
      const viewport = { width: view.width, height: view.height };
      const context = await browser.newContext({ viewport, colorScheme: view.colorScheme, locale: LOCALES[lang], bypassCSP: true });
      const page = await context.newPage();
      const where = `${on.slug} (${lang}, ${view.width} px, ${view.colorScheme})`;
      const expected = accentScheme(accent)[view.colorScheme];
      const { confirm, candidate } = await question(lang, on);
      await page.goto(confirm);
      const button = primaryAction(page);
      assert.deepEqual(
        await button.evaluate((element) => [getComputedStyle(element).backgroundColor, getComputedStyle(element).color]),
        [rgb(expected.background), rgb(expected.text)],
        where,
      );
      if (view.colorScheme === 'light') assert.equal(expected.background, accent, `${where}: the accent itself`);
      assert.deepEqual(await axeViolations(page), [], where);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/brand-${on.slug}-confirm-${lang}-${view.width}-${view.colorScheme}.png`, fullPage: true });

      await button.focus();
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      assert.equal(await primaryAction(page).getAttribute('href'), careers, `${where}: the way back`);
      assert.equal(await page.locator('header a').getAttribute('href'), careers, where);
      assert.equal(await page.locator('.mark').evaluate((element) => getComputedStyle(element).backgroundColor), rgb(expected.background), `${where}: the mark`);
      assert.deepEqual(await axeViolations(page), [], `${where}: confirmed`);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/brand-${on.slug}-confirmed-${lang}-${view.width}-${view.colorScheme}.png`, fullPage: true });

      const withdraw = await newEmployee(lang, on);
      await page.goto(links.withdraw(withdraw.public_id, withdraw.email));
      await Promise.all([page.waitForNavigation(), primaryAction(page).click()]);
      const back = page.locator('footer a');
      assert.equal(await back.getAttribute('href'), careers, `${where}: the footer's way back`);
      assert.equal(await back.evaluate((element) => getComputedStyle(element).color), rgb(expected.link), `${where}: a link in the accent`);
      assert.deepEqual(await axeViolations(page), [], `${where}: withdrawn`);

      if (SHOTS) {
        // The candidate's mail as the outbox holds it, whole (the dev outbox frames it at a fixed height).
        const mail = await server.db.selectFrom('outbox').select('html_body').where('to_address', '=', candidate).executeTakeFirstOrThrow();
        await page.setContent(mail.html_body);
        await page.screenshot({ path: `${SHOTS}/brand-${on.slug}-mail-${lang}-${view.width}-${view.colorScheme}.png`, fullPage: true });
      }
      await context.close();
    }
  }
});

test('the development outbox shows each mail’s HTML part beside its text, in a frame where nothing runs', async () => {
  await server.db
    .insertInto('outbox')
    .values({
      to_address: 'frame@candidates.example',
      template: 'sign_in',
      locale: 'en',
      subject: 'A mail with a script',
      text_body: 'The text part: https://example.com/x',
      html_body: '<p id="shown" style="color:#1f5f99">The HTML part</p><script>document.getElementById("shown").textContent = "ran"</script>',
    })
    .execute();
  for (const width of [1280, 390]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/dev/outbox`);
    const mail = page.locator('article').filter({ hasText: 'A mail with a script' });
    const frame = mail.frameLocator('iframe[sandbox=""]');
    assert.equal(await frame.locator('#shown').innerText(), 'The HTML part', 'shown, and its script did not run');
    assert.equal(await frame.locator('#shown').evaluate((element) => getComputedStyle(element).color), 'rgb(31, 95, 153)', 'its inline styles apply');
    assert.equal(await mail.getByRole('link', { name: 'https://example.com/x' }).count(), 1, 'the text part keeps its links');
    const [text, html] = await Promise.all([mail.locator('pre').boundingBox(), mail.locator('iframe').boundingBox()]);
    if (width === 1280) assert.ok(text && html && html.x > text.x + text.width, 'side by side on a laptop');
    else assert.ok(text && html && html.y > text.y, 'one under the other on a phone');
    assert.ok(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth'), `${width} px: scrolls sideways`);
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/dev-outbox-${width}.png` });
      // The mail before it: a real one, as the server wrote it.
      await page.locator('article').nth(1).frameLocator('iframe').locator('body').waitFor();
      await page
        .locator('article')
        .nth(1)
        .screenshot({ path: `${SHOTS}/dev-outbox-mail-${width}.png` });
    }
    await context.close();
  }
});
