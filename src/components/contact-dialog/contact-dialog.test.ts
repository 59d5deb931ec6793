import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { PublicPerson } from '../../sdk/index.js';
import { API, aPerson, errorResponse, gate, photos, site } from '../../../tests/support/browser/test-data.js';
import { CONTACT_URL, accepted, contactServer, solves, type ContactServer, type ContactServerOptions } from '../../../tests/support/browser/contact-test-data.js';
import type { HwContactCloseEvent, HwContactOpenEvent, HwContactSentEvent } from './events.js';
import type { HwContactDialog } from './contact-dialog.js';
import './contact-dialog.js';

const worker = setupWorker(photos, site);
before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

/** The mock server's record of challenges handed out and requests received. */
let server: ContactServer;

function serve(options?: ContactServerOptions) {
  const mock = contactServer(options);
  server = mock.server;
  worker.use(...mock.handlers);
}

// ---- Looking at the dialog as a user does

const $ = <T extends HTMLElement = HTMLElement>(el: HwContactDialog, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const field = (el: HwContactDialog, id: string) => $<HTMLInputElement>(el, `#${id}`);
const texts = (el: HwContactDialog, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)].map((node) => node.textContent!.trim()).filter(Boolean);
const alerts = (el: HwContactDialog) => texts(el, '[role="alert"]');
const statuses = (el: HwContactDialog) => texts(el, '[role="status"]');
const dialogOf = (el: HwContactDialog) => $<HTMLDialogElement>(el, 'dialog');
const heading = (el: HwContactDialog) => $(el, 'h2').textContent!.trim();

/** The element that really has the focus, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Where the focus is: a control of the dialog by id, or "browser" when it left the page; fails anywhere else. */
function focusStop(el: HwContactDialog): string {
  const active = deepActive();
  if (active === document.body) return 'browser';
  if (!active || !el.shadowRoot!.contains(active)) throw new Error(`The focus left the dialog for ${active?.outerHTML.slice(0, 80)}`);
  return active.id || active.getAttribute('part')!;
}

/** What a screen reader reads after the control's name. */
function description(el: HwContactDialog, control: Element): string {
  const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => el.shadowRoot!.getElementById(id)?.textContent?.trim()).join(' ');
}

function button(el: HwContactDialog, label: string): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === label);
  if (!found) throw new Error(`No button "${label}"`);
  return found;
}

async function type(el: HwContactDialog, id: string, value: string) {
  const control = field(el, id);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const TYPED = { name: 'Grace Hopper', email: 'grace@example.com', message: 'What does a first week look like?' };

async function fillIn(el: HwContactDialog, values = TYPED) {
  await type(el, 'name', values.name);
  await type(el, 'email', values.email);
  await type(el, 'message', values.message);
  field(el, 'consent').click();
  await el.updateComplete;
}

function typedValues(el: HwContactDialog) {
  return { name: field(el, 'name').value, email: field(el, 'email').value, message: field(el, 'message').value };
}

async function send(el: HwContactDialog) {
  $(el, '[part="submit"]').click();
  await el.updateComplete;
}

const until = (what: string, condition: () => unknown) => waitUntil(condition, what, { timeout: 4000 });

interface Options {
  person?: PublicPerson;
  people?: PublicPerson[];
  job?: string;
  lang?: string;
}

/** A page with an "Open" button that opens the dialog, as the contact button does; the focus starts on it. */
async function openDialog({ person = aPerson(), people = [], job = 'Software Engineer', lang = 'en' }: Options = {}) {
  const page = fixtureSync(html`
    <div lang=${lang}>
      <button id="opener">Open</button>
      <hw-contact-dialog api=${API} site="acme" .person=${people.length ? undefined : person} .people=${people} job=${job}></hw-contact-dialog>
    </div>
  `);
  const el = page.querySelector('hw-contact-dialog')!;
  const opener = page.querySelector<HTMLButtonElement>('#opener')!;
  const events: Event[] = [];
  for (const type of ['hw-contact-open', 'hw-contact-sent', 'hw-contact-close']) page.addEventListener(type, (event) => events.push(event));
  opener.focus();
  await el.show();
  await el.updateComplete;
  return { el, opener, events };
}

describe('hw-contact-dialog', () => {
  describe('opening, keyboard and focus', () => {
    it('opens as a modal, the focus on the name field, asking the person about the job', async () => {
      serve();
      const { el, events } = await openDialog();

      expect(dialogOf(el).open).to.be.true;
      expect(dialogOf(el).matches(':modal')).to.be.true;
      expect(deepActive()).to.equal(field(el, 'name'));
      expect(heading(el)).to.equal('Ask Ada Lovelace about this job');
      expect(dialogOf(el).getAttribute('aria-labelledby')).to.equal('heading');
      expect(texts(el, '[part="person"] p')).to.deep.equal(['Ada Lovelace', 'Software Engineer']);
      expect(texts(el, 'label')).to.deep.equal([
        'Your name',
        'Your e-mail address',
        'Your question',
        'I agree to share my name and e-mail address with Ada Lovelace so they can reply to me',
        'Leave this field empty',
      ]);
      expect(description(el, field(el, 'email'))).to.equal('Ada replies to this address.');
      expect(texts(el, '[part="privacy"]')).to.deep.equal([
        'Ada sees your name, e-mail and message; their own address stays private. Your request is deleted after 90 days.',
      ]);
      expect([field(el, 'name').autocomplete, field(el, 'email').type, field(el, 'email').autocomplete]).to.deep.equal(['name', 'email', 'email']);
      await expect(el).to.be.accessible();

      await until('hw-contact-open', () => events.length === 1);
      expect(events[0]!.type).to.equal('hw-contact-open');
      expect((events[0] as HwContactOpenEvent).detail).to.deep.equal({ personId: 'p1', job: 'Software Engineer' });
      expect(events[0]!.bubbles && events[0]!.composed).to.be.true;
    });

    it('asks "a question" when there is no job', async () => {
      serve();
      const { el, events } = await openDialog({ job: '' });
      expect(heading(el)).to.equal('Ask Ada Lovelace a question');
      await until('hw-contact-open', () => events.length === 1);
      expect((events[0] as HwContactOpenEvent).detail).to.deep.equal({ personId: 'p1' });
    });

    // Native modal behaviour: past the last control the focus may leave the page for the browser's own
    // UI (the page then reports <body> as focused), and comes back to the dialog; it never reaches the page
    // behind. The <dialog> itself is a stop when its content scrolls (a small viewport).
    it('keeps Tab inside the dialog, never on the page behind nor on the honeypot', async () => {
      serve();
      const { el } = await openDialog();
      const visited: string[] = [];
      for (let press = 0; press < 16; press++) {
        await sendKeys({ press: 'Tab' });
        visited.push(focusStop(el));
      }
      const controls = visited.filter((stop) => stop !== 'browser' && stop !== 'dialog');
      expect(controls.slice(0, 12)).to.deep.equal(['email', 'message', 'consent', 'submit', 'close', 'name', 'email', 'message', 'consent', 'submit', 'close', 'name']);
    });

    it('also stays inside going backwards with Shift+Tab', async () => {
      serve();
      const { el } = await openDialog();
      const visited: string[] = [];
      await sendKeys({ down: 'Shift' });
      for (let press = 0; press < 8; press++) {
        await sendKeys({ press: 'Tab' });
        visited.push(focusStop(el));
      }
      await sendKeys({ up: 'Shift' });
      const controls = visited.filter((stop) => stop !== 'browser' && stop !== 'dialog');
      expect(controls.slice(0, 6)).to.deep.equal(['close', 'submit', 'consent', 'message', 'email', 'name']);
    });

    it('closes on Escape, gives the focus back to its opener and fires hw-contact-close', async () => {
      serve();
      const { el, opener, events } = await openDialog();
      await sendKeys({ press: 'Escape' });
      await until('hw-contact-close', () => events.some((event) => event.type === 'hw-contact-close'));

      expect(dialogOf(el).open).to.be.false;
      expect(deepActive()).to.equal(opener);
      const close = events.find((event) => event.type === 'hw-contact-close') as HwContactCloseEvent;
      expect(close.detail).to.deep.equal({ personId: 'p1', sent: false });
      expect(close.bubbles && close.composed).to.be.true;
    });

    it('closes with its Close button too, the focus back on the opener', async () => {
      serve();
      const { el, opener } = await openDialog();
      button(el, 'Close').click();
      await until('closed', () => !dialogOf(el).open);
      await until('focus back', () => deepActive() === opener);
    });

    it('hides the honeypot from people and assistive technology, and leaves it out of the tab order', async () => {
      serve();
      const { el } = await openDialog();
      const honeypot = field(el, 'website');
      const wrapper = honeypot.closest('[aria-hidden]')!;

      expect(wrapper.getAttribute('aria-hidden')).to.equal('true');
      expect(honeypot.tabIndex).to.equal(-1);
      expect(honeypot.getAttribute('autocomplete')).to.equal('off');
      expect(honeypot.getBoundingClientRect().right, 'off-screen').to.be.lessThan(0);
      expect(honeypot.value).to.equal('');
    });
  });

  it('counts the message, and announces the count only near the limit', async () => {
    serve();
    const { el } = await openDialog();
    const message = field(el, 'message');
    const announced = () => statuses(el).filter((text) => text.includes('characters'));

    expect(message.maxLength).to.equal(1000);
    expect($(el, '#message-count').textContent).to.equal('0/1000');
    await type(el, 'message', 'a'.repeat(120));
    expect($(el, '#message-count').textContent).to.equal('120/1000');
    expect(description(el, message)).to.equal('120/1000');
    expect(announced()).to.deep.equal([]);

    await type(el, 'message', 'a'.repeat(950));
    expect(announced()).to.deep.equal(['950 of 1000 characters']);
  });

  it('checks the form before sending: each field says why, an alert names them, the focus goes to the first', async () => {
    serve();
    const { el } = await openDialog();
    await type(el, 'email', 'grace@');
    await send(el);

    expect(alerts(el)).to.deep.equal(['Check these fields: Your name, Your e-mail address, Your question, and Your agreement.']);
    for (const id of ['name', 'email', 'message', 'consent']) expect(field(el, id).getAttribute('aria-invalid'), id).to.equal('true');
    expect(description(el, field(el, 'name'))).to.equal('Enter your name.');
    expect(description(el, field(el, 'email'))).to.equal('Ada replies to this address. Enter your e-mail address, like name@example.com.');
    expect(description(el, field(el, 'message'))).to.equal('0/1000 Write your question.');
    expect(description(el, field(el, 'consent'))).to.equal('Agree to share your name and e-mail address, so Ada can reply to you.');
    expect(deepActive()).to.equal(field(el, 'name'));
    expect(server.requests).to.deep.equal([]);
    await expect(el).to.be.accessible();

    const first = $(el, '[role="alert"]');
    await send(el);
    expect($(el, '[role="alert"]'), 'the same summary again, in a new alert that is announced again').not.to.equal(first);

    await type(el, 'name', 'Grace');
    await type(el, 'email', 'grace@example.com');
    await type(el, 'message', 'Hello');
    await send(el);
    expect(alerts(el)).to.deep.equal(['Check this field: Your agreement.']);
    expect(field(el, 'name').hasAttribute('aria-invalid')).to.be.false;
    expect(deepActive()).to.equal(field(el, 'consent'));
  });

  it('clears each field’s error as soon as the field is right, as the candidate types, and the summary follows', async () => {
    serve();
    const { el } = await openDialog();
    const name = field(el, 'name');
    const email = field(el, 'email');
    await sendKeys({ press: 'Enter' }); // in the name field: sends the form
    await el.updateComplete;
    expect(alerts(el)).to.deep.equal(['Check these fields: Your name, Your e-mail address, Your question, and Your agreement.']);
    expect(deepActive()).to.equal(name);

    await sendKeys({ type: 'G' });
    await el.updateComplete;
    expect(name.hasAttribute('aria-invalid'), 'right after one letter').to.be.false;
    expect(description(el, name)).to.equal('');
    expect(alerts(el)).to.deep.equal(['Check these fields: Your e-mail address, Your question, and Your agreement.']);

    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'grace@' });
    await el.updateComplete;
    expect(email.getAttribute('aria-invalid'), 'not an address yet').to.equal('true');
    expect(description(el, email)).to.equal('Ada replies to this address. Enter your e-mail address, like name@example.com.');
    await sendKeys({ type: 'example.com' });
    await el.updateComplete;
    expect(email.hasAttribute('aria-invalid')).to.be.false;
    expect(description(el, email)).to.equal('Ada replies to this address.');
    expect(alerts(el)).to.deep.equal(['Check these fields: Your question and Your agreement.']);

    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Hello' });
    await el.updateComplete;
    expect(field(el, 'message').hasAttribute('aria-invalid')).to.be.false;
    expect(alerts(el)).to.deep.equal(['Check this field: Your agreement.']);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(field(el, 'consent').hasAttribute('aria-invalid')).to.be.false;
    expect(description(el, field(el, 'consent'))).to.equal('');
    expect(alerts(el), 'nothing left to check').to.deep.equal([]);
    expect(el.shadowRoot!.querySelectorAll('[part="field-error"]')).to.have.length(0);
    await expect(el).to.be.accessible();

    // Emptied again: no error while typing (it would scold mid-word); the next send says it.
    await sendKeys({ down: 'Shift' });
    for (let press = 0; press < 3; press++) await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepActive()).to.equal(name);
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(name.hasAttribute('aria-invalid')).to.be.false;
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(alerts(el)).to.deep.equal(['Check this field: Your name.']);
    expect(server.requests).to.deep.equal([]);
  });

  it('clears the error the server found on a field once the candidate corrects it', async () => {
    serve({ answer: () => HttpResponse.json({ error: { code: 'invalid_body', message: 'email: Invalid email', field: 'email' } }, { status: 400 }) });
    const { el } = await openDialog();
    await fillIn(el, { ...TYPED, email: 'grace@example.c' });
    await send(el);
    await until('error shown', () => alerts(el).length > 0);
    expect(deepActive()).to.equal(field(el, 'email'));

    await sendKeys({ type: 'om' });
    await el.updateComplete;
    expect(field(el, 'email').hasAttribute('aria-invalid')).to.be.false;
    expect(alerts(el)).to.deep.equal([]);
  });

  it('sends exactly what was typed, with the job, consent, language and a proof that solves the challenge', async () => {
    serve();
    const { el } = await openDialog();
    await fillIn(el, { name: '  Grace Hopper ', email: ' grace@example.com', message: 'What does a first week look like?\n' });
    await send(el);
    await until('sent', () => server.requests.length === 1);

    const { personId, body } = server.requests[0]!;
    const { proof, ...rest } = body;
    expect(personId).to.equal('p1');
    expect(rest).to.deep.equal({
      name: 'Grace Hopper',
      email: 'grace@example.com',
      message: 'What does a first week look like?',
      job: 'Software Engineer',
      consent: true,
      lang: 'en',
    });
    expect('website' in body, 'no honeypot value').to.be.false;
    expect(server.challenges).to.have.length(1);
    expect(await solves(proof, server.challenges), `number ${proof.number} solves the challenge`).to.be.true;
  });

  it('sends what a robot put in the honeypot, so the server can drop the request', async () => {
    serve();
    const { el } = await openDialog();
    await fillIn(el);
    field(el, 'website').value = 'https://spam.example'; // a robot sets it, with or without events
    await send(el);
    await until('sent', () => server.requests.length === 1);
    expect(server.requests[0]!.body.website).to.equal('https://spam.example');
  });

  it('says it checks you are human while the proof of work runs, then sends; fields are read-only meanwhile', async () => {
    const challenge = gate();
    const response = gate();
    serve({ challengeWait: challenge.opened, answer: () => response.opened.then(accepted) });
    const { el } = await openDialog();
    await fillIn(el);
    await send(el);

    expect(statuses(el)).to.include('Checking you’re human…');
    expect(field(el, 'name').readOnly && field(el, 'email').readOnly && field(el, 'message').readOnly).to.be.true;
    expect($(el, '[part="submit"]').getAttribute('aria-disabled')).to.equal('true');
    field(el, 'consent').click();
    expect(field(el, 'consent').checked, 'the checkbox does not change while busy').to.be.true;
    await expect(el).to.be.accessible();

    challenge.open();
    await until('sending', () => statuses(el).includes('Sending…'));
    expect(field(el, 'message').readOnly).to.be.true;
    await send(el);
    await expect(el).to.be.accessible();

    response.open();
    await until('sent', () => $(el, '[part="success"]'));
    expect(server.requests, 'one request, however many clicks').to.have.length(1);
  });

  it('says to check the inbox, focuses that message and fires hw-contact-sent with the person only', async () => {
    serve();
    const { el, events } = await openDialog();
    await fillIn(el);
    await send(el);
    await until('success', () => el.shadowRoot!.querySelector('[part="success"]'));

    const success = $(el, '[part="success"]');
    expect(success.textContent!.trim()).to.equal('Check your inbox: confirm your e-mail address to send your question to Ada.');
    expect(deepActive()).to.equal(success);
    expect(el.shadowRoot!.querySelector('form'), 'the form is gone').to.be.null;
    await expect(el).to.be.accessible();

    await until('hw-contact-sent', () => events.some((event) => event.type === 'hw-contact-sent'));
    const sent = events.find((event) => event.type === 'hw-contact-sent') as HwContactSentEvent;
    expect(sent.detail).to.deep.equal({ personId: 'p1' });
    expect(sent.bubbles && sent.composed).to.be.true;

    button(el, 'Close').click();
    await until('hw-contact-close', () => events.some((event) => event.type === 'hw-contact-close'));
    const close = events.find((event) => event.type === 'hw-contact-close') as HwContactCloseEvent;
    expect(close.detail).to.deep.equal({ personId: 'p1', sent: true });

    await el.show();
    expect(typedValues(el), 'a new, empty form').to.deep.equal({ name: '', email: '', message: '' });
    expect(field(el, 'consent').checked).to.be.false;
  });

  const failures = [
    { code: 'not_contactable', status: 409, message: 'Ada no longer accepts questions, or is away for now. Ask someone else, or try again later.' },
    { code: 'cap_reached', status: 429, message: 'Ada has reached their weekly limit of questions. Ask someone else, or try again next week.' },
    { code: 'rate_limited', status: 429, message: 'Too many questions were sent from here. Wait a few minutes, then try again.' },
    { code: 'origin_not_allowed', status: 403, message: 'Questions can’t be sent from this page yet: the site isn’t set up for it. Please try again later.' },
    { code: 'person_not_found', status: 404, message: 'Ada’s profile is no longer available. Ask someone else.' },
    { code: 'challenge_failed', status: 400, message: 'We couldn’t check that you’re human. Please try again.' },
    { code: 'internal', status: 500, message: 'Something went wrong. Try again.' },
  ];

  for (const { code, status, message } of failures) {
    it(`says why when the server answers ${code}, and keeps what was typed`, async () => {
      serve({ answer: () => errorResponse(status, code) });
      const errors: unknown[][] = [];
      const consoleError = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        const { el } = await openDialog();
        await fillIn(el);
        await send(el);
        await until('error shown', () => alerts(el).length > 0);

        expect(alerts(el)).to.deep.equal([message]);
        expect(typedValues(el)).to.deep.equal(TYPED);
        expect(field(el, 'consent').checked).to.be.true;
        expect(statuses(el)).to.deep.equal([], 'no longer busy');
        expect(field(el, 'name').readOnly).to.be.false;
        await expect(el).to.be.accessible();
      } finally {
        console.error = consoleError;
      }
      const toWebTeam = errors.filter(([text]) => String(text).includes('allowed origins'));
      expect(toWebTeam, 'console.error for the web team').to.have.length(code === 'origin_not_allowed' ? 1 : 0);
    });
  }

  it('says when the network is down, and keeps what was typed', async () => {
    serve();
    worker.use(http.post(CONTACT_URL, () => HttpResponse.error()));
    const { el } = await openDialog();
    await fillIn(el);
    await send(el);
    await until('error shown', () => alerts(el).length > 0);
    expect(alerts(el)).to.deep.equal(['You seem to be offline. Check your connection and try again.']);
    expect(typedValues(el)).to.deep.equal(TYPED);
    await expect(el).to.be.accessible();
  });

  it('shows invalid_body on the field the server names', async () => {
    serve({ answer: () => HttpResponse.json({ error: { code: 'invalid_body', message: 'email: Invalid email', field: 'email' } }, { status: 400 }) });
    const { el } = await openDialog();
    await fillIn(el, { ...TYPED, email: 'grace@example.c' });
    await send(el);
    await until('error shown', () => alerts(el).length > 0);

    const email = field(el, 'email');
    expect(alerts(el)).to.deep.equal(['Check this field: Your e-mail address.']);
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(description(el, email)).to.contain('Enter your e-mail address, like name@example.com.');
    expect(field(el, 'name').hasAttribute('aria-invalid')).to.be.false;
    expect(deepActive()).to.equal(email);
    expect(email.value).to.equal('grace@example.c');
    await expect(el).to.be.accessible();
  });

  it('fetches a new challenge after challenge_failed, and the retry proves that one', async () => {
    serve({ answer: (count) => (count === 0 ? errorResponse(400, 'challenge_failed') : accepted()) });
    const { el } = await openDialog();
    await fillIn(el);
    await send(el);
    await until('error shown', () => alerts(el).length > 0);
    await until('a new challenge', () => server.challenges.length === 2);

    await send(el);
    await until('sent', () => el.shadowRoot!.querySelector('[part="success"]'));
    expect(server.requests).to.have.length(2);
    const [first, retry] = server.requests.map(({ body }) => body);
    expect(retry!.proof.salt, 'a new challenge').not.to.equal(first!.proof.salt);
    expect(await solves(retry!.proof, server.challenges), 'the new challenge').to.be.true;
    expect(retry!.message).to.equal(TYPED.message);
  });

  it('speaks French from the closest [lang], and sends lang "fr"', async () => {
    serve();
    const { el } = await openDialog({ lang: 'fr' });

    expect(heading(el)).to.equal('Poser une question à Ada Lovelace sur ce poste');
    expect(texts(el, 'label').slice(0, 4)).to.deep.equal([
      'Votre nom',
      'Votre adresse e-mail',
      'Votre question',
      'J’accepte de partager mon nom et mon adresse e-mail avec Ada Lovelace afin de recevoir sa réponse',
    ]);
    expect(texts(el, '[part="privacy"]')[0]).to.equal(
      'Ada voit votre nom, votre adresse e-mail et votre message\u202f; sa propre adresse reste privée. Votre demande est supprimée au bout de 90 jours.',
    );
    await send(el);
    expect(alerts(el)[0]).to.match(/^Vérifiez ces champs\u202f: Votre nom, Votre adresse e-mail, Votre question et Votre accord\.$/);
    await expect(el).to.be.accessible();

    await fillIn(el);
    await send(el);
    await until('success', () => el.shadowRoot!.querySelector('[part="success"]'));
    expect($(el, '[part="success"]').textContent!.trim()).to.equal(
      'Consultez votre boîte de réception\u202f: confirmez votre adresse e-mail pour envoyer votre question à Ada.',
    );
    expect(server.requests[0]!.body.lang).to.equal('fr');
    await expect(el).to.be.accessible();
  });

  describe('on common screens, the heading and the actions always in view', () => {
    const SCREENS = [
      [1280, 800],
      [1366, 768],
      [1440, 900],
      [390, 844],
      [360, 640],
    ] as const;
    after(() => setViewport({ width: 800, height: 600 }));

    /** The dialog brought to each of its states (at the default 800×600 viewport). */
    const crowd = ['Ada Lovelace', 'Grace Hopper', 'Katherine Johnson', 'Margaret Hamilton', 'Radia Perlman', 'Frances Allen', 'Barbara Liskov', 'Hedy Lamarr'];
    const states: Record<string, (options: Options) => Promise<HwContactDialog>> = {
      'choosing among several people': async (options) => {
        serve();
        const people = crowd.map((displayName, index) => aPerson({ id: `p${index}`, displayName }));
        return (await openDialog({ ...options, people })).el;
      },
      form: async (options) => {
        serve();
        return (await openDialog(options)).el;
      },
      'field errors': async (options) => {
        serve();
        const { el } = await openDialog(options);
        await send(el);
        return el;
      },
      'proof of work running': async (options) => {
        serve({ challengeWait: gate().opened });
        const { el } = await openDialog(options);
        await fillIn(el);
        await send(el);
        await until('checking', () => statuses(el).length > 0);
        return el;
      },
      sent: async (options) => {
        serve();
        const { el } = await openDialog(options);
        await fillIn(el);
        await send(el);
        await until('sent', () => el.shadowRoot!.querySelector('[part="success"]'));
        return el;
      },
      'server error': async (options) => {
        serve({ answer: () => errorResponse(429, 'cap_reached') });
        const { el } = await openDialog(options);
        await fillIn(el);
        await send(el);
        await until('error shown', () => alerts(el).length > 0);
        return el;
      },
    };

    /** Why a person could not see or click all of `node`: off the screen, or covered by something else. */
    function unseen(el: HwContactDialog, node: Element): string[] {
      const box = node.getBoundingClientRect();
      if (box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth) return [`off the screen at ${JSON.stringify(box)}`];
      const points = [
        [box.left + box.width / 2, box.top + box.height / 2],
        [box.left + box.width / 4, box.top + box.height / 4],
        [box.right - box.width / 4, box.bottom - box.height / 4],
      ];
      return points.flatMap(([x, y]) => {
        const top = el.shadowRoot!.elementFromPoint(x!, y!);
        return top && node.contains(top) ? [] : [`covered at ${x},${y} by ${top?.outerHTML.slice(0, 60)}`];
      });
    }

    function expectSeen(el: HwContactDialog, selector: string, screen: string) {
      expect(unseen(el, $(el, selector)), `${selector} at ${screen}`).to.deep.equal([]);
    }

    for (const lang of ['en', 'fr']) {
      for (const [state, reach] of Object.entries(states)) {
        it(`${state} (${lang})`, async () => {
          const el = await reach({ lang, person: aPerson({ displayName: 'Maximilienne de La Tour-Saint-Ygest' }) });
          const sent = state === 'sent';
          const choosing = state.startsWith('choosing');
          for (const [width, height] of SCREENS) {
            const screen = `${width}×${height}`;
            await setViewport({ width, height });
            expectSeen(el, 'h2', screen);
            expectSeen(el, '[part="close"]', screen);
            if (!choosing) expectSeen(el, sent ? '[part="success"]' : '[part="submit"]', screen);
            if (alerts(el).length > 0) expectSeen(el, '[role="alert"]', screen);
            if (statuses(el).length > 0) expectSeen(el, '[part="status"]', screen);
            if (sent) continue;
            // What the short screen hides is under the heading, above the actions: scrolling the body reaches it all.
            const body = $(el, '.body');
            body.scrollTop = body.scrollHeight;
            expectSeen(el, choosing ? 'li:last-child [part="choice"]' : '[part="privacy"]', screen);
            body.scrollTop = 0;
            expectSeen(el, choosing ? '#choose' : '[part="person"]', screen);
          }
          await expect(el).to.be.accessible();
        });
      }
    }
  });

  describe('with several people to choose from', () => {
    const people = [aPerson({ id: 'p1', displayName: 'Ada Lovelace' }), aPerson({ id: 'p2', displayName: 'Grace Hopper', jobTitle: 'Compiler Engineer' })];

    it('asks whom first, then shows the form for the one chosen', async () => {
      serve();
      const { el, events } = await openDialog({ people });

      expect(heading(el)).to.equal('Ask someone who does this job');
      expect(texts(el, '[part="choice"] .name')).to.deep.equal(['Ada Lovelace', 'Grace Hopper']);
      expect(deepActive()).to.equal($(el, '[part="choice"]'));
      expect(el.shadowRoot!.querySelector('form')).to.be.null;
      await expect(el).to.be.accessible();

      el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="choice"]')[1]!.click();
      await el.updateComplete;
      expect(heading(el)).to.equal('Ask Grace Hopper about this job');
      expect(deepActive()).to.equal(field(el, 'name'));
      await until('hw-contact-open', () => events.length === 1);
      expect((events[0] as HwContactOpenEvent).detail).to.deep.equal({ personId: 'p2', job: 'Software Engineer' });

      await fillIn(el);
      button(el, 'Ask someone else').click();
      await el.updateComplete;
      expect(deepActive()).to.equal($(el, '[part="choice"]'));
      el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="choice"]')[0]!.click();
      await el.updateComplete;
      expect(typedValues(el), 'nothing lost').to.deep.equal(TYPED);
      await send(el);
      await until('sent', () => server.requests.length === 1);
      expect(server.requests[0]!.personId).to.equal('p1');
    });

    it('says no one was chosen when closed before choosing', async () => {
      serve();
      const { events } = await openDialog({ people });
      await sendKeys({ press: 'Escape' });
      await until('hw-contact-close', () => events.some((event) => event.type === 'hw-contact-close'));
      const close = events.find((event) => event.type === 'hw-contact-close') as HwContactCloseEvent;
      expect(close.detail).to.deep.equal({ sent: false });
    });
  });
});
