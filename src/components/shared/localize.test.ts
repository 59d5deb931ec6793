import { expect, fixtureSync, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { Translation } from '../locales/en.js';
import { LocalizeController, loadLocale, registerTerms } from './localize.js';

/** A lazy chunk's own terms, as the contact dialog and the /me editor register theirs. */
interface ChunkTerms {
  testGreeting: (name: string) => string;
}
registerTerms<ChunkTerms>({ en: { testGreeting: (name) => `Hello ${name}` }, fr: { testGreeting: (name) => `Bonjour ${name}` } });

/** Says a chunk's term and a shared one, in its language. */
class TestGreeter extends LitElement {
  readonly localize = new LocalizeController<Translation & ChunkTerms>(this);

  protected override render() {
    return `${this.localize.term('testGreeting', 'Ada')} · ${this.localize.term('tryAgain')}`;
  }
}
customElements.define('test-greeter', TestGreeter);

describe('registerTerms', () => {
  it('lets an element read a chunk’s terms like the shared ones, in its language', async () => {
    await loadLocale('fr');
    const box = fixtureSync<HTMLElement>(html`<div><test-greeter lang="en"></test-greeter><div lang="fr-CA"><test-greeter></test-greeter></div></div>`);
    const [english, french] = [...box.querySelectorAll<TestGreeter>('test-greeter')];
    await Promise.all([english!.updateComplete, french!.updateComplete]);

    expect([english!.shadowRoot!.textContent, french!.shadowRoot!.textContent]).to.deep.equal(['Hello Ada · Try again', 'Bonjour Ada · Réessayer']);
  });
});
