/**
 * A real OpenID provider for company sign-in tests: oidc-provider on a loopback port, with its
 * development sign-in pages, two clients (Hallway's and another's) and the accounts a test gives.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const CLIENT_ID = 'hallway';
export const CLIENT_SECRET = 'hallway-client-secret-0123456789';
/** Another application at the same provider: its codes and tokens are not for Hallway. */
export const OTHER_CLIENT_ID = 'other-app';
export const OTHER_CLIENT_SECRET = 'other-app-secret-0123456789';

export interface TestAccount {
  email: string;
  emailVerified: boolean;
}

export interface TestProvider {
  issuer: string;
  close(): Promise<void>;
}

export interface ProviderOptions {
  /** Hallway's callback, registered for both clients. */
  redirectUri: string;
  /** By login name (what the provider's sign-in page asks for). */
  accounts: Record<string, TestAccount>;
  /** Seconds an ID token is valid (an hour by default). */
  idTokenTtl?: number;
}

export async function startOpenIdProvider({ redirectUri, accounts, idTokenTtl = 3600 }: ProviderOptions): Promise<TestProvider> {
  // The provider needs its issuer (its own URL) before it is made, the server its port first.
  let handle: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => response.end();
  const server = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = (client_id: string, client_secret: string) => ({
    client_id,
    client_secret,
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  });
  const signingKey = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' };
  const provider = new Provider(issuer, {
    clients: [client(CLIENT_ID, CLIENT_SECRET), client(OTHER_CLIENT_ID, OTHER_CLIENT_SECRET)],
    jwks: { keys: [signingKey] },
    cookies: { keys: ['openid-provider-test-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    pkce: { required: () => true },
    ttl: { IdToken: idTokenTtl, AccessToken: 3600, AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600 },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts[sub];
      return account && { accountId: sub, claims: () => ({ sub, email: account.email, email_verified: account.emailVerified, name: sub }) };
    },
  });
  handle = provider.callback();
  return { issuer, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Signs `login` in at the provider, as a person does on its development pages (the sign-in form, then
 * the consent), following redirects with the provider's cookies, and answers the URL it finally sends
 * the browser back to (Hallway's callback, with the code).
 */
export async function signInAtProvider(authorizationUrl: string, login: string, redirectUri: string): Promise<string> {
  const cookies = new Map<string, string>();
  let url = authorizationUrl;
  let form: URLSearchParams | undefined;
  for (let step = 0; step < 20; step++) {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '), ...(form && { 'content-type': 'application/x-www-form-urlencoded' }) },
      ...(form && { body: form }),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      cookies.set(name!, value.join('='));
    }
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      form = undefined;
      if (url.startsWith(redirectUri)) return url;
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    if (!action || !prompt) throw new Error(`the provider answered ${response.status} without a form: ${page.slice(0, 500)}`);
    url = new URL(action, url).href;
    form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
  }
  throw new Error('the provider never sent the browser back');
}
