// Sample workspace data, a mock admin API and ways to look at a page as its user does (tests only).
import { waitUntil } from '@open-wc/testing';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createAdminClient } from '../../../src/sdk/admin-client.js';
import { ROLE_SCOPES, type AdminRole, type AdminSession, type AdminSite, type AdminUser, type ApiKey } from '../../../src/sdk/admin-schemas.js';
import type { AdminPerson, ModeratedTestimonial } from '../../../src/sdk/index.js';

export const CSRF = 'csrf-token-of-the-session';
/** The client `hw-admin-app` gives its pages once signed in. */
export const signedInClient = () => createAdminClient({ baseUrl: location.origin, csrfToken: CSRF });

export function aUser(overrides: Partial<AdminUser> = {}): AdminUser {
  return {
    id: 'u1',
    email: 'hr@acme.test',
    name: 'Hélène Roux',
    role: 'owner',
    createdAt: '2026-10-01T09:00:00.000Z',
    lastSignInAt: '2026-12-01T09:00:00.000Z',
    ...overrides,
  };
}

export function aSession(role: AdminRole = 'owner'): AdminSession {
  return { user: aUser({ role }), scopes: [...ROLE_SCOPES[role]], csrfToken: CSRF };
}

export function aSite(overrides: Partial<AdminSite> = {}): AdminSite {
  return {
    slug: 'acme',
    name: 'Acme',
    allowedOrigins: ['https://careers.acme.test'],
    defaultLang: 'en',
    consentTextVersion: '2026-11',
    accentColor: '#8a2f3c',
    careersUrl: 'https://careers.acme.test/jobs',
    scimInviteAfterDays: null,
    scimInviteAlumni: false,
    createdAt: '2026-09-01T09:00:00.000Z',
    ...overrides,
  };
}

export function anAdminPerson(overrides: Partial<AdminPerson> = {}): AdminPerson {
  return {
    id: 'p1',
    externalId: 'E-1',
    email: 'ada@acme.test',
    fullName: 'Ada Lovelace',
    displayName: 'Ada',
    jobTitle: 'Software Engineer',
    team: 'Platform',
    location: 'Paris',
    languages: ['en', 'fr'],
    status: 'employee',
    invitedAt: null,
    showProfile: true,
    contact: false,
    ...overrides,
  };
}

export function aTestimonial(overrides: Partial<ModeratedTestimonial> = {}): ModeratedTestimonial {
  return {
    id: 't1',
    author: 'Grace Hopper',
    email: 'grace@old.test',
    quote: 'I learnt more here in two years than anywhere else.',
    roles: ['Software Engineer'],
    fromYear: 2019,
    toYear: 2023,
    currentRole: 'CTO at Compilers Inc.',
    status: 'pending',
    rejectionReason: null,
    consent: true,
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

export function aKey(overrides: Partial<ApiKey> = {}): ApiKey {
  return {
    id: 'k1',
    name: 'Nightly HR sync',
    scopes: ['people'],
    prefix: 'hw_live_ab12',
    createdAt: '2026-11-02T09:00:00.000Z',
    createdBy: 'u1',
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

export interface Received {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
  csrf: string | null;
}

/** Every request the mock admin API received, in order. */
export const received: Received[] = [];

async function record(request: Request): Promise<void> {
  const url = new URL(request.url);
  const text = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.clone().text();
  received.push({
    method: request.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    body: text ? JSON.parse(text) : undefined,
    csrf: request.headers.get('X-Hallway-CSRF'),
  });
}

/** An admin API route answering `answer` (JSON, or a Response for errors), recording each request. */
export function route(
  method: 'get' | 'post' | 'put' | 'patch' | 'delete',
  path: string,
  answer: (request: Request, params: Record<string, string>) => JsonBodyType | Response | Promise<JsonBodyType | Response>,
) {
  return http[method](`/v1/admin/${path}`, async ({ request, params }) => {
    await record(request);
    const result = await answer(request, params as Record<string, string>);
    return result instanceof Response ? result : HttpResponse.json(result);
  });
}

export const until = (what: string, condition: () => unknown) => waitUntil(condition, what, { timeout: 3000 });

// ---- Looking at a page as a user does

type Host = HTMLElement & { updateComplete: Promise<boolean> };

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
export const texts = (el: Element, selector: string) =>
  [...el.shadowRoot!.querySelectorAll(selector)].map((node) => node.textContent!.replace(/[\t\n ]+/g, ' ').trim()).filter(Boolean);
export const alerts = (el: Element) => texts(el, '[role="alert"]');
export const statuses = (el: Element) => texts(el, '[role="status"]');

export function button(el: Element, label: string): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.replace(/\s+/g, ' ').trim()) === label);
  if (!found) throw new Error(`No button "${label}"`);
  return found;
}

/** What has the focus in `el`, by its id, else its label or text: readable when a test fails. */
export function focused(el: Element): string | null {
  const active = el.shadowRoot!.activeElement;
  return active && (active.id || active.getAttribute('aria-label') || active.textContent!.replace(/\s+/g, ' ').trim());
}

export async function type(el: Host, selector: string, value: string) {
  const field = $<HTMLInputElement>(el, selector);
  field.focus();
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function choose(el: Host, selector: string, value: string) {
  const select = $<HTMLSelectElement>(el, selector);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** The open dialog of a page. */
export const openDialog = (el: Element) => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog[open]');

/** This test file's msw worker: started before its tests, reset (and `received` emptied) around each, stopped after. */
export function mockedApi(): SetupWorker {
  const worker = setupWorker();
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
  beforeEach(() => (received.length = 0));
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());
  return worker;
}
