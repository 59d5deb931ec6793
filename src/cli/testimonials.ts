import { oneArg, siteOf, usageError, type Command } from './command.js';
import { count, table } from './output.js';

export async function testimonialsList(command: Command) {
  const site = siteOf(command);
  const { items } = await command.api().testimonials.list(site, command.values.pending ? { status: 'pending' } : {});
  const rows = items.map((t) => [t.id, t.author, t.email, t.status, t.consent ? 'yes' : 'no', t.updatedAt.slice(0, 10), t.quote.replace(/\s+/g, ' ')]);
  const header = ['ID', 'AUTHOR', 'E-MAIL', 'STATUS', 'PUBLISH', 'UPDATED', 'QUOTE'];
  command.io.stdout.write(table(header, rows) + `${count(items.length, 'testimonial')}\n`);
}

export async function testimonialsApprove(command: Command) {
  const id = oneArg(command, 'testimonial id');
  const site = siteOf(command);
  const { testimonial } = await command.api().testimonials.approve(site, id);
  const shown = testimonial.consent ? 'candidates see it now' : 'not shown: the author has not agreed to publish it';
  command.io.stdout.write(`Approved the testimonial of ${testimonial.author} (${shown}); they were e-mailed.\n`);
}

export async function testimonialsReject(command: Command) {
  const id = oneArg(command, 'testimonial id');
  const site = siteOf(command);
  const reason = command.values.reason?.trim();
  if (!reason) throw usageError('testimonials reject needs --reason "…" (the author reads it).');
  const { testimonial } = await command.api().testimonials.reject(site, id, reason);
  command.io.stdout.write(`Rejected the testimonial of ${testimonial.author}; they were e-mailed the reason.\n`);
}
