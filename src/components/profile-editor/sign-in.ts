import { html } from 'lit';
import type { LocalizeController } from '../shared/localize.js';
import type { EditorTranslation } from './translations.js';
import type { Fields } from './fields.js';

export interface SignInView {
  /** `signed-out`: the employee signed out here; `expired`: no session, or it ran out. */
  reason: 'signed-out' | 'expired';
  localize: LocalizeController<EditorTranslation>;
  fields: Fields;
  onSubmit: (event: SubmitEvent) => void;
  /** The site turned e-mail sign-in off: the page's company button is the only way in. */
  companyOnly: boolean;
}

/** The way back in: a form that e-mails a sign-in link, or only the company sign-in next to the editor. */
export function renderSignIn({ reason, localize, fields, onSubmit, companyOnly }: SignInView) {
  return html`
    <section part="sign-in" class="sign-in" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading" tabindex="-1" data-ended>${localize.term('meSignInHeading')}</h2>
      <p>${localize.term(reason === 'signed-out' ? 'meSignedOut' : 'meSessionExpired')}</p>
      ${
        companyOnly
          ? html`<p>${localize.term('meSignInCompanyOnly')}</p>`
          : html`<p>${localize.term('meSignInIntro')}</p>
              <form novalidate @submit=${onSubmit}>
                ${fields.text('email', { label: localize.term('meEmail'), type: 'email', autocomplete: 'email', required: true })}
                <button part="button" type="submit">${localize.term('meSendLink')}</button>
                ${fields.messages('sign-in')}
              </form>`
      }
    </section>
  `;
}

/** Too many links were asked for from this network (an office's staff share one); `retryAfter` in seconds. */
export class SignInLimited extends Error {
  constructor(readonly retryAfter: number) {
    super(`Too many sign-in links asked for: try again in ${retryAfter} s`);
  }
}

/**
 * Asks the server to e-mail a sign-in link. Not through the SDK: it is the one call made without a
 * session. The server answers 202 whether or not it knows the address, so nothing is learnt from it.
 */
export async function requestSignInLink(baseUrl: string, email: string): Promise<void> {
  const response = await fetch(`${baseUrl}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email }),
    credentials: 'same-origin',
    signal: AbortSignal.timeout(10_000),
  });
  if (response.status === 429) throw new SignInLimited(Number(response.headers.get('Retry-After')) || 600);
  if (!response.ok) throw new Error(`Sign-in link request failed: HTTP ${response.status}`);
}
