import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ModeratedTestimonial } from '../../sdk/index.js';
import { errorResponse, gate } from '../../../tests/support/browser/test-data.js';
import { deepActiveElement } from '../shared/dialog.js';
import {
  $,
  alerts,
  aTestimonial,
  button,
  focused,
  openDialog,
  received,
  route,
  signedInClient,
  statuses,
  texts,
  until,
  mockedApi,
} from '../../../tests/support/browser/admin-test-data.js';
import type { HwAdminTestimonials } from './testimonials.js';
import './testimonials.js';

const worker = mockedApi();

const approved = aTestimonial({ id: 't2', author: 'Katherine Johnson', status: 'approved', updatedAt: '2026-11-25T10:00:00.000Z', toYear: null, currentRole: null });
const pending = aTestimonial();
const rejected = aTestimonial({ id: 't3', author: 'Dorothy Vaughan', status: 'rejected', rejectionReason: 'Names a client.', consent: false });

/** The queue as the server holds it; decisions change it. */
function serveQueue(items: ModeratedTestimonial[], wait?: Promise<void>) {
  let queue = items;
  const decide = (id: string, change: Partial<ModeratedTestimonial>) => {
    queue = queue.map((item) => (item.id === id ? { ...item, ...change, updatedAt: '2026-12-03T09:00:00.000Z' } : item));
    return { testimonial: queue.find((item) => item.id === id)! };
  };
  worker.use(
    route('get', 'sites/acme/testimonials', async () => (await wait, { items: queue })),
    route('post', 'sites/acme/testimonials/:id/approve', (_request, { id }) => decide(id!, { status: 'approved', rejectionReason: null })),
    route('post', 'sites/acme/testimonials/:id/reject', async (request, { id }) => {
      const { reason } = (await request.json()) as { reason: string };
      return decide(id!, { status: 'rejected', rejectionReason: reason });
    }),
  );
}

async function queuePage(lang = 'en') {
  const el = await fixture<HwAdminTestimonials>(
    html`<hw-admin-testimonials lang=${lang} site="acme" .admin=${signedInClient()} .scopes=${['moderation']}></hw-admin-testimonials>`,
  );
  await until('the queue or a message', () => el.shadowRoot!.querySelector('.queue, .message'));
  return el;
}

const authors = (el: HwAdminTestimonials) => texts(el, '.author');

describe('hw-admin-testimonials', () => {
  it('shows the waiting ones first, each as candidates will see it', async () => {
    const response = gate();
    serveQueue([approved, rejected, pending], response.opened);
    const el = await fixture<HwAdminTestimonials>(html`<hw-admin-testimonials site="acme" .admin=${signedInClient()}></hw-admin-testimonials>`);
    expect(statuses(el)).to.include('Loading…');
    await expect(el).to.be.accessible();
    response.open();
    await until('the queue', () => el.shadowRoot!.querySelector('.queue'));

    expect(authors(el)).to.deep.equal(['Grace Hopper', 'Dorothy Vaughan', 'Katherine Johnson']);
    expect(texts(el, '.state')).to.deep.equal(['Waiting for moderation', 'Rejected: Names a client.', 'Approved']);
    expect(texts(el, '[data-testimonial="t1"] figure')[0]).to.equal(
      'I learnt more here in two years than anywhere else. Grace Hopper — Software Engineer (2019–2023), now CTO at Compilers Inc. Alumni',
    );
    expect(texts(el, '[data-testimonial="t2"] figcaption')[0]).to.equal('Katherine Johnson — Software Engineer (since 2019) Alumni');
    expect(texts(el, '[data-testimonial="t3"] .hint')).to.deep.equal(['The author has not agreed to publish it: candidates will not see it, even approved.']);
    expect(texts(el, '[data-testimonial="t1"] button')).to.deep.equal(['Approve Grace Hopper', 'Reject Grace Hopper']);
    expect(texts(el, '[data-testimonial="t2"] button')).to.deep.equal(['Reject Katherine Johnson']);
    expect(texts(el, '[data-testimonial="t3"] button')).to.deep.equal(['Approve Dorothy Vaughan']);
    await expect(el).to.be.accessible();
  });

  it('speaks French', async () => {
    serveQueue([pending, rejected]);
    const el = await queuePage('fr');
    expect(texts(el, '.state')).to.deep.equal(['En attente de modération', 'Refusé\u202f: Names a client.']);
    expect(texts(el, '[data-testimonial="t1"] figcaption')[0]).to.equal('Grace Hopper — Software Engineer (2019–2023), aujourd’hui CTO at Compilers Inc. Ex-collègue');
    expect(texts(el, '[data-testimonial="t1"] button')).to.deep.equal(['Approuver Grace Hopper', 'Refuser Grace Hopper']);
    await expect(el).to.be.accessible();
  });

  it('approves one, and says so', async () => {
    serveQueue([pending]);
    const el = await queuePage();
    button(el, 'Approve Grace Hopper').click();
    await until('the announcement', () => statuses(el).includes('Grace Hopper’s testimonial is approved.'));
    expect(received.at(-1)).to.include({ method: 'POST', path: '/v1/admin/sites/acme/testimonials/t1/approve', csrf: 'csrf-token-of-the-session' });
    expect(texts(el, '.state')).to.deep.equal(['Approved']);
    await expect(el).to.be.accessible();
  });

  it('rejects one with a required reason, in a dialog that keeps and gives back the focus', async () => {
    serveQueue([pending]);
    const el = await queuePage();
    const reject = button(el, 'Reject Grace Hopper');
    reject.focus();
    await sendKeys({ press: 'Enter' });
    await until('the dialog', () => openDialog(el));
    expect(texts(el, 'dialog h2')).to.deep.equal(['Reject Grace Hopper’s testimonial']);
    expect(focused(el)).to.equal('reason');
    await expect(el).to.be.accessible();

    // Modal: Tab goes round the dialog's controls, never to the page behind it.
    for (const press of ['Tab', 'Tab', 'Tab', 'Tab']) {
      await sendKeys({ press });
      expect(openDialog(el)!.contains(deepActiveElement()), 'Tab stays in the dialog').to.be.true;
    }
    expect(focused(el)).to.equal('Cancel');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused(el), 'Shift+Tab goes round the other way').to.equal('Reject');

    await sendKeys({ press: 'Escape' });
    await until('the focus back on Reject', () => !openDialog(el) && focused(el) === 'Reject Grace Hopper');

    await sendKeys({ press: 'Enter' });
    await until('the dialog again', () => openDialog(el));
    button(el, 'Reject').click();
    await until('the error', () => texts(el, '#reason-error').length);
    expect(texts(el, '#reason-error')).to.deep.equal(['Write a reason, up to 500 characters.']);
    expect($(el, '#reason').getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)).to.equal('reason');
    expect(received.filter((request) => request.method === 'POST')).to.be.empty;
    await expect(el).to.be.accessible();

    await sendKeys({ type: 'It names a client.' });
    button(el, 'Reject').click();
    await until('the announcement', () => statuses(el).includes('Grace Hopper’s testimonial is rejected; the author is told why.'));
    expect(received.at(-1)!.body).to.deep.equal({ reason: 'It names a client.' });
    expect(texts(el, '.state')).to.deep.equal(['Rejected: It names a client.']);
    // Its Reject button is gone: the focus goes to the announcement.
    await until('the focus on the announcement', () => el.shadowRoot!.activeElement?.classList.contains('status'));
  });

  it('says when nothing waits, when loading failed, and when the role may not moderate', async () => {
    serveQueue([]);
    const empty = await queuePage();
    expect(texts(empty, '.empty')).to.deep.equal(['No testimonials to moderate.']);
    await expect(empty).to.be.accessible();

    worker.use(route('get', 'sites/acme/testimonials', () => errorResponse(500, 'internal')));
    const failed = await queuePage();
    expect(alerts(failed)).to.deep.equal(['Something went wrong. Try again.']);
    expect(button(failed, 'Try again')).to.exist;
    await expect(failed).to.be.accessible();

    worker.use(route('get', 'sites/acme/testimonials', () => errorResponse(403, 'forbidden')));
    const forbidden = await queuePage();
    expect(alerts(forbidden)).to.deep.equal(['Your role does not allow this.']);
    await expect(forbidden).to.be.accessible();
  });

  it('shows why a decision failed', async () => {
    serveQueue([pending]);
    worker.use(route('post', 'sites/acme/testimonials/:id/approve', () => errorResponse(404, 'not_found')));
    const el = await queuePage();
    button(el, 'Approve Grace Hopper').click();
    await until('the error', () => alerts(el).length);
    expect(alerts(el)).to.deep.equal(['This no longer exists: someone may have changed it. Reload the page.']);
    expect(texts(el, '.state')).to.deep.equal(['Waiting for moderation']);
  });
});
