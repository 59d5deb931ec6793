/** `hallway admins …`: the HR workspace's accounts (an owner's key, or one with the `admins` scope). */
import { AdminRole } from '../sdk/admin-schemas.js';
import { oneArg, usageError, type Command } from './command.js';
import { count, table } from './output.js';

export async function adminsList(command: Command) {
  const { items } = await command.api().users.list();
  const rows = items.map((user) => [user.id, user.email, user.name ?? '-', user.role, user.lastSignInAt?.slice(0, 16).replace('T', ' ') ?? 'never']);
  command.io.stdout.write(table(['ID', 'E-MAIL', 'NAME', 'ROLE', 'LAST SIGN-IN'], rows) + `${count(items.length, 'admin')}\n`);
}

export async function adminsAdd(command: Command) {
  const email = oneArg(command, 'e-mail address');
  const role = command.values.role;
  if (!role || !AdminRole.safeParse(role).success) throw usageError(`admins add needs --role ${AdminRole.options.join('|')}.`);
  const user = await command.api().users.create({ email, role: role as AdminRole, ...(command.values.name !== undefined && { name: command.values.name }) });
  command.io.stdout.write(`Added ${user.email} as ${user.role} (id ${user.id}). They sign in at /admin/sign-in with this address.\n`);
}

/** By id or e-mail address: the address is what people know. */
export async function adminsRemove(command: Command) {
  const ref = oneArg(command, 'admin id or e-mail address');
  const api = command.api();
  const id = ref.includes('@') ? (await api.users.list()).items.find((user) => user.email === ref.toLowerCase())?.id : ref;
  if (!id) throw usageError(`No admin has the address ${ref}.`);
  await api.users.remove(id);
  command.io.stdout.write(`Removed ${ref}: their sessions ended; their lines in the audit log stay.\n`);
}
