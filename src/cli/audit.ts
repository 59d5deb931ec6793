/** `hallway audit`: who did what in the admin API, newest first; `--csv` writes the whole log as CSV. */
import { count, table } from './output.js';
import type { Command } from './command.js';

/** The table shows the latest lines; the CSV has them all. */
const SHOWN = 100;

export async function audit(command: Command) {
  const api = command.api();
  if (command.values.csv) {
    command.io.stdout.write(await api.auditCsv());
    return;
  }
  const { items, nextCursor } = await api.audit({ limit: SHOWN });
  const rows = items.map((entry) => [entry.at.slice(0, 19).replace('T', ' '), entry.actor.label, entry.action, entry.site ?? '-', entry.target ?? '-']);
  const more = nextCursor ? ` (the latest; hallway audit --csv > audit.csv has them all)` : '';
  command.io.stdout.write(table(['AT (UTC)', 'WHO', 'ACTION', 'SITE', 'TARGET'], rows) + `${count(items.length, 'line')}${more}\n`);
}
