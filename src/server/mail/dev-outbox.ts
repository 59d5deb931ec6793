import { Hono } from 'hono';
import type { Db } from '../store/database.js';
import { escapeHtml } from '../html.js';
import { listOutbox, type OutboxMail } from './outbox.js';

const SHOWN = 100;
/** Web links in a plain-text body; a trailing full stop, comma or bracket is the sentence's, not the URL's. */
const WEB_URL = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi;

export const findLinks = (text: string) => text.match(WEB_URL) ?? [];

/**
 * Development only (HALLWAY_DEV_OUTBOX=1): the mails the server "sent", so a person can follow sign-in
 * and invitation links on one machine. Mount at `/dev`. It shows magic links: never mount it in production.
 */
export function devOutboxRoutes(db: Db): Hono {
  const routes = new Hono();
  routes.use(async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Robots-Tag', 'noindex');
    c.header('X-Frame-Options', 'DENY'); // no other page may frame it and have a sign-in link clicked
  });

  routes.get('/outbox.json', async (c) => {
    const mails = await listOutbox(db, SHOWN);
    return c.json({ items: mails.map(toItem) });
  });

  routes.get('/outbox', async (c) => {
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    return c.html(outboxPage(await listOutbox(db, SHOWN)));
  });
  return routes;
}

const toItem = (mail: OutboxMail) => ({
  id: mail.id,
  to: mail.to,
  subject: mail.subject,
  template: mail.template,
  locale: mail.locale,
  status: mail.status,
  createdAt: mail.createdAt.toISOString(),
  text: mail.text,
  html: mail.html,
  links: findLinks(mail.text),
});

const STYLE = `
  body { margin: 0 auto; max-width: 80rem; padding: 1.5rem; font: 16px/1.5 system-ui, sans-serif; color: #1f2328; background: #fff; }
  .banner { padding: .5rem .75rem; border-radius: 6px; background: #fff8c5; border: 1px solid #d4a72c; }
  article { margin: 1.5rem 0; padding: 1rem; border: 1px solid #d0d7de; border-radius: 8px; }
  h2 { margin: 0 0 .25rem; font-size: 1.1rem; }
  h3 { margin: 0 0 .25rem; font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: #57606a; }
  .meta { margin: 0; color: #57606a; font-size: .9rem; }
  .parts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); gap: 1rem; margin-top: .75rem; }
  .parts > section { min-width: 0; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; margin: 0; }
  iframe { display: block; box-sizing: border-box; width: 100%; height: 26rem; border: 1px solid #d0d7de; border-radius: 6px; background: #fff; }
  @media (prefers-color-scheme: dark) {
    body { color: #e6edf3; background: #0d1117; } .meta, h3 { color: #8d96a0; } a { color: #58a6ff; }
    article, iframe { border-color: #30363d; } .banner { background: #3b2e00; border-color: #9e6a03; }
  }`;

function outboxPage(mails: OutboxMail[]) {
  const list = mails.length ? mails.map(mailArticle).join('\n') : '<p>No mail yet.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Development outbox · Hallway</title>
<style>${STYLE}</style>
</head>
<body>
<p class="banner" role="note">This is the development outbox: it is shown because HALLWAY_DEV_OUTBOX is on, so no mail leaves this machine.</p>
<h1>Outbox</h1>
${list}
</body>
</html>
`;
}

/**
 * The text part, with its links to follow, beside the HTML part as a mail client shows it: in a frame
 * sandboxed of everything (no script, no form, no navigation), under this page's CSP.
 */
function mailArticle(mail: OutboxMail) {
  const time = mail.createdAt.toISOString();
  return `<article>
<h2>${escapeHtml(mail.subject)}</h2>
<p class="meta">To ${escapeHtml(mail.to)} · <time datetime="${time}">${time.slice(0, 19).replace('T', ' ')} UTC</time> · ${escapeHtml(mail.status)}</p>
<div class="parts">
<section><h3>Text</h3><pre>${linkify(mail.text)}</pre></section>
<section><h3>HTML</h3><iframe sandbox="" srcdoc="${escapeHtml(mail.html)}" title="HTML part: ${escapeHtml(mail.subject)}" loading="lazy"></iframe></section>
</div>
</article>`;
}

/** Escapes the text and turns the http(s) URLs found in it, and only those, into links. */
function linkify(text: string) {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(WEB_URL)) {
    const url = match[0];
    html += escapeHtml(text.slice(last, match.index)) + `<a href="${escapeHtml(url)}" rel="noreferrer">${escapeHtml(url)}</a>`;
    last = match.index + url.length;
  }
  return html + escapeHtml(text.slice(last));
}
