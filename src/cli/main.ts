/**
 * `hallway`: the admin CLI. It only speaks the admin HTTP API, through the SDK's admin client, so it
 * works against any Hallway server it can reach, local or not.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { config as zodConfig, locales } from 'zod/mini';
import { createAdminClient, type AdminClient } from '../sdk/admin-client.js';
import { NetworkError, SchemaError, isHttpError } from '../sdk/errors.js';
import { CliError, EXIT, OPTIONS, USAGE, oneArg, serverUrl, usageError, type Command, type Handler, type Io, type Values } from './command.js';
import { adminsAdd, adminsList, adminsRemove } from './admins.js';
import { audit } from './audit.js';
import { doctor } from './doctor.js';
import { jobsFeed } from './job-feed.js';
import { keysCreate, keysList, keysRevoke } from './keys.js';
import { invite, peopleImport, peopleLeave, peopleList } from './people.js';
import { scimTokens } from './scim.js';
import { sitesCreate, sitesList, sitesUpdate } from './sites.js';
import { sitesOidc } from './oidc.js';
import { testimonialsApprove, testimonialsList, testimonialsReject } from './testimonials.js';

// zod/mini loads no locale: say in English how an answer is off the contract.
zodConfig(locales.en());

const COMMANDS: Record<string, Handler> = {
  'sites list': sitesList,
  'sites create': sitesCreate,
  'sites update': sitesUpdate,
  'sites oidc': sitesOidc,
  'people list': peopleList,
  'people import': peopleImport,
  'people leave': peopleLeave,
  invite,
  'testimonials list': testimonialsList,
  'testimonials approve': testimonialsApprove,
  'testimonials reject': testimonialsReject,
  'admins list': adminsList,
  'admins add': adminsAdd,
  'admins remove': adminsRemove,
  'keys list': keysList,
  'keys create': keysCreate,
  'keys revoke': keysRevoke,
  audit,
  doctor: runDoctor,
  'jobs feed': jobsFeed,
  'scim tokens': scimTokens,
};

/** Runs one command line; resolves to the exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, io: Io = process): Promise<number> {
  let client: AdminClient | undefined;
  try {
    const { values, positionals } = parseCommandLine(argv);
    if (values.help || positionals.length === 0 || positionals[0] === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    const [name, handler] = findCommand(positionals);
    const args = positionals.slice(name.split(' ').length);
    await handler({ args, values, env, io, api: () => (client ??= adminClient(values, env)) });
    return EXIT.ok;
  } catch (error) {
    const failure = toCliError(error, client?.baseUrl);
    if (failure.message) io.stderr.write(`${failure.message}\n`);
    return failure.exitCode;
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
  for (const name of [two, positionals[0] ?? '']) {
    const handler = COMMANDS[name];
    if (handler) return [name, handler];
  }
  throw usageError(`Unknown command "${two}".`);
}

function adminClient(values: Values, env: NodeJS.ProcessEnv): AdminClient {
  const baseUrl = serverUrl(values, env);
  const key = values.key ?? env.HALLWAY_ADMIN_KEY;
  if (!key) {
    throw new CliError(
      'No admin key. Set HALLWAY_ADMIN_KEY to an API key (hallway keys create, or the HR workspace), or to the key the server printed on its first start (or the HALLWAY_ADMIN_KEY it runs with), or pass --key.',
      EXIT.usage,
    );
  }
  // No timeout: a large import takes the time it takes, as with curl.
  return createAdminClient({ baseUrl, key, timeout: false });
}

/** The SDK's typed errors, as the admin reads them; anything else is a bug and goes up with its stack. */
function toCliError(error: unknown, baseUrl: string | undefined): CliError {
  if (error instanceof CliError) return error;
  if (isHttpError(error)) {
    // The SDK's code for an error answer without a Hallway error body.
    if (error.code === `http_${error.status}`) {
      return new CliError(`Error: HTTP ${error.status} from ${baseUrl}, which does not look like a Hallway server.`, EXIT.refused);
    }
    const hint = error.code === 'unauthorized' ? '\nCheck HALLWAY_ADMIN_KEY (or --key): it must be a key this server knows.' : '';
    return new CliError(`Error: ${error.code}: ${error.message}${hint}`, EXIT.refused);
  }
  if (error instanceof NetworkError) {
    const failure = error.cause as { message?: string; cause?: { code?: string; message?: string } } | undefined;
    const why = failure?.cause?.code ?? failure?.cause?.message ?? failure?.message;
    return new CliError(`Cannot reach the Hallway server at ${baseUrl} (${why}). Is it running? Set HALLWAY_URL or --url.`, EXIT.unreachable);
  }
  if (error instanceof SchemaError) {
    return new CliError(`Error: ${error.message}\n${baseUrl} does not answer as a Hallway server of this CLI's version does.`, EXIT.refused);
  }
  throw error;
}

async function runDoctor(command: Command) {
  const { values, env, io } = command;
  const pageUrl = oneArg(command, 'careers page URL');
  if (!URL.canParse(pageUrl) || !/^https?:$/.test(new URL(pageUrl).protocol)) throw usageError(`"${pageUrl}" is not an http(s) URL.`);
  const result = await doctor({ pageUrl, hallwayUrl: serverUrl(values, env), ...(values.site && { site: values.site }), out: io.stdout });
  if (result !== 'ok') throw new CliError('', result === 'unreachable' ? EXIT.unreachable : EXIT.refused);
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
