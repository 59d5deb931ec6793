/**
 * Company sign-in, the OpenID Connect authorization code flow with PKCE (openid-client): `startFlow`
 * keeps the state, nonce and code verifier server side, bound to the browser by a cookie, for one use
 * within 10 minutes; `finishFlow` checks the provider's answer and names the verified e-mail address.
 */
import * as client from 'openid-client';
import { OIDC_SCOPES } from '../../sdk/admin-schemas.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { Db } from '../store/database.js';
import type { Audience } from './pages.js';
import { openSecret, sealingKey, type OidcSettingsRow } from './settings.js';

export const FLOW_LIFETIME_MS = 10 * 60_000;
/** How long discovered provider metadata is kept before it is read again. */
const DISCOVERY_TTL_MS = 60 * 60_000;

/** Why a sign-in was refused, for the page (never the provider's own words). */
export class FlowError extends Error {
  constructor(
    readonly problem: 'unavailable' | 'failed' | 'unverified',
    /** The flow's, once known: whose page the refusal is. */
    readonly flow?: { audience: Audience; site_id: number },
  ) {
    super(problem);
  }
}

export interface FlowDeps {
  db: Db;
  /** `${PUBLIC_URL}/auth/oidc/callback`, the one redirect URI for /me and /admin. */
  redirectUri: string;
  now: () => Date;
}

export interface FinishedFlow {
  siteId: number;
  audience: Audience;
  /** Lower-cased; verified by the provider. */
  email: string;
}

export function oidcFlows({ db, redirectUri, now }: FlowDeps) {
  const discovered = new Map<string, { server: client.ServerMetadata; until: number }>();

  /** The client at this site's provider; discovery is kept an hour, the clock is read at each use. */
  async function configuration(settings: OidcSettingsRow): Promise<client.Configuration> {
    const issuer = new URL(settings.issuer);
    const insecure = issuer.protocol === 'http:';
    const metadata = {
      client_secret: openSecret(await sealingKey(db), settings.client_secret_sealed),
      [client.clockSkew]: Math.round((now().getTime() - Date.now()) / 1000),
    };
    let known = discovered.get(settings.issuer);
    if (!known || known.until < Date.now()) {
      try {
        const found = await client.discovery(issuer, settings.client_id, undefined, undefined, insecure ? { execute: [client.allowInsecureRequests] } : {});
        known = { server: found.serverMetadata(), until: Date.now() + DISCOVERY_TTL_MS };
      } catch (error) {
        console.error(`company sign-in: discovery of ${settings.issuer} failed: ${reasonOf(error)}`);
        throw new FlowError('unavailable');
      }
      discovered.set(settings.issuer, known);
    }
    const config = new client.Configuration(known.server, settings.client_id, metadata);
    if (insecure) client.allowInsecureRequests(config);
    return config;
  }

  /** A new flow: its row, the cookie value that binds it to this browser, and where to send the browser. */
  async function startFlow(settings: OidcSettingsRow, audience: Audience): Promise<{ url: string; browserToken: string }> {
    const config = await configuration(settings);
    const [state, nonce, verifier, browserToken] = [client.randomState(), client.randomNonce(), client.randomPKCECodeVerifier(), newToken()];
    const at = now();
    await db.deleteFrom('oidc_flows').where('expires_at', '<', at).execute();
    await db
      .insertInto('oidc_flows')
      .values({
        state_hash: hashToken(state),
        browser_hash: hashToken(browserToken),
        site_id: settings.site_id,
        audience,
        code_verifier: verifier,
        nonce,
        expires_at: new Date(at.getTime() + FLOW_LIFETIME_MS),
      })
      .execute();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: OIDC_SCOPES,
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, browserToken };
  }

  /**
   * Takes the flow this callback names (by its state) out of the table, so it is used once, and checks
   * it was started by this browser and in time. Undefined when not.
   */
  async function takeFlow(state: string, browserToken: string | undefined) {
    const flow = await db.deleteFrom('oidc_flows').where('state_hash', '=', hashToken(state)).returningAll().executeTakeFirst();
    if (!flow || !browserToken || hashToken(browserToken) !== flow.browser_hash || new Date(flow.expires_at) <= now()) return undefined;
    return flow;
  }

  /** The provider's answer checked (state, PKCE, nonce, issuer, audience, expiry, signature), and the verified e-mail it names. */
  async function finishFlow(
    callbackUrl: URL,
    browserToken: string | undefined,
    settingsOf: (siteId: number) => Promise<OidcSettingsRow | undefined>,
  ): Promise<FinishedFlow> {
    const state = callbackUrl.searchParams.get('state') ?? '';
    const flow = await takeFlow(state, browserToken);
    const settings = flow && (await settingsOf(flow.site_id));
    if (!flow || !settings) throw new FlowError('failed', flow);
    const config = await configuration(settings);
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: flow.code_verifier,
        expectedState: state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      claims = { ...tokens.claims() };
      // Providers that keep the ID token small (oidc-provider, Okta's org server) say the e-mail at userinfo.
      if (typeof claims.email !== 'string' && tokens.access_token)
        claims = { ...(await client.fetchUserInfo(config, tokens.access_token, String(claims.sub))), ...claims };
    } catch (error) {
      console.error(`company sign-in refused: ${reasonOf(error)}`);
      throw new FlowError('failed', flow);
    }
    if (typeof claims.email !== 'string' || !emailVerified(claims, settings.issuer)) throw new FlowError('unverified', flow);
    return { siteId: flow.site_id, audience: flow.audience, email: claims.email.trim().toLowerCase() };
  }

  return { startFlow, finishFlow };
}

/**
 * `email_verified: true`, as OpenID Connect says. Microsoft Entra ID sends no such claim: its optional
 * claim `xms_edov` (the e-mail's domain is verified by its owner) says it there, and only there.
 */
function emailVerified(claims: Record<string, unknown>, issuer: string): boolean {
  if (claims.email_verified === true) return true;
  return new URL(issuer).hostname === 'login.microsoftonline.com' && (claims.xms_edov === true || claims.xms_edov === '1');
}

const reasonOf = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
