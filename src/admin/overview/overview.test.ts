import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { SiteOverview } from '../../sdk/admin-schemas.js';
import { errorResponse, gate } from '../../../tests/support/browser/test-data.js';
import { $, alerts, button, focused, route, signedInClient, statuses, texts, until } from '../../../tests/support/browser/admin-test-data.js';
import type { HwAdminOverview } from './overview.js';
import './overview.js';

const worker = setupWorker();
before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

function anOverview(overrides: Partial<SiteOverview> = {}): SiteOverview {
  return {
    jobs: [
      { title: 'Head Chef', url: 'https://careers.acme.test/jobs/1', team: 'Kitchen', location: 'Paris', listed: 2, contactable: 1, match: 'job' },
      { title: 'Spa Manager', url: 'https://careers.acme.test/jobs/2', team: 'Spa', location: 'Nice', listed: 0, contactable: 0, match: 'all' },
      { title: 'Sommelier', url: null, team: 'Kitchen', location: 'Lyon', listed: 0, contactable: 0, match: 'team' },
    ],
    jobsSource: 'upload',
    jobsUpdatedAt: '2026-12-02T09:00:00.000Z',
    people: { total: 5, listed: 3, contactable: 2 },
    teams: [
      { name: 'Kitchen', people: 3, listed: 2 },
      { name: 'Front Office', people: 1, listed: 1 },
      { name: null, people: 1, listed: 0 },
    ],
    locations: [{ name: 'Paris', people: 3, listed: 3 }],
    invitations: { sent: 3, accepted: 1 },
    pendingTestimonials: 2,
    ...overrides,
  };
}

const noJobs = () => anOverview({ jobs: [], jobsSource: null, jobsUpdatedAt: null });

/** The overview as the server holds it; an upload replaces its jobs. */
function serve(overview: SiteOverview, wait?: Promise<void>) {
  let current = overview;
  const uploads: { type: string | null; body: string }[] = [];
  worker.use(
    route('get', 'sites/acme/overview', async () => (await wait, current)),
    http.put('/v1/admin/sites/acme/jobs', async ({ request }) => {
      const body = await request.text();
      uploads.push({ type: request.headers.get('Content-Type'), body });
      if (body.includes('javascript:')) return HttpResponse.json({ error: { code: 'invalid_body', message: 'job 1: url: must be a web address' } }, { status: 400 });
      if (body.includes('salary')) {
        const problem = { line: 1, field: 'salary', code: 'unknown_column', params: { expected: 'title, url, team, location' } };
        return HttpResponse.json({ error: { code: 'invalid_body', message: 'line 1: unknown column "salary"', field: 'salary', problem } }, { status: 400 });
      }
      current = anOverview();
      return HttpResponse.json({ jobs: 3, source: 'upload' });
    }),
  );
  return uploads;
}

async function overviewPage(lang = 'en', scopes = ['people', 'moderation']) {
  const el = await fixture<HwAdminOverview>(html`<hw-admin-overview lang=${lang} site="acme" .admin=${signedInClient()} .scopes=${scopes}></hw-admin-overview>`);
  await until('the overview', () => el.shadowRoot!.querySelector('.headline, .message'));
  return el;
}

/** Puts a file in the form's file input, as choosing one does. */
function choose(el: HwAdminOverview, name: string, type: string, content: string) {
  const input = $<HTMLInputElement>(el, '#file');
  const files = new DataTransfer();
  files.items.add(new File([content], name, { type }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const figures = (el: HwAdminOverview) =>
  [...el.shadowRoot!.querySelectorAll('.headline > div')].map(
    (div) => `${div.querySelector('dt')!.textContent}: ${div.querySelector('dd')!.textContent!.replace(/\s+/g, ' ').trim()}`,
  );

describe('hw-admin-overview', () => {
  it('shows the headline numbers and the jobs nobody can talk about, with links to the job and the team', async () => {
    const response = gate();
    serve(anOverview(), response.opened);
    const el = await fixture<HwAdminOverview>(html`<hw-admin-overview site="acme" .admin=${signedInClient()} .scopes=${['people', 'moderation']}></hw-admin-overview>`);
    expect(statuses(el)).to.include('Loading…');
    await expect(el).to.be.accessible();
    response.open();
    await until('the overview', () => el.shadowRoot!.querySelector('.headline'));

    expect(figures(el)).to.deep.equal([
      'Open jobs: 3',
      'Open jobs with nobody to talk to: 2',
      'People candidates see: 3 of 5',
      'Accept questions: 2',
      'Testimonials waiting: 2 Moderate them',
    ]);
    expect($<HTMLAnchorElement>(el, '.headline a').getAttribute('href')).to.equal('/admin/testimonials?site=acme');
    expect(texts(el, '.nobody .job')).to.deep.equal(['Spa Manager', 'Sommelier']);
    expect($<HTMLAnchorElement>(el, '.nobody a').href).to.equal('https://careers.acme.test/jobs/2');
    expect(texts(el, '.nobody .hint')).to.deep.equal(['Candidates see anyone listed instead.', 'Candidates see people of the same team instead.']);
    const teamLinks = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.nobody p:last-child a')];
    expect(teamLinks.map((a) => [a.textContent, a.getAttribute('href')])).to.deep.equal([
      ['People of Spa', '/admin/people?site=acme&q=Spa'],
      ['People of Kitchen', '/admin/people?site=acme&q=Kitchen'],
    ]);
    expect(texts(el, 'details summary')[0]).to.equal('All open jobs (3)');
    await expect(el).to.be.accessible();
  });

  it('draws people by team and location and invitations as charts, each with its numbers', async () => {
    serve(anOverview());
    const el = await overviewPage();
    const charts = [...el.shadowRoot!.querySelectorAll('svg[role="img"]')];
    expect(charts.map((chart) => chart.getAttribute('aria-label'))).to.deep.equal([
      'People by team: Kitchen 3 (2 listed), Front Office 1 (1 listed), No team 1 (0 listed)',
      'People by location: Paris 3 (3 listed)',
      'Invitations: 3 sent, 1 accepted',
    ]);
    // Each bar's part is drawn in proportion to the largest whole.
    const widths = [...charts[0]!.querySelectorAll('rect')].map((rect) => Number(rect.getAttribute('width')));
    expect(widths[0]).to.be.greaterThan(widths[1]!);
    expect(widths[2]).to.be.closeTo(widths[0]! / 3, 0.01);
    expect(texts(el, '#teams-title ~ details td')).to.deep.equal(['Kitchen', '3', '2', 'Front Office', '1', '1', 'No team', '1', '0']);
    await expect(el).to.be.accessible();
  });

  it('says when every job has someone, and leaves out what the role may not use', async () => {
    serve(anOverview({ jobs: [anOverview().jobs[0]!] }));
    const el = await overviewPage('en', ['analytics']);
    expect(texts(el, '.covered')).to.deep.equal(['Every open job has someone candidates can meet.']);
    expect(el.shadowRoot!.querySelector('.headline a'), 'no moderation link').to.be.null;
    expect(el.shadowRoot!.querySelector('form'), 'no upload without the people scope').to.be.null;
    await expect(el).to.be.accessible();
  });

  it('without a job list, explains it and offers the upload right there; the list then shows', async () => {
    const uploads = serve(noJobs());
    const el = await overviewPage();
    expect(texts(el, '.no-jobs h2')).to.deep.equal(['No job list yet']);
    expect(figures(el)[0]).to.equal('People candidates see: 3 of 5');
    await expect(el).to.be.accessible();

    choose(el, 'jobs.csv', 'text/csv', 'title,url\nHead Chef,https://careers.acme.test/jobs/1');
    button(el, 'Upload the list').click();
    await until('the new list', () => el.shadowRoot!.querySelector('.nobody'));
    expect(uploads).to.deep.equal([{ type: 'text/csv', body: 'title,url\nHead Chef,https://careers.acme.test/jobs/1' }]);
    expect(statuses(el)).to.include('The job list is updated: 3 open jobs.');
    expect(texts(el, '#upload-title')).to.deep.equal(['Update the job list']);
    await expect(el).to.be.accessible();
  });

  it('sends a JSON file as JSON, and shows a refusal with the line at fault', async () => {
    const uploads = serve(noJobs());
    const el = await overviewPage();
    choose(el, 'jobs.json', '', '[{"title":"Cook","url":"javascript:alert(1)"}]');
    button(el, 'Upload the list').click();
    await until('the refusal', () => alerts(el).length > 0);
    expect(uploads[0]!.type).to.equal('application/json');
    expect(alerts(el)).to.deep.equal(['The job list was refused; nothing changed. job 1: url: must be a web address']);
    expect(texts(el, '.no-jobs h2')).to.deep.equal(['No job list yet']);
    await expect(el).to.be.accessible();
  });

  it('says why a list was refused in French, from the problem’s code', async () => {
    serve(noJobs());
    const el = await overviewPage('fr');
    choose(el, 'jobs.csv', 'text/csv', 'title,salary\nCook,100');
    button(el, 'Téléverser la liste').click();
    await until('the refusal', () => alerts(el).length > 0);
    expect(alerts(el)).to.deep.equal([
      'La liste des postes a été refusée\u202f; rien n’a changé. Ligne 1\u202f: salary: Colonne inconnue. Les colonnes sont\u202f: title, url, team, location.',
    ]);
    await expect(el).to.be.accessible();
  });

  it('asks for a file before sending anything, by keyboard too', async () => {
    const uploads = serve(noJobs());
    const el = await overviewPage();
    $(el, 'form button[type="submit"]').focus();
    await sendKeys({ press: 'Enter' });
    await until('the field error', () => el.shadowRoot!.querySelector('#file-error'));
    expect(texts(el, '#file-error')).to.deep.equal(['Choose a CSV or JSON file.']);
    expect($(el, '#file').getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)).to.equal('file');
    expect(uploads).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('says when the jobs come from the site’s job feed', async () => {
    serve(anOverview({ jobsSource: 'feed' }));
    const el = await overviewPage();
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date('2026-12-02T09:00:00.000Z'));
    expect(texts(el, '[aria-labelledby="upload-title"] > .hint')).to.deep.equal([
      `From the site’s job feed (Site settings), last changed on ${date}. An uploaded list is used only when the site has no feed.`,
    ]);
    await expect(el).to.be.accessible();
  });

  it('speaks French', async () => {
    serve(anOverview());
    const el = await overviewPage('fr');
    expect(figures(el)).to.deep.equal([
      'Postes ouverts: 3',
      'Postes ouverts sans personne à qui parler: 2',
      'Personnes visibles des candidats: 3 sur 5',
      'Acceptent les questions: 2',
      'Témoignages en attente: 2 Les modérer',
    ]);
    expect(texts(el, '.nobody .hint')[1]).to.equal('Les candidats voient à la place des personnes de la même équipe.');
    expect(el.shadowRoot!.querySelector('svg')!.getAttribute('aria-label')).to.equal(
      'Personnes par équipe: Kitchen 3 (2 visibles), Front Office 1 (1 visibles), Sans équipe 1 (0 visibles)',
    );
    expect(texts(el, '#upload-title')).to.deep.equal(['Mettre à jour la liste des postes']);
    await expect(el).to.be.accessible();
  });

  it('shows a failed load with a retry', async () => {
    worker.use(route('get', 'sites/acme/overview', () => errorResponse(503, 'unavailable')));
    const el = await overviewPage();
    expect(alerts(el).length).to.equal(1);
    serve(anOverview());
    button(el, 'Try again').click();
    await until('the overview', () => el.shadowRoot!.querySelector('.headline'));
    await expect(el).to.be.accessible();
  });
});
