import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { JobFeed } from '../../sdk/admin-schemas.js';
import { errorResponse } from '../../../tests/support/browser/test-data.js';
import {
  $,
  alerts,
  button,
  choose,
  focused,
  mockedApi,
  received,
  route,
  signedInClient,
  statuses,
  texts,
  type,
  until,
} from '../../../tests/support/browser/admin-test-data.js';
import type { HwAdminJobFeed } from './job-feed.js';
import './job-feed.js';

const worker = mockedApi();

function aFeed(overrides: Partial<JobFeed> = {}): JobFeed {
  return {
    url: 'https://boards-api.greenhouse.io/v1/boards/acme/jobs',
    kind: 'auto',
    detectedKind: 'greenhouse',
    intervalMinutes: 60,
    status: 'ok',
    message: null,
    jobCount: 12,
    lastAttemptAt: '2026-12-03T09:00:00.000Z',
    lastSuccessAt: '2026-12-03T09:00:00.000Z',
    nextFetchAt: '2026-12-03T10:00:00.000Z',
    ...overrides,
  };
}

async function panel(feed: JobFeed | null, lang = 'en') {
  worker.use(route('get', 'sites/acme/job-feed', () => ({ feed })));
  const el = await fixture<HwAdminJobFeed>(html`<hw-admin-job-feed lang=${lang} site="acme" .admin=${signedInClient()} .scopes=${['settings']}></hw-admin-job-feed>`);
  await until('the feed', () => el.shadowRoot!.querySelector('#feed-url'));
  return el;
}

const at = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** The status list, as "label: value" lines. */
const status = (el: HwAdminJobFeed) =>
  [...el.shadowRoot!.querySelectorAll('.feed-status > div')].map((row) => [...row.children].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()));

describe('hw-admin-job-feed', () => {
  it('sets a feed from the keyboard: address, format, interval, Enter', async () => {
    worker.use(
      route('put', 'sites/acme/job-feed', async (request) => ({
        feed: aFeed({ ...((await request.json()) as object), status: 'pending', detectedKind: null, jobCount: null, lastAttemptAt: null, lastSuccessAt: null }),
      })),
    );
    const el = await panel(null);
    expect(texts(el, '.muted')).to.deep.equal(['No job feed yet.']);
    expect(() => button(el, 'Fetch now')).to.throw();
    await expect(el).to.be.accessible();

    await choose(el, '#feed-kind', 'greenhouse');
    await choose(el, '#feed-interval', '180');
    await type(el, '#feed-url', 'https://boards-api.greenhouse.io/v1/boards/acme/jobs');
    await sendKeys({ press: 'Enter' });
    await until('saved', () => statuses(el).includes('The feed is saved. It will be fetched within a minute.'));
    expect(received.at(-1)).to.deep.include({ method: 'PUT', path: '/v1/admin/sites/acme/job-feed' });
    expect(received.at(-1)!.body).to.deep.equal({ url: 'https://boards-api.greenhouse.io/v1/boards/acme/jobs', kind: 'greenhouse', intervalMinutes: 180 });
    expect(status(el)[0]).to.deep.equal(['Status', 'Not fetched yet.']);
    expect(button(el, 'Fetch now')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('refuses an address that is not https, and says why next to the field', async () => {
    const el = await panel(null);
    await type(el, '#feed-url', 'http://careers.acme.test/jobs.json');
    button(el, 'Save the feed').click();
    await until('the error', () => el.shadowRoot!.querySelector('#feed-url-error'));
    expect(texts(el, '#feed-url-error')).to.deep.equal(['Enter a web address such as https://boards-api.greenhouse.io/v1/boards/acme/jobs (https only).']);
    expect($(el, '#feed-url').getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)).to.equal('feed-url');
    expect(received.filter((request) => request.method === 'PUT')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows how the last fetch went: the jobs kept, the last success, and the technical detail', async () => {
    const el = await panel(aFeed({ status: 'timeout', message: 'https://boards-api.greenhouse.io/v1/boards/acme/jobs did not answer within 15 s' }));
    expect(status(el)).to.deep.equal([
      ['Status', 'The feed did not answer in time. The previous jobs are kept. Read as: Greenhouse job board (JSON)'],
      ['Open jobs', '12'],
      ['Last fetch', at('2026-12-03T09:00:00.000Z')],
      ['Last success', at('2026-12-03T09:00:00.000Z')],
      ['Next fetch', at('2026-12-03T10:00:00.000Z')],
    ]);
    expect(texts(el, 'details summary')).to.deep.equal(['Technical detail']);
    await expect(el).to.be.accessible();
  });

  it('speaks French', async () => {
    const el = await panel(aFeed({ status: 'no_job_postings', message: 'none of the sitemap’s 3 page(s) has a schema.org JobPosting', kind: 'sitemap' }), 'fr');
    expect(texts(el, 'h2')).to.deep.equal(['Flux des offres']);
    expect(status(el)[0]).to.deep.equal(['État', 'Aucune page du sitemap n’a de JobPosting schema.org. Les offres précédentes sont conservées.']);
    expect($<HTMLSelectElement>(el, '#feed-interval').selectedOptions[0]!.textContent!.trim()).to.equal('toutes les heures');
    expect($(el, 'details p').getAttribute('lang'), 'the server’s detail is in English, and says so').to.equal('en');
    await expect(el).to.be.accessible();
  });

  it('says a feed on a private or local network is not read, in English and French', async () => {
    const feed = aFeed({ status: 'private_address', message: 'https://10.0.0.8/jobs.json is on a private or local network address' });
    for (const [lang, expected] of [
      ['en', 'The feed, or an address it leads to, is on a private or local network, which Hallway does not read. The previous jobs are kept.'],
      ['fr', 'Le flux, ou une adresse vers laquelle il mène, est sur un réseau privé ou local, que Hallway ne lit pas. Les offres précédentes sont conservées.'],
    ]) {
      const el = await panel(feed, lang);
      expect(status(el)[0]![1]).to.contain(expected);
      await expect(el).to.be.accessible();
    }
  });

  it('fetches now and announces the outcome, a failure included', async () => {
    let answer = aFeed({ jobCount: 14 });
    worker.use(route('post', 'sites/acme/job-feed/fetch', () => ({ feed: answer })));
    const el = await panel(aFeed());
    button(el, 'Fetch now').focus();
    await sendKeys({ press: 'Enter' });
    await until('fetched', () => statuses(el).includes('Fetched: 14 open jobs.'));
    expect(status(el)[1]).to.deep.equal(['Open jobs', '14']);

    answer = aFeed({ status: 'not_json', message: 'the feed is not JSON (Unexpected token <)' });
    button(el, 'Fetch now').click();
    await until('failed', () => statuses(el).includes('The fetch failed. The feed is not JSON: check its address and format. The previous jobs are kept.'));
    expect(el.shadowRoot!.querySelector('.failed')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('removes the feed and brings the focus back to its address', async () => {
    worker.use(route('delete', 'sites/acme/job-feed', () => ({ feed: null })));
    const el = await panel(aFeed());
    button(el, 'Remove the feed').click();
    await until('removed', () => statuses(el).length > 0);
    expect(statuses(el)).to.deep.equal(['The feed is removed, and its jobs with it. An uploaded job list, if any, is used again.']);
    expect(texts(el, '.muted')).to.deep.equal(['No job feed yet.']);
    expect($<HTMLInputElement>(el, '#feed-url').value).to.equal('');
    expect(focused(el)).to.equal('feed-url');
    await expect(el).to.be.accessible();
  });

  it('says why it cannot show the feed', async () => {
    worker.use(route('get', 'sites/acme/job-feed', () => errorResponse(403, 'forbidden')));
    const el = await fixture<HwAdminJobFeed>(html`<hw-admin-job-feed site="acme" .admin=${signedInClient()}></hw-admin-job-feed>`);
    await until('the error', () => alerts(el).length > 0);
    await expect(el).to.be.accessible();
  });
});
