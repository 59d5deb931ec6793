/** Minimal server-side HTML: every interpolated value is escaped unless it is already `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

type Value = string | number | Html | Html[] | null | undefined | false;

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new Html(out);
}

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export type Lang = 'en' | 'fr';

/** The language a visitor's browser prefers among those Hallway speaks. */
export function preferredLang(acceptLanguage: string | undefined, fallback: Lang = 'en'): Lang {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { lang: tag!.slice(0, 2).toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.lang === 'en' || entry.lang === 'fr')
    .sort((a, b) => b.q - a.q);
  return (ranked[0]?.lang as Lang | undefined) ?? fallback;
}

/** Pages allow only this server's own scripts and styles, and never send a referrer (tokens are in URLs). */
export const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Frame-Options': 'DENY',
};

/** The shell of the /me page: the profile editor's. */
export const page = (lang: Lang, title: string, body: Html, scripts: string[] = []) =>
  shell(
    lang,
    title,
    html`<main>
${body}
</main>`,
    scripts,
    STYLESHEET,
  );

/** A page that is one element bringing its own landmarks (header, nav, main): the HR workspace. */
export const appPage = (lang: Lang, title: string, body: Html, scripts: string[] = []) => shell(lang, title, body, scripts, STYLESHEET);

/** The shell of every page the server renders itself (/me, magic links, contact confirmations). */
function shell(lang: Lang, title: string, body: Html, scripts: string[], stylesheet: string, bodyClass?: string) {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${stylesheet}">
${scripts.map((src) => html`<script type="module" src="${src}"></script>`)}
</head>
<body${bodyClass ? html` class="${bodyClass}"` : ''}>
${body}
</body>
</html>`.value;
}

/** Whose page it is: the site's name in the header, its accent colour, and the way back to its careers site. */
export interface Brand {
  name: string;
  /** The careers site (the site's setting, else an allowed origin or the page a question came from); linked only when http(s). */
  careersUrl?: string | null | undefined;
  /** `#rrggbb`; Hallway's blue without it. */
  accentColor?: string | null | undefined;
}

export const STYLESHEET = '/me/style.css';
/** What `/me/style.css?accent=` takes: a stored accent without its `#`. */
export const ACCENT_QUERY = /^[0-9a-f]{6}$/;

/** The pages' stylesheet, with the site's accent when it has one (the CSP allows no inline style). */
const stylesheetOf = (brand: Brand | undefined) => {
  const accent = brand?.accentColor?.slice(1);
  return accent && ACCENT_QUERY.test(accent) ? `${STYLESHEET}?accent=${accent}` : STYLESHEET;
};

/**
 * The site's own settings, falling back to what a page knew before sites had them: `fallbackUrl` is
 * the page a question came from, or the site's first allowed origin.
 */
export const siteBrand = (site: { site_name: string; accent_color: string | null; careers_url: string | null }, fallbackUrl: string | null | undefined): Brand => ({
  name: site.site_name,
  accentColor: site.accent_color,
  careersUrl: site.careers_url ?? fallbackUrl,
});

/** A page's one primary action: a link, or a form that posts the link's values back to `action`, with at most one field to fill. */
export type NextStep = { label: string; href: string } | { label: string; action: string; fields: Record<string, string>; input?: FormInput | ChoiceInput };

/** A choice among a few answers, as radio buttons (a report's reason): the first is checked. */
export interface ChoiceInput {
  name: string;
  type: 'radio';
  legend: string;
  choices: { value: string; label: string }[];
}

/** The one field a landing page's form asks for (the workspace's sign-in asks for an e-mail address). */
export interface FormInput {
  name: string;
  type: 'email';
  label: string;
  autocomplete: string;
  value?: string | undefined;
}

export interface Landing {
  /** Unknown when a link is not valid: the page then speaks for Hallway, with no way back to a site. */
  brand?: Brand | undefined;
  title: string;
  message: string;
  /** A line above the message that must not be missed (whose consents a withdraw link is for). */
  lead?: string | undefined;
  /** `done` and `problem` show a mark above the title; a question (a form) shows none. */
  tone?: 'done' | 'problem' | undefined;
  next?: NextStep | undefined;
  /** Another way on, below the primary action (company sign-in beside the e-mail link). */
  also?: { label: string; href: string }[] | undefined;
}

export const LANDING_TEXTS = {
  en: { backTo: (site: string) => `Back to the ${site} careers site` },
  fr: { backTo: (site: string) => `Retour au site carrières ${site}` },
} satisfies Record<Lang, Record<string, unknown>>;

/** Drawn by the stylesheet: pages carry no SVG (no active markup at all). */
const MARKS = {
  done: html`<span class="mark" aria-hidden="true"></span>`,
  problem: html`<span class="mark problem" aria-hidden="true"></span>`,
};

/** A careers URL only when it is a web address: it comes from the database, and goes into an href. */
export const careersLink = (brand: Brand | undefined) => (brand?.careersUrl && /^https?:\/\//i.test(brand.careersUrl) ? brand.careersUrl : undefined);

/** "Back to the careers site" as a page's primary action, when the site has one. */
export function backToCareers(lang: Lang, brand: Brand | undefined): NextStep | undefined {
  const href = careersLink(brand);
  return href ? { label: LANDING_TEXTS[lang].backTo(brand!.name), href } : undefined;
}

function nextStep(step: NextStep) {
  if ('href' in step) return html`<p class="next"><a class="button" href="${step.href}">${step.label}</a></p>`;
  return html`<form method="post" action="${step.action}">${hiddenFields(step.fields)}${step.input ? (step.input.type === 'radio' ? choiceInput(step.input) : formInput(step.input)) : ''}<button type="submit">${step.label}</button></form>`;
}

function formInput({ name, type, label, autocomplete, value }: FormInput) {
  const id = `field-${name}`;
  return html`<label for="${id}">${label}</label><input id="${id}" name="${name}" type="${type}" autocomplete="${autocomplete}" value="${value ?? ''}" required>`;
}

function choiceInput({ name, legend, choices }: ChoiceInput) {
  const radio = ({ value, label }: { value: string; label: string }, index: number) =>
    index === 0
      ? html`<label class="choice"><input type="radio" name="${name}" value="${value}" checked> ${label}</label>`
      : html`<label class="choice"><input type="radio" name="${name}" value="${value}"> ${label}</label>`;
  return html`<fieldset><legend>${legend}</legend>${choices.map(radio)}</fieldset>`;
}

/**
 * The pages people land on from a mail (confirmations, one-click answers, sign-in and withdraw links,
 * and their errors): the site's name, a title, one sentence, one primary action and the way back to
 * the careers site. Styled only by the served stylesheet, so the strict CSP holds.
 */
export function landingPage(lang: Lang, { brand, title, message, lead, tone, next, also }: Landing) {
  const t = LANDING_TEXTS[lang];
  const careers = careersLink(brand);
  const siteName = brand?.name ?? 'Hallway';
  const back = careers && !(next && 'href' in next && next.href === careers);
  const body = html`<header class="site">${careers ? html`<a href="${careers}">${siteName}</a>` : html`<span>${siteName}</span>`}</header>
<main>
${tone ? MARKS[tone] : ''}<h1>${title}</h1>
${lead ? html`<p class="lead">${lead}</p>` : ''}
${tone ? html`<p role="status">${message}</p>` : html`<p>${message}</p>`}
${next ? nextStep(next) : ''}
${also?.length ? otherWays(also) : ''}
</main>
${back ? html`<footer class="site"><a href="${careers}">${t.backTo(siteName)}</a></footer>` : ''}`;
  return shell(lang, `${title} · ${siteName}`, body, [], stylesheetOf(brand), 'landing');
}

/** Secondary actions: links styled as outlined buttons. */
export const otherWays = (ways: { label: string; href: string }[]) =>
  html`<p class="also">${ways.map((way) => html`<a class="button secondary" href="${way.href}">${way.label}</a>`)}</p>`;

/** Hidden fields carry the values of a link into the POST that acts on them. */
export const hiddenFields = (fields: Record<string, string>) =>
  Object.entries(fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`);

/**
 * The stylesheet of every server-rendered page, served at /me/style.css (the CSP allows no inline
 * style). The accent is Hallway's own, the mails' blue; `?accent=` appends a site's (accent.ts).
 */
export const PAGE_STYLE = `
:root {
  color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5;
  --accent: #1f5f99; --on-accent: #fff; --link: #1f5f99; --page: #f6f6f4; --card: #fff; --text: #1f2328; --muted: #57606a; --line: #d0d7de;
  --problem: #b45309;
}
@media (prefers-color-scheme: dark) {
  :root { --accent: #8cc4f5; --on-accent: #0d1117; --link: #8cc4f5; --page: #0d1117; --card: #161b22; --text: #e6edf3; --muted: #9da7b3; --line: #30363d; --problem: #f0b35a; }
}
body { margin: 0; background: Canvas; color: CanvasText; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.75rem; margin: 0 0 0.5rem; }
.intro { margin: 0 0 2rem; max-width: 40rem; }
button, .button {
  display: inline-block; box-sizing: border-box; min-height: 2.75rem; padding: 0.6rem 1.25rem; border: 0; border-radius: 0.5rem;
  background: var(--accent); color: var(--on-accent); font: inherit; font-weight: 600; text-align: center; text-decoration: none; cursor: pointer;
}
button:hover, .button:hover { filter: brightness(1.1); }
:focus-visible { outline: 3px solid var(--link); outline-offset: 3px; }
.button.secondary { background: transparent; color: var(--link); border: 2px solid var(--accent); }
.also, .landing .also { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 1rem 0 0; }

body.landing {
  box-sizing: border-box; min-height: 100vh; display: flex; flex-direction: column; align-items: center; padding: 0 1rem;
  background: var(--page); color: var(--text); overflow-wrap: anywhere;
}
.landing .site, .landing main { box-sizing: border-box; width: 100%; max-width: 34rem; }
.landing header.site { padding: 2rem 0.25rem 1rem; font-size: 1.125rem; font-weight: 700; }
.landing header.site a { color: inherit; text-decoration: none; }
.landing header.site a:hover { text-decoration: underline; }
.landing main { margin: 0; padding: 2rem 1.75rem; background: var(--card); border: 1px solid var(--line); border-radius: 0.75rem; box-shadow: 0 1px 3px rgb(0 0 0 / 0.06); }
.landing h1 { font-size: 1.5rem; line-height: 1.3; margin: 0 0 0.75rem; }
.landing p { margin: 0 0 1rem; }
.landing .lead { font-weight: 600; }
.landing .mark { display: grid; place-items: center; width: 2.5rem; height: 2.5rem; margin-bottom: 1rem; border-radius: 50%; background: var(--accent); }
.landing .mark::before { content: ''; width: 0.55rem; height: 1.05rem; margin-top: -0.2rem; border: solid var(--on-accent); border-width: 0 0.2rem 0.2rem 0; transform: rotate(45deg); }
.landing .mark.problem { background: var(--problem); }
.landing .mark.problem::before { content: '!'; width: auto; height: auto; margin: 0; border: 0; transform: none; color: var(--card); font-size: 1.5rem; font-weight: 800; line-height: 1; }
.landing .next, .landing form { margin: 1.5rem 0 0; }
.landing form label { display: block; margin: 0 0 0.35rem; font-weight: 600; }
.landing form input {
  display: block; box-sizing: border-box; width: 100%; min-height: 2.75rem; margin: 0 0 1rem; padding: 0.5rem 0.75rem;
  border: 1px solid var(--muted); border-radius: 0.5rem; background: var(--card); color: var(--text); font: inherit;
}
.landing fieldset { margin: 0 0 1rem; padding: 0; border: 0; }
.landing legend { margin: 0 0 0.5rem; padding: 0; font-weight: 600; }
.landing form label.choice { display: flex; align-items: center; gap: 0.6rem; min-height: 2.75rem; font-weight: 400; }
.landing form label.choice input { width: 1.25rem; height: 1.25rem; min-height: 0; margin: 0; accent-color: var(--accent); }
.landing footer.site { padding: 1.25rem 0.25rem 2.5rem; }
.landing footer.site a { color: var(--link); }
@media (max-width: 30rem) {
  .landing header.site { padding-top: 1.25rem; }
  .landing main { padding: 1.5rem 1.25rem; }
  .landing .next > .button, .landing form > button, .landing .also > .button { width: 100%; }
}
`;
