import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { HttpResponse } from 'msw';
import type { AdminPerson } from '../../sdk/index.js';
import { errorResponse, gate } from '../../../tests/support/browser/test-data.js';
import {
  $,
  alerts,
  anAdminPerson,
  button,
  choose,
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
import type { HwAdminPeople } from './people.js';
import './people.js';

const worker = mockedApi();

const ada = anAdminPerson();
const alan = anAdminPerson({
  id: 'p2',
  email: 'alan@acme.test',
  fullName: 'Alan Turing',
  jobTitle: 'Researcher',
  team: null,
  location: null,
  showProfile: false,
  contact: true,
  invitedAt: '2026-11-23T12:00:00.000Z',
});

/** A people list that filters by `q` and `status` and pages by `size`, as the server does. */
function servePeople(people: AdminPerson[], { size = 100, wait }: { size?: number; wait?: Promise<void> } = {}) {
  worker.use(
    route('get', 'sites/acme/people', async (request) => {
      await wait;
      const query = new URL(request.url).searchParams;
      const q = query.get('q')?.toLowerCase();
      const matching = people.filter((person) => (!q || person.fullName.toLowerCase().includes(q)) && (!query.get('status') || person.status === query.get('status')));
      const start = Number(query.get('cursor') ?? 0);
      const next = start + size < matching.length ? String(start + size) : null;
      return { items: matching.slice(start, start + size), nextCursor: next };
    }),
  );
}

async function peoplePage(lang = 'en') {
  const el = await fixture<HwAdminPeople>(html`<hw-admin-people lang=${lang} site="acme" .admin=${signedInClient()} .scopes=${['people']}></hw-admin-people>`);
  await until('the list or a message', () => el.shadowRoot!.querySelector('table, .message'));
  return el;
}

const names = (el: HwAdminPeople) => texts(el, 'tbody .name');
const row = (el: HwAdminPeople, id: string) =>
  [...el.shadowRoot!.querySelectorAll(`[data-person="${id}"] td`)].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim());

describe('hw-admin-people', () => {
  it('says it is loading, then lists people with only what HR may see of their consent', async () => {
    const response = gate();
    servePeople([ada, alan], { wait: response.opened });
    const el = await fixture<HwAdminPeople>(html`<hw-admin-people site="acme" .admin=${signedInClient()} .scopes=${['people']}></hw-admin-people>`);
    expect(statuses(el)).to.include('Loading…');
    await expect(el).to.be.accessible();

    response.open();
    await until('the list', () => el.shadowRoot!.querySelector('table'));
    expect(texts(el, 'thead th')).to.deep.equal(['Name', 'Job title', 'Team', 'Location', 'Listed', 'Contactable', 'Invited', 'Actions']);
    expect(names(el)).to.deep.equal(['Ada Lovelace', 'Alan Turing']);
    expect(row(el, 'p1').slice(0, 6)).to.deep.equal(['Software Engineer', 'Platform', 'Paris', 'Yes', 'No', 'Not yet']);
    expect(row(el, 'p2').slice(0, 6)).to.deep.equal(['Researcher', '', '', 'No', 'Yes', 'Nov 23, 2026']);
    expect(statuses(el)).to.include('2 people shown.');
    expect(button(el, 'Invite Ada Lovelace')).to.exist;
    expect(button(el, 'Invite again Alan Turing')).to.exist;
    expect(received[0]!.query).to.deep.equal({ limit: '100' });
    await expect(el).to.be.accessible();
  });

  it('speaks French', async () => {
    servePeople([ada, alan]);
    const el = await peoplePage('fr');
    expect(texts(el, 'thead th')).to.deep.equal(['Nom', 'Poste', 'Équipe', 'Lieu', 'Visible', 'Joignable', 'Invité', 'Actions']);
    expect(row(el, 'p1').slice(3, 6)).to.deep.equal(['Oui', 'Non', 'Pas encore']);
    expect(row(el, 'p2')[5]).to.equal('23 nov. 2026');
    expect(button(el, 'Marquer comme parti Ada Lovelace')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('says when there is no one yet, and when no one matches', async () => {
    servePeople([]);
    const el = await peoplePage();
    expect(texts(el, '.empty')).to.deep.equal(['No one here yet. Import your employees with the CLI: hallway people import.']);
    await expect(el).to.be.accessible();

    await choose(el, '#status', 'alumni');
    await until('no match', () => texts(el, '.empty')[0]?.startsWith('No one matches'));
    await expect(el).to.be.accessible();
  });

  it('searches once the typing pauses, and filters by status', async () => {
    servePeople([ada, alan, anAdminPerson({ id: 'p3', fullName: 'Adele Goldberg', status: 'left' })]);
    const el = await peoplePage();
    $<HTMLInputElement>(el, '#search').focus();
    await sendKeys({ type: 'ad' });
    await until('the search', () => names(el).length === 2);
    expect(names(el)).to.deep.equal(['Ada Lovelace', 'Adele Goldberg']);
    expect(received.at(-1)!.query).to.deep.equal({ q: 'ad', limit: '100' });

    await sendKeys({ type: 'a ' });
    await until('the search for "ada"', () => received.at(-1)!.query.q === 'ada');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#search').value, 'the box keeps the space being typed').to.equal('ada ');
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await until('the search for "ad" again', () => received.at(-1)!.query.q === 'ad' && names(el).length === 2);
    expect(texts(el, '[data-person="p3"] .badge')).to.deep.equal(['Left']);
    expect(row(el, 'p3')[6], 'no action on someone who left').to.equal('');

    await choose(el, '#status', 'left');
    await until('the filter', () => names(el).length === 1);
    expect(received.at(-1)!.query).to.deep.equal({ q: 'ad', status: 'left', limit: '100' });
  });

  it('loads the next page with the cursor, and announces how many are shown', async () => {
    const many = Array.from({ length: 5 }, (_, i) => anAdminPerson({ id: `p${i + 1}`, fullName: `Person ${i + 1}` }));
    servePeople(many, { size: 3 });
    const el = await peoplePage();
    expect(names(el)).to.have.length(3);
    expect(statuses(el)).to.include('3 people shown, more to load.');

    button(el, 'Load more').click();
    await until('the next page', () => names(el).length === 5);
    expect(received.at(-1)!.query).to.deep.equal({ limit: '100', cursor: '3' });
    expect(el.shadowRoot!.textContent).not.to.contain('Load more');
    expect(statuses(el)).to.include('5 people shown.');
    await expect(el).to.be.accessible();
  });

  it('invites one person, and says so', async () => {
    servePeople([ada]);
    worker.use(route('post', 'sites/acme/invitations', () => ({ invited: 1 })));
    const el = await peoplePage();
    button(el, 'Invite Ada Lovelace').click();
    await until('the announcement', () => statuses(el).includes('Invitation sent to Ada Lovelace.'));
    const post = received.find((request) => request.method === 'POST')!;
    expect(post.body).to.deep.equal({ person: 'p1' });
    expect(post.csrf).to.equal('csrf-token-of-the-session');
    expect(button(el, 'Invite again Ada Lovelace')).to.exist;
    expect(row(el, 'p1')[5]).not.to.equal('Not yet');
    await expect(el).to.be.accessible();
  });

  it('invites the selected people in one request, from the keyboard, and says what became of each', async () => {
    const grace = anAdminPerson({ id: 'p3', email: 'grace@acme.test', fullName: 'Grace Hopper', invitedAt: null, showProfile: true });
    const gone = anAdminPerson({ id: 'p4', email: 'kurt@acme.test', fullName: 'Kurt Gödel', status: 'left' });
    servePeople([ada, alan, grace, gone]);
    worker.use(
      route('post', 'sites/acme/invitations/many', () => ({
        invited: 2,
        results: [
          { person: 'p1', outcome: 'invited' },
          { person: 'p2', outcome: 'invited' },
          { person: 'p3', outcome: 'already_listed' },
        ],
      })),
    );
    const el = await peoplePage();
    const selectAll = $<HTMLInputElement>(el, '#select-all');
    expect(el.shadowRoot!.querySelectorAll('tbody .select').length, 'employees only').to.equal(3);
    expect(el.shadowRoot!.querySelector('.invite-selected')).to.equal(null);

    $<HTMLInputElement>(el, '[aria-label="Select Ada Lovelace"]').focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(texts(el, '.selected')).to.deep.equal(['1 selected']);
    expect(selectAll.indeterminate).to.equal(true);
    await expect(el).to.be.accessible();

    selectAll.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(texts(el, '.selected')).to.deep.equal(['3 selected']);
    expect(selectAll.checked).to.equal(true);
    button(el, 'Invite the 3 selected').focus();
    await sendKeys({ press: 'Enter' });
    await until('the result', () => statuses(el).includes('2 invitations sent. 1 already listed.'));
    const post = received.find((request) => request.method === 'POST')!;
    expect(post.body).to.deep.equal({ people: ['p1', 'p2', 'p3'] });
    expect(row(el, 'p1')[5]).not.to.equal('Not yet');
    expect(texts(el, '.selected'), 'the selection is cleared').to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('invites everyone not yet invited after asking, in a dialog the keyboard can leave', async () => {
    servePeople([ada, alan]);
    worker.use(route('post', 'sites/acme/invitations', () => ({ invited: 12, skipped: 3 })));
    const el = await peoplePage();
    const inviteAll = button(el, 'Invite everyone not yet invited');
    inviteAll.focus();
    await sendKeys({ press: 'Enter' });
    await until('the dialog', () => openDialog(el));
    expect(texts(el, 'dialog h2')).to.deep.equal(['Invite everyone not yet invited']);
    expect(focused(el)).to.equal('Send the invitations');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await until('the focus back on the button', () => !openDialog(el) && focused(el) === 'Invite everyone not yet invited');
    expect(received.filter((request) => request.method === 'POST')).to.be.empty;

    await sendKeys({ press: 'Enter' });
    await until('the dialog again', () => openDialog(el));
    await sendKeys({ press: 'Enter' });
    await until('the result', () => statuses(el).includes('12 invitations sent; 3 already invited or no longer employees.'));
    expect(received.find((request) => request.method === 'POST')!.body).to.deep.equal({ all: true });
    await until('the focus back on the button', () => focused(el) === 'Invite everyone not yet invited');
  });

  it('marks someone as left, with the alumni invitation unless unticked', async () => {
    servePeople([ada, alan]);
    worker.use(
      route('post', 'sites/acme/people/:ref/status', async (request, { ref }) => {
        const { inviteAlumni } = (await request.clone().json()) as { inviteAlumni: boolean };
        const person = ref === 'p1' ? ada : alan;
        return { person: { ...person, status: 'left', showProfile: false, contact: false }, alumniInvited: inviteAlumni };
      }),
    );
    const el = await peoplePage();
    button(el, 'Mark as left Ada Lovelace').click();
    await until('the dialog', () => openDialog(el));
    expect(texts(el, 'dialog h2')).to.deep.equal(['Ada Lovelace left the company']);
    expect($<HTMLInputElement>(el, 'dialog [name="inviteAlumni"]').checked).to.be.true;
    await expect(el).to.be.accessible();
    button(el, 'Mark as left').click(); // the dialog's
    await until('the result', () => statuses(el).includes('Ada Lovelace is marked as left and invited to stay as alumni.'));
    expect(received.at(-1)).to.include({ method: 'POST', path: '/v1/admin/sites/acme/people/p1/status' });
    expect(received.at(-1)!.body).to.deep.equal({ status: 'left', inviteAlumni: true });
    expect(texts(el, '[data-person="p1"] .badge')).to.deep.equal(['Left']);
    expect(row(el, 'p1').slice(3, 5)).to.deep.equal(['No', 'No']);

    button(el, 'Mark as left Alan Turing').click();
    await until('the dialog', () => openDialog(el));
    $<HTMLInputElement>(el, 'dialog [name="inviteAlumni"]').click();
    button(el, 'Mark as left').click(); // the dialog's
    await until('the result', () => statuses(el).includes('Alan Turing is marked as left.'));
    expect(received.at(-1)!.body).to.deep.equal({ status: 'left', inviteAlumni: false });
  });

  it('shows why an action failed', async () => {
    servePeople([ada]);
    worker.use(route('post', 'sites/acme/invitations', () => errorResponse(429, 'rate_limited')));
    const el = await peoplePage();
    button(el, 'Invite Ada Lovelace').click();
    await until('the error', () => alerts(el).length);
    expect(alerts(el)).to.deep.equal(['Too many requests: wait a minute and try again.']);
    await expect(el).to.be.accessible();

    worker.use(route('post', 'sites/acme/invitations', () => errorResponse(409, 'invite_cooldown')));
    button(el, 'Invite Ada Lovelace').click();
    await until('the other error', () => alerts(el)[0]?.startsWith('This person'));
    expect(alerts(el)).to.deep.equal(['This person was invited less than 24 hours ago: wait a day before inviting them again.']);
    expect(row(el, 'p1')[5], 'still not invited').to.equal('Not yet');

    worker.use(route('post', 'sites/acme/invitations', () => errorResponse(401, 'unauthorized')));
    button(el, 'Invite Ada Lovelace').click();
    await until('the session’s end', () => alerts(el)[0]?.startsWith('Your session'));
    expect(alerts(el)).to.deep.equal(['Your session has ended: sign in again.']);
    expect(new URL($<HTMLAnchorElement>(el, 'a').href).pathname).to.equal('/admin/sign-in');
    await expect(el).to.be.accessible();
  });

  it('shows a failed load with a retry, and a forbidden one without', async () => {
    worker.use(route('get', 'sites/acme/people', () => errorResponse(500, 'internal')));
    const el = await peoplePage();
    expect(alerts(el)).to.deep.equal(['Something went wrong. Try again.']);
    await expect(el).to.be.accessible();
    servePeople([ada]);
    button(el, 'Try again').click();
    await until('the list', () => names(el).length === 1);

    worker.use(route('get', 'sites/acme/people', () => errorResponse(403, 'forbidden')));
    const forbidden = await peoplePage();
    expect(alerts(forbidden)).to.deep.equal(['Your role does not allow this.']);
    expect(forbidden.shadowRoot!.textContent).not.to.contain('Try again');
    await expect(forbidden).to.be.accessible();
  });

  it('says when the server cannot be reached', async () => {
    worker.use(route('get', 'sites/acme/people', () => HttpResponse.error()));
    const el = await peoplePage();
    expect(alerts(el)).to.deep.equal(['The server could not be reached. Check your connection and try again.']);
  });

  it('opens searched for the address’s q (the overview’s link to a team)', async () => {
    const testPage = location.href;
    history.replaceState(null, '', '?site=acme&q=Ada');
    try {
      servePeople([ada, alan]);
      const el = await peoplePage();
      expect(names(el)).to.deep.equal(['Ada Lovelace']);
      expect(received.find((request) => request.path === '/v1/admin/sites/acme/people')!.query.q).to.equal('Ada');
      expect($<HTMLInputElement>(el, '#search').value).to.equal('Ada');
      await expect(el).to.be.accessible();
    } finally {
      history.replaceState(null, '', testPage);
    }
  });
});
