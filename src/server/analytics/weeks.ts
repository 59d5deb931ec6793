/** ISO weeks (`2026-W49`, Monday to Sunday, UTC) and the Monday (`2026-11-30`) the table stores for each. */

export const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 24 * 3600_000;

/** The last day asked and its Monday: every list served counts with today's (analytics/counter.ts). */
let last = { day: NaN, monday: '' };

/** The Monday (UTC, `YYYY-MM-DD`) of the week holding `at`. */
export function mondayOf(at: Date): string {
  const dayNumber = Math.floor(at.getTime() / DAY_MS);
  if (dayNumber === last.day) return last.monday;
  const day = (at.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()) - day * DAY_MS).toISOString().slice(0, 10);
  last = { day: dayNumber, monday };
  return monday;
}

/** `2026-11-30` → `2026-W49`: the ISO year is the one of the week's Thursday. */
export function isoWeekOf(monday: string): string {
  const thursday = new Date(Date.parse(`${monday}T00:00:00Z`) + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** `2026-W49` → `2026-11-30`; undefined for a week the year does not have. */
export function mondayOfIsoWeek(isoWeek: string): string | undefined {
  const match = ISO_WEEK.exec(isoWeek);
  if (!match) return undefined;
  const [year, week] = [Number(match[1]), Number(match[2])];
  // 4 January is always in week 1.
  const monday = Date.parse(mondayOf(new Date(Date.UTC(year, 0, 4)))) + (week - 1) * 7 * DAY_MS;
  const found = new Date(monday).toISOString().slice(0, 10);
  return week >= 1 && isoWeekOf(found) === isoWeek ? found : undefined;
}

/** The Mondays from `from` to `to`, both included. */
export function mondaysBetween(from: string, to: string): string[] {
  const mondays: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += 7 * DAY_MS) {
    mondays.push(new Date(at).toISOString().slice(0, 10));
  }
  return mondays;
}

/** The Monday `weeks` weeks before `monday`. */
export function weeksBefore(monday: string, weeks: number): string {
  return new Date(Date.parse(`${monday}T00:00:00Z`) - weeks * 7 * DAY_MS).toISOString().slice(0, 10);
}
