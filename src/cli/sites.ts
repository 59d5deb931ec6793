import type { SiteUpdate } from '../sdk/admin-schemas.js';
import { oneArg, usageError, type Command, type Values } from './command.js';
import { count, table } from './output.js';

/** `none` clears an optional setting. */
const orNull = (value: string) => (value === 'none' ? null : value);

/** The site fields the options give; the server checks the values (`--lang`, `--accent`, …) and names what it takes. */
function siteFields(values: Values): SiteUpdate {
  return {
    ...(values.name !== undefined && { name: values.name }),
    ...(values.slug !== undefined && { slug: values.slug }),
    ...(values.origin !== undefined && { allowedOrigins: values.origin }),
    ...(values.lang !== undefined && { defaultLang: values.lang as SiteUpdate['defaultLang'] }),
    ...(values.accent !== undefined && { accentColor: orNull(values.accent) }),
    ...(values['careers-url'] !== undefined && { careersUrl: orNull(values['careers-url']) }),
  };
}

export async function sitesList(command: Command) {
  const { items } = await command.api().sites.list();
  const rows = items.map((site) => [site.slug, site.name, site.defaultLang, site.allowedOrigins.join(' ') || '-']);
  command.io.stdout.write(table(['SLUG', 'NAME', 'LANG', 'ALLOWED ORIGINS'], rows) + `${count(items.length, 'site')}\n`);
}

export async function sitesCreate(command: Command) {
  const slug = oneArg(command, 'site slug');
  const { name } = command.values;
  if (name === undefined) throw usageError('sites create needs --name "The company name".');
  const site = await command.api().sites.create({ ...siteFields(command.values), name, slug });
  command.io.stdout.write(`Created site ${site.slug} (${site.name}).\n`);
}

export async function sitesUpdate(command: Command) {
  const slug = oneArg(command, 'site slug');
  const fields = siteFields(command.values);
  const added = command.values['add-origin'];
  if (Object.keys(fields).length === 0 && !added) throw usageError('Nothing to update: give --name, --slug, --origin, --add-origin, --lang, --accent or --careers-url.');
  const api = command.api();
  if (added) {
    const current = fields.allowedOrigins ?? (await api.sites.list()).items.find((site) => site.slug === slug)?.allowedOrigins ?? [];
    fields.allowedOrigins = [...new Set([...current, ...added])];
  }
  const site = await api.sites.update(slug, fields);
  command.io.stdout.write(`Updated site ${site.slug} (${site.name}).\n`);
}
