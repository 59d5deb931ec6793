/** What every command of the `hallway` CLI shares: its usage, options, exit codes and errors. */
import { parseArgs } from 'node:util';
import type { AdminClient } from '../sdk/admin-client.js';

export const USAGE = `Usage: hallway <command> [options]

Commands:
  sites list
  sites create <slug> --name "Acme" [--origin https://careers.acme.com]... [--lang en|fr]
               [--accent '#8a2f3c'] [--careers-url https://careers.acme.com/jobs]
  sites update <slug> [--name "…"] [--slug new-slug] [--origin …]... [--add-origin …]... [--lang en|fr]
               [--accent '#8a2f3c'|none] [--careers-url https://…|none]
    (--origin replaces the allowed origins; --add-origin adds to them; none clears a setting)
  sites oidc <slug> [--issuer https://… --client-id … --display-name "Acme"] [--email-sign-in on|off]
  sites oidc <slug> --remove
    company sign-in (OpenID Connect), the button saying "Sign in with <display name>";
    the client secret comes from HALLWAY_OIDC_CLIENT_SECRET
  people list --site <slug> [--status employee|left|alumni]
  people import <file.csv|file.json> --site <slug>
  people leave <ref> --site <slug> [--invite-alumni]
  invite --site <slug> (--all | <ref>)
  testimonials list --site <slug> [--pending]
  testimonials approve <id> --site <slug>
  testimonials reject <id> --site <slug> --reason "…"
  admins list
  admins add <email> --role owner|editor|moderator [--name "…"]
  admins remove <id|email>
  keys list
  keys create <name> --scope people,settings,moderation,analytics,audit,admins
  keys revoke <id>
  audit [--csv]                               the audit log (the latest lines, or all of it as CSV)
  doctor <careers-page-url> [--site <slug>]   checks a page's embed, with the fix of each problem (no key needed)
  jobs feed set <feed-url> --site <slug> [--kind auto|greenhouse|lever|sitemap] [--every <minutes>]
  jobs feed fetch|status|remove --site <slug>   fetch the job feed now, show how it went, or remove it
  scim tokens list|create <name>|revoke <id> --site <slug>   the site's SCIM tokens, for Okta or Entra ID
  help

<ref> is a person's public id, external id or e-mail address.

Options:
  --url <url>     the Hallway server (env HALLWAY_URL, default http://localhost:3000)
  --key <key>     an API key or the bootstrap admin key (env HALLWAY_ADMIN_KEY; prefer the variable,
                  command lines are visible to others)
  --site <slug>   the site (env HALLWAY_SITE)

Exit codes: 0 done, 1 refused by the server or invalid input, 2 usage error, 3 server unreachable.`;

export const EXIT = { ok: 0, refused: 1, usage: 2, unreachable: 3 } as const;

export const OPTIONS = {
  url: { type: 'string' },
  key: { type: 'string' },
  site: { type: 'string' },
  name: { type: 'string' },
  slug: { type: 'string' },
  origin: { type: 'string', multiple: true },
  'add-origin': { type: 'string', multiple: true },
  lang: { type: 'string' },
  accent: { type: 'string' },
  'careers-url': { type: 'string' },
  status: { type: 'string' },
  all: { type: 'boolean' },
  'invite-alumni': { type: 'boolean' },
  pending: { type: 'boolean' },
  reason: { type: 'string' },
  role: { type: 'string' },
  scope: { type: 'string', multiple: true },
  csv: { type: 'boolean' },
  kind: { type: 'string' },
  every: { type: 'string' },
  issuer: { type: 'string' },
  'client-id': { type: 'string' },
  'display-name': { type: 'string' },
  'email-sign-in': { type: 'string' },
  remove: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/** Ends the command: its message goes to stderr (when there is one), its code is the exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(`${message}\n\n${USAGE}`, EXIT.usage);

export interface Command {
  args: string[];
  values: Values;
  env: NodeJS.ProcessEnv;
  io: Io;
  /** The admin API of the server the settings name; throws a usage error without a key. */
  api: () => AdminClient;
}

export type Handler = (command: Command) => Promise<void>;

export function serverUrl(values: Values, env: NodeJS.ProcessEnv): string {
  const url = (values.url ?? env.HALLWAY_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw usageError(`"${url}" is not an http(s) URL (--url or HALLWAY_URL).`);
  return url;
}

export function siteOf({ values, env }: Command): string {
  const site = values.site ?? env.HALLWAY_SITE;
  if (!site) throw usageError('Which site? Pass --site <slug> or set HALLWAY_SITE.');
  return site;
}

export function oneArg({ args }: Command, what: string): string {
  if (args.length !== 1) throw usageError(`Expected one ${what}${args.length ? `, got: ${args.join(' ')}` : ''}.`);
  return args[0]!;
}
