import type { SiteUpdate } from '../sdk/admin-schemas.js';
import { oneArg, usageError, type Command, type Values } from './command.js';
import { count, table } from './output.js';

/** The site fields the options give; `--lang` is checked by the server, which names the allowed values. */
function siteFields(values: Values): SiteUpdate {
  return {
    ...(values.name !== undefined && { name: values.name }),
    ...(values.slug !== undefined && { slug: values.slug }),
    ...(values.origin !== undefined && { allowedOrigins: values.origin }),
    ...(values.lang !== undefined && { defaultLang: values.lang as SiteUpdate['defaultLang'] }),
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
  if (Object.keys(fields).length === 0 && !added) throw usageError('Nothing to update: give --name, --slug, --origin, --add-origin or --lang.');
  const api = command.api();
  if (added) {
    const current = fields.allowedOrigins ?? (await api.sites.list()).items.find((site) => site.slug === slug)?.allowedOrigins ?? [];
    fields.allowedOrigins = [...new Set([...current, ...added])];
  }
  const site = await api.sites.update(slug, fields);
  command.io.stdout.write(`Updated site ${site.slug} (${site.name}).\n`);
}
