import { expect, fixtureSync, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { Loader } from './loader.js';

/** Shows what its loader loaded; its `onComplete` throws, as a buggy callback would. */
class ThrowingCallback extends LitElement {
  readonly loader = new Loader(this, {
    task: async () => 'Ada Lovelace',
    args: () => [] as const,
    onComplete: () => {
      throw new Error('callback bug');
    },
  });

  protected override render() {
    return this.loader.render({ pending: () => 'Loading…', complete: (name) => name, error: () => 'We couldn’t load it.' });
  }
}
customElements.define('test-throwing-callback', ThrowingCallback);

describe('Loader', () => {
  const consoleError = console.error;
  let logged: unknown[][] = [];
  beforeEach(() => ((logged = []), (console.error = (...args: unknown[]) => void logged.push(args))));
  afterEach(() => (console.error = consoleError));

  it('still shows a successful load when onComplete throws, and says so on the console', async () => {
    const el = fixtureSync<ThrowingCallback>(html`<test-throwing-callback></test-throwing-callback>`);
    await el.loader.run();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('Ada Lovelace');
    expect(logged.map(([, error]) => (error as Error).message)).to.deep.equal(['callback bug']);
  });
});
