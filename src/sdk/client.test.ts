import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { HttpError, NetworkError, SchemaError, TimeoutError, createClient, isHallwayError, isHttpError, isNetworkError, isSchemaError, isTimeoutError } from './index.js';

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
    HttpResponse.json({ error: { code: 'overloaded', message: 'The server is busy; try again shortly.' } }, { status: 503, headers: { 'Retry-After': '0' } });

  it('is a transient error: a list is retried after Retry-After and arrives', async () => {
    let calls = 0;
    worker.use(
      http.get('https://api.test/v1/sites/acme/people', () => (++calls === 1 ? overloaded() : HttpResponse.json({ items: [], match: 'all', nextCursor: null }))),
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

// The schemas are loaded with the first request that needs them: every answer is still checked.
describe('validation of every answer', () => {
  const person = {
    id: 'p1',
    displayName: 'Ada',
    jobTitle: 'Engineer',
    team: null,
    location: null,
    languages: ['en'],
    bio: null,
    photoUrl: 'https://img.test/ada.svg',
    channels: ['message'],
    availability: 'open',
    availableFrom: null,
    kind: 'employee',
  };
  const client = () => createClient({ baseUrl: 'https://api.test', site: 'acme', retry: 0 });
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => 'resolved',
      (error: unknown) => error,
    );

  it('refuses a list whose person has a script for a photo', async () => {
    worker.use(
      http.get('https://api.test/v1/sites/acme/people', () =>
        HttpResponse.json({ items: [{ ...person, photoUrl: 'javascript:alert(1)' }], match: 'job', nextCursor: null }),
      ),
    );
    const error = await failure(client().people.list({ job: 'Engineer' }));
    expect(isHallwayError(error) && [error.name, error.code]).to.deep.equal(['SchemaError', 'invalid_response']);
  });

  it('refuses a testimonial list that breaks the contract', async () => {
    worker.use(http.get('https://api.test/v1/sites/acme/testimonials', () => HttpResponse.json({ items: [{ quote: 'Hi' }], match: 'all' })));
    const error = await failure(client().testimonials.list());
    expect(isHallwayError(error) && error.code).to.equal('invalid_response');
  });

  it('refuses a challenge that breaks the contract', async () => {
    worker.use(http.get('https://api.test/v1/sites/acme/challenge', () => HttpResponse.json({ algorithm: 'MD5' })));
    const error = await failure(client().contact.challenge());
    expect(isHallwayError(error) && error.code).to.equal('invalid_response');
  });

  it('reads the code and field of an error answer', async () => {
    worker.use(
      http.get('https://api.test/v1/sites/acme/people', () =>
        HttpResponse.json({ error: { code: 'invalid_query', message: 'limit is too big', field: 'limit' } }, { status: 400 }),
      ),
    );
    const error = await failure(client().people.list({ limit: 99 }));
    expect(isHttpError(error) && [error.status, error.code, error.field]).to.deep.equal([400, 'invalid_query', 'limit']);
  });

  it('answers a valid person as the server sent it', async () => {
    worker.use(http.get('https://api.test/v1/sites/acme/people/p1', () => HttpResponse.json(person)));
    expect(await client().people.get('p1')).to.deep.equal(person);
  });
});

describe('error guards', () => {
  // What another copy of the SDK on the page (hallway.js loaded twice, or an app's own bundle) throws:
  // the same shape, from classes that are not this module's.
  class OtherCopyError extends Error {
    override readonly name = 'HttpError';
    readonly code = 'not_found';
    readonly status = 404;
  }

  it('know an HttpError thrown by another copy of the SDK', () => {
    const error = new OtherCopyError('gone');
    expect([isHallwayError(error), isHttpError(error), isNetworkError(error)]).to.deep.equal([true, true, false]);
  });

  it('know each of this copy’s errors by its kind', () => {
    const errors = [new HttpError(404, 'not_found', 'gone'), new NetworkError(), new TimeoutError(10), new SchemaError([])];
    const kinds = errors.map((error) => [isHttpError, isNetworkError, isTimeoutError, isSchemaError].findIndex((guard) => guard(error)));
    expect(kinds).to.deep.equal([0, 1, 2, 3]);
  });

  it('do not take the browser’s own TimeoutError, or ky’s, for a Hallway error', () => {
    const domTimeout = new DOMException('The operation timed out.', 'TimeoutError');
    const kyLike = Object.assign(new Error('Request timed out'), { name: 'TimeoutError' });
    expect([isHallwayError(domTimeout), isHallwayError(kyLike), isTimeoutError(domTimeout)]).to.deep.equal([false, false, false]);
  });
});
