import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { IMPORT_MAX_BYTES, type ImportPreview } from '../../sdk/admin-schemas.js';
import { gate } from '../../../tests/support/browser/test-data.js';
import { $, alerts, button, focused, route, signedInClient, statuses, texts, until } from '../../../tests/support/browser/admin-test-data.js';
import type { HwAdminPeopleImport } from './people-import.js';
import './people-import.js';

const worker = setupWorker();
before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

/** The uploads the mock API received: preview or import, with the file's type and text. */
const uploads: { preview: boolean; type: string | null; text: string }[] = [];
beforeEach(() => (uploads.length = 0));

function serveImport({ preview, answer, wait }: { preview: ImportPreview; answer?: Response; wait?: Promise<void> }) {
  worker.use(
    http.post('/v1/admin/sites/acme/people/import', async ({ request }) => {
      const isPreview = new URL(request.url).searchParams.get('preview') === '1';
      uploads.push({ preview: isPreview, type: request.headers.get('Content-Type'), text: await request.text() });
      await wait;
      if (isPreview) return HttpResponse.json(preview);
      return answer ?? HttpResponse.json({ created: preview.created, updated: preview.updated, unchanged: preview.unchanged, total: preview.total, emailChanged: 0 });
    }),
  );
}

const ana = { line: 2, email: 'ana@acme.test', fullName: 'Ana Diaz', jobTitle: 'Cook' };
const ben = { line: 3, email: 'ben@acme.test', fullName: 'Ben Ott', jobTitle: 'Head Waiter' };
const cy = { id: 'p9', email: 'cy@acme.test', fullName: 'Cy Park', jobTitle: 'Chef' };

function aPreview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    total: 2,
    created: 1,
    updated: 1,
    unchanged: 0,
    missing: 1,
    rows: {
      created: [ana],
      updated: [
        {
          ...ben,
          id: 'p2',
          changes: [
            { field: 'job_title', from: 'Waiter', to: 'Head Waiter' },
            { field: 'team', from: '', to: 'Floor' },
            { field: 'status', from: 'left', to: 'employee' },
          ],
        },
      ],
      unchanged: [],
      missing: [cy],
    },
    problems: [],
    problemCount: 0,
    ...overrides,
  };
}

const CSV = 'email,full_name,job_title\nana@acme.test,Ana Diaz,Cook\nben@acme.test,Ben Ott,Head Waiter\n';

async function importPage(lang = 'en') {
  const el = await fixture<HwAdminPeopleImport>(
    html`<hw-admin-people-import lang=${lang} site="acme" .admin=${signedInClient()} .scopes=${['people']}></hw-admin-people-import>`,
  );
  await until('the file field', () => el.shadowRoot!.querySelector('#file'));
  return el;
}

/** Chooses a file in the file field, as the file picker does. */
function pickFile(el: HwAdminPeopleImport, file: File) {
  const input = $<HTMLInputElement>(el, '#file');
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const tabs = (el: HwAdminPeopleImport) => texts(el, '[role="tab"]');
const selectedTab = (el: HwAdminPeopleImport) => texts(el, '[role="tab"][aria-selected="true"]')[0];
const panel = (el: HwAdminPeopleImport) => texts(el, '[role="tabpanel"] tbody tr');

async function previewed(el: HwAdminPeopleImport, file = new File([CSV], 'people.csv', { type: 'text/csv' })) {
  pickFile(el, file);
  await until('the preview', () => el.shadowRoot!.querySelector('[role="tablist"]'));
}

describe('hw-admin-people-import', () => {
  it('asks for a CSV or JSON file, in English and in French', async () => {
    const el = await importPage();
    expect(texts(el, 'label')).to.deep.equal(['People file']);
    expect(texts(el, '#file-hint')[0]).to.contain('At most 10 MB.');
    await expect(el).to.be.accessible();

    const fr = await importPage('fr');
    expect(texts(fr, 'label')).to.deep.equal(['Fichier des personnes']);
    expect(texts(fr, '.drop-hint')).to.deep.equal(['Ou déposez le fichier ici']);
    await expect(fr).to.be.accessible();
  });

  it('sends the file for a preview with a progress bar, then shows what would change, writing nothing', async () => {
    const response = gate();
    serveImport({ preview: aPreview(), wait: response.opened });
    const el = await importPage();
    pickFile(el, new File([CSV], 'people.csv', { type: 'text/csv' }));
    await until('the progress bar', () => el.shadowRoot!.querySelector('progress'));
    expect(texts(el, '.upload label')).to.deep.equal(['Sending people.csv…']);
    await expect(el).to.be.accessible();

    response.open();
    await until('the preview', () => el.shadowRoot!.querySelector('[role="tablist"]'));
    expect(uploads).to.deep.equal([{ preview: true, type: 'text/csv', text: CSV }]);
    expect(texts(el, 'h2')).to.deep.equal(['What importing people.csv would do']);
    expect(focused(el), 'the heading takes the focus: it is read out').to.equal('What importing people.csv would do');
    expect(tabs(el)).to.deep.equal(['New (1)', 'Updated (1)', 'Unchanged (0)', 'May have left (1)', 'Problems (0)']);
    expect(panel(el)).to.deep.equal(['2 Ana Diaz ana@acme.test Cook']);
    expect(el.shadowRoot!.querySelector('progress')).to.equal(null);
    await expect(el).to.be.accessible();

    button(el, 'Updated (1)').click();
    await el.updateComplete;
    expect(panel(el)).to.deep.equal(['3 Ben Ott Job title: Waiter → Head Waiter Team: (empty) → Floor Status: Left → Employee']);
    await expect(el).to.be.accessible();
  });

  it('moves between the tabs with the arrow keys, Home and End', async () => {
    serveImport({ preview: aPreview() });
    const el = await importPage();
    await previewed(el);
    $(el, '[role="tab"][aria-selected="true"]').focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(selectedTab(el)).to.equal('Updated (1)');
    expect(focused(el)).to.equal('tab-updated');
    await sendKeys({ press: 'End' });
    expect(selectedTab(el)).to.equal('Problems (0)');
    expect(texts(el, '[role="tabpanel"]')).to.deep.equal(['No one.']);
    await sendKeys({ press: 'ArrowRight' });
    expect(selectedTab(el)).to.equal('New (1)');
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(selectedTab(el)).to.equal('May have left (1)');
    expect(panel(el)).to.deep.equal(['Cy Park cy@acme.test Chef']);
    await sendKeys({ press: 'Home' });
    expect(focused(el)).to.equal('tab-created');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('panel');
    await expect(el).to.be.accessible();
  });

  it('lists the problems by line and field, in the page’s language from their codes, and offers no "Apply" while there are any', async () => {
    const problems = [
      { line: 3, field: 'email', code: 'invalid_email', reason: 'not an e-mail address' },
      { line: 5, field: 'languages', code: 'invalid_languages', params: { values: 'english!' }, reason: 'not a language code: english! (e.g. fr;en)' },
      { line: 7, field: 'job_title', reason: 'required' },
    ];
    serveImport({ preview: aPreview({ problems, problemCount: 3 }) });
    const el = await importPage('fr');
    await previewed(el);
    expect(selectedTab(el)).to.equal('Nouvelles (1)');
    button(el, 'Problèmes (3)').click();
    await el.updateComplete;
    expect(panel(el)).to.deep.equal([
      'Ligne 3 E-mail Pas une adresse e-mail.',
      'Ligne 5 Langues Pas un code de langue\u202f: english! (par exemple fr;en).',
      'Ligne 7 Poste required',
    ]);
    expect(el.shadowRoot!.querySelectorAll('td[lang="en"]'), 'only the reason without a code (an older server) is the server’s English').to.have.length(1);
    expect(texts(el, '.error')[0]).to.contain('3 problèmes empêchent l’import');
    expect(() => button(el, 'Appliquer l’import')).to.throw();
    expect(button(el, 'Choisir un autre fichier')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('cancel goes back to the file field and sends nothing more', async () => {
    serveImport({ preview: aPreview() });
    const el = await importPage();
    await previewed(el);
    button(el, 'Cancel').click();
    await until('the file field', () => el.shadowRoot!.querySelector('#file'));
    expect(statuses(el)).to.include('Import cancelled: nothing was changed.');
    expect(focused(el)).to.equal('file');
    expect(uploads.map((upload) => upload.preview)).to.deep.equal([true]);
    await expect(el).to.be.accessible();
  });

  it('applies the import, reports it, and offers to mark those the file left out as gone', async () => {
    serveImport({ preview: aPreview() });
    const statusChanges: unknown[] = [];
    worker.use(
      route('post', 'sites/acme/people/:ref/status', async (request, params) => {
        statusChanges.push([params.ref, await request.json()]);
        return {
          person: {
            ...cy,
            externalId: null,
            displayName: 'Cy P.',
            team: null,
            location: null,
            languages: [],
            status: 'left',
            invitedAt: null,
            showProfile: false,
            contact: false,
          },
          alumniInvited: false,
        };
      }),
    );
    const el = await importPage();
    await previewed(el, new File(['[]'], 'people.json', { type: 'application/json' }));
    button(el, 'Apply the import').click();
    await until('the report', () => el.shadowRoot!.querySelector('.done'));
    expect(uploads.map((upload) => [upload.preview, upload.type])).to.deep.equal([
      [true, 'application/json'],
      [false, 'application/json'],
    ]);
    expect(focused(el), 'the report takes the focus: it is read out').to.equal('Imported: 1 new, 1 updated, 0 unchanged.');
    expect(texts(el, 'tbody tr')).to.deep.equal(['Cy Park cy@acme.test Chef Mark as left Cy Park']);
    await expect(el).to.be.accessible();

    button(el, 'Mark as left Cy Park').click();
    await until('the status change', () => statuses(el).includes('Cy Park is marked as having left.'));
    expect(statusChanges).to.deep.equal([['p9', { status: 'left' }]]);
    expect(texts(el, 'tbody td').at(-1)).to.equal('Left');
    await expect(el).to.be.accessible();
  });

  it('shows the problems when the server refuses the import itself', async () => {
    const refusal = HttpResponse.json(
      {
        error: {
          code: 'invalid_import',
          message: '1 problem',
          problems: [{ line: 2, field: 'email', code: 'email_of_another_person', reason: 'already the e-mail of another person than this external id' }],
          problemCount: 1,
        },
      },
      { status: 422 },
    );
    serveImport({ preview: aPreview(), answer: refusal });
    const el = await importPage();
    await previewed(el);
    button(el, 'Apply the import').click();
    await until('the refusal', () => statuses(el).includes('The server refused the file: nothing was imported.'));
    expect(texts(el, 'section tbody tr')).to.deep.equal(['Line 2 E-mail Already the e-mail address of another person than this external id.']);
    await expect(el).to.be.accessible();
  });

  it('refuses a file over 10 MB without sending it', async () => {
    const el = await importPage();
    pickFile(el, new File([new Uint8Array(IMPORT_MAX_BYTES + 1)], 'huge.csv', { type: 'text/csv' }));
    await el.updateComplete;
    expect(alerts(el)).to.deep.equal(['This file is larger than 10 MB: split it into smaller files.']);
    expect(uploads).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});
