/** `hallway keys …`: named API keys with scopes, for scripts and this CLI. */
import { AdminScope } from '../sdk/admin-schemas.js';
import { oneArg, usageError, type Command } from './command.js';
import { count, table } from './output.js';

const date = (iso: string | null) => iso?.slice(0, 16).replace('T', ' ') ?? '-';

export async function keysList(command: Command) {
  const { items } = await command.api().keys.list();
  const rows = items.map((key) => [
    key.id,
    key.name,
    key.scopes.join(','),
    `${key.prefix}…`,
    key.createdBy ?? 'bootstrap',
    date(key.lastUsedAt),
    key.revokedAt ? `revoked ${date(key.revokedAt)}` : 'active',
  ]);
  command.io.stdout.write(table(['ID', 'NAME', 'SCOPES', 'KEY', 'CREATED BY', 'LAST USED', 'STATUS'], rows) + `${count(items.length, 'key')}\n`);
}

export async function keysCreate(command: Command) {
  const name = oneArg(command, 'key name (quote it if it has spaces)');
  const scopes = (command.values.scope ?? [])
    .flatMap((list) => list.split(','))
    .map((scope) => scope.trim())
    .filter(Boolean);
  const unknown = scopes.find((scope) => !AdminScope.safeParse(scope).success);
  if (scopes.length === 0 || unknown) {
    throw usageError(`${unknown ? `"${unknown}" is not a scope. ` : ''}keys create needs --scope, a list among ${AdminScope.options.join(',')}.`);
  }
  const { key, secret } = await command.api().keys.create({ name, scopes: scopes as AdminScope[] });
  command.io.stdout.write(
    `Created the key "${key.name}" (id ${key.id}) with ${key.scopes.join(', ')}. Its secret, shown this once:\n  ${secret}\n` +
      `Keep it as HALLWAY_ADMIN_KEY where the script runs; revoke it with: hallway keys revoke ${key.id}\n`,
  );
}

export async function keysRevoke(command: Command) {
  const key = await command.api().keys.revoke(oneArg(command, 'key id'));
  command.io.stdout.write(`Revoked the key "${key.name}" (id ${key.id}): it no longer works.\n`);
}
