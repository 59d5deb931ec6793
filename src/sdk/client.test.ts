import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createClient } from './index.js';

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
