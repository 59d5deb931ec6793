import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createClient, isHttpError } from './index.js';

const worker = setupWorker();
before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

describe('smoke', () => {
  it('lists', async () => {
    worker.use(http.get('https://api.test/v1/sites/acme/people', () => HttpResponse.json({ items: [], match: 'all', nextCursor: null })));
    const client = createClient({ baseUrl: 'https://api.test', site: 'acme' });
    const list = await client.people.list();
    expect(list.match).to.equal('all');
  });
});

describe('a server shedding load', () => {
  const overloaded = () =>
    HttpResponse.json(
      { error: { code: 'overloaded', message: 'The server is busy; try again shortly.' } },
      { status: 503, headers: { 'Retry-After': '0' } },
    );

  it('is a transient error: a list is retried after Retry-After and arrives', async () => {
    let calls = 0;
    worker.use(
      http.get('https://api.test/v1/sites/acme/people', () =>
        ++calls === 1 ? overloaded() : HttpResponse.json({ items: [], match: 'all', nextCursor: null }),
      ),
    );
    const list = await createClient({ baseUrl: 'https://api.test', site: 'acme' }).people.list();
    expect(list.match).to.equal('all');
    expect(calls).to.equal(2);
  });

  it('says `overloaded` when it still sheds after the retries', async () => {
    worker.use(http.get('https://api.test/v1/sites/acme/people', overloaded));
    const error = await createClient({ baseUrl: 'https://api.test', site: 'acme', retry: 0 })
      .people.list()
      .catch((e: unknown) => e);
    expect(isHttpError(error) && [error.status, error.code]).to.deep.equal([503, 'overloaded']);
  });
});
