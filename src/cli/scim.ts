/** `hallway scim tokens create|list|revoke --site <slug>`: the bearer tokens an identity provider provisions a site with. */
import { oneArg, siteOf, usageError, type Command } from './command.js';
import { count, table } from './output.js';

const date = (iso: string | null) => iso?.slice(0, 16).replace('T', ' ') ?? '-';

const ACTIONS: Record<string, (command: Command) => Promise<void>> = { list, create, revoke };

export async function scimTokens(command: Command) {
  const [action, ...args] = command.args;
  const run = action ? ACTIONS[action] : undefined;
  if (!run) throw usageError(`scim tokens needs create, list or revoke${action ? `, not "${action}"` : ''}.`);
  await run({ ...command, args });
}

async function list(command: Command) {
  const { items } = await command.api().scimTokens.list(siteOf(command));
  const rows = items.map((token) => [
    token.id,
    token.name,
    `${token.prefix}…`,
    token.createdBy ?? '-',
    date(token.lastUsedAt),
    token.revokedAt ? `revoked ${date(token.revokedAt)}` : 'active',
  ]);
  command.io.stdout.write(table(['ID', 'NAME', 'TOKEN', 'CREATED BY', 'LAST USED', 'STATUS'], rows) + `${count(items.length, 'token')}\n`);
}

async function create(command: Command) {
  const name = oneArg(command, 'token name, e.g. Okta (quote it if it has spaces)');
  const site = siteOf(command);
  const { token, secret, baseUrl } = await command.api().scimTokens.create(site, { name });
  command.io.stdout.write(
    `Created the SCIM token "${token.name}" (id ${token.id}) for ${site}. Its secret, shown this once:\n  ${secret}\n` +
      `In the identity provider: base URL ${baseUrl}, authentication "Bearer" with this secret.\n` +
      `Revoke it with: hallway scim tokens revoke ${token.id} --site ${site}\n`,
  );
}

async function revoke(command: Command) {
  const token = await command.api().scimTokens.revoke(siteOf(command), oneArg(command, 'token id'));
  command.io.stdout.write(`Revoked the SCIM token "${token.name}" (id ${token.id}): it no longer works.\n`);
}
