/**
 * `hallway`: the admin CLI. It only speaks the admin HTTP API, so it works against any Hallway server
 * it can reach, local or not.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { doctor } from './doctor.js';

export const USAGE = `Usage: hallway <command> [options]

Commands:
  sites list
  sites create <slug> --name "Acme" [--origin https://careers.acme.com]... [--lang en|fr]
  sites update <slug> [--name "…"] [--slug new-slug] [--origin …]... [--add-origin …]... [--lang en|fr]
    (--origin replaces the allowed origins; --add-origin adds to them)
  people list --site <slug> [--status employee|left|alumni]
  people import <file.csv|file.json> --site <slug>
  people leave <ref> --site <slug> [--invite-alumni]
  invite --site <slug> (--all | <ref>)
  testimonials list --site <slug> [--pending]
  testimonials approve <id> --site <slug>
  testimonials reject <id> --site <slug> --reason "…"
  doctor <careers-page-url> [--site <slug>]   checks a page's embed, with the fix of each problem (no key needed)
  help

<ref> is a person's public id, external id or e-mail address.

Options:
  --url <url>     the Hallway server (env HALLWAY_URL, default http://localhost:3000)
  --key <key>     the admin key (env HALLWAY_ADMIN_KEY; prefer the variable, command lines are visible to others)
  --site <slug>   the site (env HALLWAY_SITE)

Exit codes: 0 done, 1 refused by the server or invalid input, 2 usage error, 3 server unreachable.`;

const EXIT = { ok: 0, refused: 1, usage: 2, unreachable: 3 } as const;
const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
const UPLOAD_CHUNK = 64 * 1024;

const OPTIONS = {
  url: { type: 'string' },
  key: { type: 'string' },
  site: { type: 'string' },
  name: { type: 'string' },
  slug: { type: 'string' },
  origin: { type: 'string', multiple: true },
  'add-origin': { type: 'string', multiple: true },
  lang: { type: 'string' },
  status: { type: 'string' },
  all: { type: 'boolean' },
  'invite-alumni': { type: 'boolean' },
  pending: { type: 'boolean' },
  reason: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

const usageError = (message: string) => new CliError(`${message}\n\n${USAGE}`, EXIT.usage);

interface Command {
  args: string[];
  values: Values;
  env: NodeJS.ProcessEnv;
  io: Io;
  api: () => Api;
}

type Handler = (command: Command) => Promise<void>;

const COMMANDS: Record<string, Handler> = {
  'sites list': sitesList,
  'sites create': sitesCreate,
  'sites update': sitesUpdate,
  'people list': peopleList,
  'people import': peopleImport,
  'people leave': peopleLeave,
  invite,
  'testimonials list': testimonialsList,
  'testimonials approve': testimonialsApprove,
  'testimonials reject': testimonialsReject,
  doctor: runDoctor,
};

/** Runs one command line; resolves to the exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, io: Io = process): Promise<number> {
  try {
    const { values, positionals } = parseCommandLine(argv);
    if (values.help || positionals.length === 0 || positionals[0] === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    const [name, handler] = findCommand(positionals);
    const args = positionals.slice(name.split(' ').length);
    await handler({ args, values, env, io, api: () => Api.fromSettings(values, env) });
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    if (error.message) io.stderr.write(`${error.message}\n`);
    return error.exitCode;
  }
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError((error as Error).message);
  }
}

function findCommand(positionals: string[]): [string, Handler] {
  const two = positionals.slice(0, 2).join(' ');
  if (COMMANDS[two]) return [two, COMMANDS[two]];
  if (COMMANDS[positionals[0]!]) return [positionals[0]!, COMMANDS[positionals[0]!]];
  throw usageError(`Unknown command "${two}".`);
}

// ---- the HTTP client ----

function serverUrl(values: Values, env: NodeJS.ProcessEnv): string {
  const url = (values.url ?? env.HALLWAY_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw usageError(`"${url}" is not an http(s) URL (--url or HALLWAY_URL).`);
  return url;
}

interface ServerError {
  code: string;
  message: string;
  problems?: { line: number; field: string; reason: string }[];
  problemCount?: number;
}

class ServerRefused extends CliError {
  constructor(readonly error: ServerError) {
    const hint = error.code === 'unauthorized' ? '\nCheck HALLWAY_ADMIN_KEY (or --key): it must be a key this server knows.' : '';
    super(`Error: ${error.code}: ${error.message}${hint}`, EXIT.refused);
  }
}

class Api {
  constructor(
    readonly baseUrl: string,
    private readonly key: string,
  ) {}

  static fromSettings(values: Values, env: NodeJS.ProcessEnv) {
    const url = serverUrl(values, env);
    const key = values.key ?? env.HALLWAY_ADMIN_KEY;
    if (!key) {
      throw new CliError(
        'No admin key. Set HALLWAY_ADMIN_KEY to the key the server printed on its first start (or the HALLWAY_ADMIN_KEY it runs with), or pass --key.',
        EXIT.usage,
      );
    }
    return new Api(url, key);
  }

  async request<T>(method: string, path: string, body?: { type: string; data: BodyInit }): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/v1/admin${path}`, {
        method,
        headers: { Authorization: `Bearer ${this.key}`, ...(body && { 'Content-Type': body.type }) },
        ...(body && { body: body.data, duplex: 'half' }),
      } as RequestInit);
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(
        `Cannot reach the Hallway server at ${this.baseUrl} (${cause?.code ?? cause?.message ?? (error as Error).message}). Is it running? Set HALLWAY_URL or --url.`,
        EXIT.unreachable,
      );
    }
    const text = await response.text();
    const json = parseJson(text);
    if (response.ok && json !== undefined) return json as T;
    const error = (json as { error?: ServerError } | undefined)?.error;
    if (error?.code) throw new ServerRefused(error);
    throw new CliError(`Error: HTTP ${response.status} from ${this.baseUrl}, which does not look like a Hallway server.`, EXIT.refused);
  }

  json<T>(method: string, path: string, value: unknown) {
    return this.request<T>(method, path, { type: 'application/json', data: JSON.stringify(value) });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// ---- commands ----

interface Site {
  slug: string;
  name: string;
  allowedOrigins: string[];
  defaultLang: string;
}

interface Person {
  id: string;
  externalId: string | null;
  email: string;
  fullName: string;
  jobTitle: string;
  team: string | null;
  status: string;
  invitedAt: string | null;
  showProfile: boolean;
}

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

function siteOf({ values, env }: Command): string {
  const site = values.site ?? env.HALLWAY_SITE;
  if (!site) throw usageError('Which site? Pass --site <slug> or set HALLWAY_SITE.');
  return site;
}

function oneArg({ args }: Command, what: string): string {
  if (args.length !== 1) throw usageError(`Expected one ${what}${args.length ? `, got: ${args.join(' ')}` : ''}.`);
  return args[0]!;
}

function siteFields(values: Values) {
  return {
    ...(values.name !== undefined && { name: values.name }),
    ...(values.slug !== undefined && { slug: values.slug }),
    ...(values.origin !== undefined && { allowedOrigins: values.origin }),
    ...(values.lang !== undefined && { defaultLang: values.lang }),
  };
}

async function sitesList(command: Command) {
  const { items } = await command.api().request<{ items: Site[] }>('GET', '/sites');
  const rows = items.map((site) => [site.slug, site.name, site.defaultLang, site.allowedOrigins.join(' ') || '-']);
  command.io.stdout.write(table(['SLUG', 'NAME', 'LANG', 'ALLOWED ORIGINS'], rows) + `${items.length} site${items.length === 1 ? '' : 's'}\n`);
}

async function sitesCreate(command: Command) {
  const slug = oneArg(command, 'site slug');
  if (command.values.name === undefined) throw usageError('sites create needs --name "The company name".');
  const site = await command.api().json<Site>('POST', '/sites', { ...siteFields(command.values), slug });
  command.io.stdout.write(`Created site ${site.slug} (${site.name}).\n`);
}

async function sitesUpdate(command: Command) {
  const slug = oneArg(command, 'site slug');
  const fields = siteFields(command.values);
  const added = command.values['add-origin'];
  if (Object.keys(fields).length === 0 && !added) throw usageError('Nothing to update: give --name, --slug, --origin, --add-origin or --lang.');
  const api = command.api();
  if (added) {
    const current = fields.allowedOrigins ?? (await api.request<{ items: Site[] }>('GET', '/sites')).items.find((site) => site.slug === slug)?.allowedOrigins ?? [];
    fields.allowedOrigins = [...new Set([...current, ...added])];
  }
  const site = await api.json<Site>('PATCH', `/sites/${path(slug)}`, fields);
  command.io.stdout.write(`Updated site ${site.slug} (${site.name}).\n`);
}

async function runDoctor(command: Command) {
  const { values, env, io } = command;
  const pageUrl = oneArg(command, 'careers page URL');
  if (!URL.canParse(pageUrl) || !/^https?:$/.test(new URL(pageUrl).protocol)) throw usageError(`"${pageUrl}" is not an http(s) URL.`);
  const result = await doctor({ pageUrl, hallwayUrl: serverUrl(values, env), ...(values.site && { site: values.site }), out: io.stdout });
  if (result !== 'ok') throw new CliError('', result === 'unreachable' ? EXIT.unreachable : EXIT.refused);
}

async function peopleList(command: Command) {
  const site = siteOf(command);
  const api = command.api();
  const people: Person[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const query = new URLSearchParams({ limit: '500', ...(command.values.status && { status: command.values.status }), ...(cursor && { cursor }) });
    const page: { items: Person[]; nextCursor: string | null } = await api.request('GET', `/sites/${path(site)}/people?${query}`);
    people.push(...page.items);
    cursor = page.nextCursor;
  }
  const rows = people.map((p) => [
    p.id,
    p.externalId ?? '-',
    p.fullName,
    p.email,
    p.jobTitle,
    p.team ?? '-',
    p.status,
    p.invitedAt ? p.invitedAt.slice(0, 10) : 'no',
    p.showProfile ? 'yes' : 'no',
  ]);
  const header = ['ID', 'EXTERNAL ID', 'NAME', 'E-MAIL', 'JOB TITLE', 'TEAM', 'STATUS', 'INVITED', 'OPTED IN'];
  command.io.stdout.write(table(header, rows) + `${people.length} ${people.length === 1 ? 'person' : 'people'}\n`);
}

async function peopleImport(command: Command) {
  const file = oneArg(command, 'file (.csv or .json)');
  const site = siteOf(command);
  const type = { '.csv': 'text/csv', '.json': 'application/json' }[extname(file).toLowerCase()];
  if (!type) throw usageError(`people import takes a .csv or .json file, not "${basename(file)}".`);
  const api = command.api();
  const data = await readFileWithProgress(file, command.io);
  if (data.length > IMPORT_MAX_BYTES) {
    throw new CliError(`${file} is ${(data.length / 1024 / 1024).toFixed(1)} MB; an import is at most 10 MB: split the file.`, EXIT.refused);
  }
  try {
    const report = await api.request<{ created: number; updated: number; unchanged: number; total: number; emailChanged: number }>(
      'POST',
      `/sites/${path(site)}/people/import`,
      { type, data: uploadStream(data, progress(command.io, `Uploading ${basename(file)}`, data.length)) },
    );
    command.io.stdout.write(
      `Imported ${basename(file)} into ${site}: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged (${report.total} rows).\n` +
        (report.emailChanged ? `${report.emailChanged} e-mail address(es) changed: the links sent to the old addresses and their sessions no longer work.\n` : ''),
    );
  } catch (error) {
    if (!(error instanceof ServerRefused) || !error.error.problems) throw error;
    throw new CliError(describeProblems(file, type, error.error), EXIT.refused);
  }
}

function describeProblems(file: string, type: string, error: ServerError) {
  const unit = type === 'text/csv' ? 'line' : 'item';
  const lines = error.problems!.map((p) => `  ${unit} ${p.line}: ${p.field}: ${p.reason}`);
  const more = (error.problemCount ?? lines.length) - lines.length;
  return [`${basename(file)} was refused: ${error.message}`, ...lines, ...(more > 0 ? [`  … and ${more} more`] : [])].join('\n');
}

async function peopleLeave(command: Command) {
  const ref = oneArg(command, 'person (public id, external id or e-mail)');
  const site = siteOf(command);
  const inviteAlumni = command.values['invite-alumni'] === true;
  const { person } = await command
    .api()
    .json<{ person: Person }>('POST', `/sites/${path(site)}/people/${path(ref)}/status`, { status: 'left', ...(inviteAlumni && { inviteAlumni }) });
  const alumni = inviteAlumni ? ' An invitation to stay visible as alumni was e-mailed to them.' : '';
  command.io.stdout.write(`${person.fullName} <${person.email}> has left and is hidden from candidates.${alumni}\n`);
}

async function invite(command: Command) {
  const site = siteOf(command);
  const all = command.values.all === true;
  if (all === command.args.length > 0 || command.args.length > 1) throw usageError('invite takes either --all or one person.');
  const api = command.api();
  if (all) {
    const result = await api.json<{ invited: number; skipped: number }>('POST', `/sites/${path(site)}/invitations`, { all: true });
    command.io.stdout.write(`Invited ${result.invited}; skipped ${result.skipped} (already invited, or not current employees).\n`);
  } else {
    await api.json('POST', `/sites/${path(site)}/invitations`, { person: command.args[0] });
    command.io.stdout.write(`Invited ${command.args[0]}.\n`);
  }
}

interface Testimonial {
  id: string;
  author: string;
  email: string;
  quote: string;
  status: string;
  rejectionReason: string | null;
  consent: boolean;
  updatedAt: string;
}

async function testimonialsList(command: Command) {
  const site = siteOf(command);
  const query = command.values.pending ? '?status=pending' : '';
  const { items } = await command.api().request<{ items: Testimonial[] }>('GET', `/sites/${path(site)}/testimonials${query}`);
  const rows = items.map((t) => [
    t.id,
    t.author,
    t.email,
    t.status,
    t.consent ? 'yes' : 'no',
    t.updatedAt.slice(0, 10),
    t.quote.replace(/\s+/g, ' '),
  ]);
  const header = ['ID', 'AUTHOR', 'E-MAIL', 'STATUS', 'PUBLISH', 'UPDATED', 'QUOTE'];
  command.io.stdout.write(table(header, rows) + `${items.length} testimonial${items.length === 1 ? '' : 's'}\n`);
}

async function testimonialsApprove(command: Command) {
  const id = oneArg(command, 'testimonial id');
  const site = siteOf(command);
  const { testimonial } = await command.api().json<{ testimonial: Testimonial }>('POST', `/sites/${path(site)}/testimonials/${path(id)}/approve`, {});
  const shown = testimonial.consent ? 'candidates see it now' : 'not shown: the author has not agreed to publish it';
  command.io.stdout.write(`Approved the testimonial of ${testimonial.author} (${shown}); they were e-mailed.\n`);
}

async function testimonialsReject(command: Command) {
  const id = oneArg(command, 'testimonial id');
  const site = siteOf(command);
  const reason = command.values.reason?.trim();
  if (!reason) throw usageError('testimonials reject needs --reason "…" (the author reads it).');
  const { testimonial } = await command
    .api()
    .json<{ testimonial: Testimonial }>('POST', `/sites/${path(site)}/testimonials/${path(id)}/reject`, { reason });
  command.io.stdout.write(`Rejected the testimonial of ${testimonial.author}; they were e-mailed the reason.\n`);
}

// ---- output and files ----

const MAX_CELL = 40;

function table(header: string[], rows: string[][]): string {
  const cells = [header, ...rows].map((row) => row.map((cell) => (cell.length > MAX_CELL ? `${cell.slice(0, MAX_CELL - 1)}…` : cell)));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)));
  return cells.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd() + '\n').join('');
}

/** A percentage on a terminal; nothing when the output goes to a file or another program. */
function progress(io: Io, label: string, total: number): (done: number) => void {
  if (!io.stderr.isTTY) return () => {};
  let shown = -1;
  return (done) => {
    const percent = total === 0 ? 100 : Math.floor((done * 100) / total);
    if (percent === shown) return;
    shown = percent;
    io.stderr.write(`\r${label} ${percent}%${percent === 100 ? '\n' : ''}`);
  };
}

async function readFileWithProgress(file: string, io: Io): Promise<Buffer> {
  try {
    const { size } = await stat(file);
    const report = progress(io, `Reading ${basename(file)}`, size);
    const chunks: Buffer[] = [];
    let read = 0;
    for await (const chunk of createReadStream(file)) {
      chunks.push(chunk as Buffer);
      read += (chunk as Buffer).length;
      report(read);
    }
    report(size);
    return Buffer.concat(chunks);
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`, EXIT.refused);
  }
}

function uploadStream(data: Buffer, report: (sent: number) => void): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= data.length) {
        report(data.length);
        controller.close();
        return;
      }
      const chunk = data.subarray(sent, sent + UPLOAD_CHUNK);
      sent += chunk.length;
      controller.enqueue(chunk);
      report(sent);
    },
  });
}

/** The process entry (`bin/hallway.js`, or this file run directly). */
export async function runFromCommandLine() {
  // `hallway people list | head` closes our stdout early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await main(process.argv.slice(2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runFromCommandLine();
