import { FeedKind, type JobFeed } from '../sdk/admin-schemas.js';
import { CliError, EXIT, oneArg, siteOf, usageError, type Command } from './command.js';

const SUBCOMMANDS = ['set', 'fetch', 'status', 'remove'];

/** `hallway jobs feed set <url> | fetch | status | remove --site <slug>`. */
export async function jobsFeed(command: Command) {
  const [action = '', ...args] = command.args;
  if (!SUBCOMMANDS.includes(action)) throw usageError(`jobs feed needs one of: ${SUBCOMMANDS.join(', ')}.`);
  const site = siteOf(command);
  const api = command.api();
  const out = (text: string) => command.io.stdout.write(text);
  if (action === 'set') {
    const url = oneArg({ ...command, args }, 'feed URL');
    const kind = command.values.kind ?? 'auto';
    if (!FeedKind.safeParse(kind).success) throw usageError(`--kind must be one of ${FeedKind.options.join(', ')}, not "${kind}".`);
    const every = command.values.every;
    const feed = await api.jobFeed.set(site, { url, kind: kind as JobFeed['kind'], ...(every !== undefined && { intervalMinutes: Number(every) }) });
    return void out(
      `Job feed of ${site} set: ${feed.url} (${feed.kind}, every ${feed.intervalMinutes} min). First fetch within a minute; or run hallway jobs feed fetch.\n`,
    );
  }
  if (action === 'remove') {
    await api.jobFeed.remove(site);
    return void out(`Job feed of ${site} removed, and its jobs with it.\n`);
  }
  const feed = action === 'fetch' ? await api.jobFeed.fetch(site) : await api.jobFeed.get(site);
  if (!feed) return void out(`${site} has no job feed. Set one with hallway jobs feed set <url> --site ${site}.\n`);
  out(describeFeed(feed));
  if (action === 'fetch' && !['ok', 'not_modified'].includes(feed.status)) throw new CliError('', EXIT.refused);
}

export function describeFeed(feed: JobFeed): string {
  const kind = feed.kind === 'auto' && feed.detectedKind ? `auto: ${feed.detectedKind}` : feed.kind;
  const jobs = feed.jobCount === null ? '' : `, ${feed.jobCount} job${feed.jobCount === 1 ? '' : 's'}`;
  return [
    `Feed:          ${feed.url} (${kind}, every ${feed.intervalMinutes} min)`,
    `Status:        ${feed.status}${jobs}${feed.message ? ` (${feed.message})` : ''}`,
    `Last attempt:  ${feed.lastAttemptAt ?? 'never'}`,
    `Last success:  ${feed.lastSuccessAt ?? 'never'}`,
    `Next fetch:    ${feed.nextFetchAt}`,
    '',
  ].join('\n');
}
