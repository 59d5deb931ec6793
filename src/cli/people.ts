import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { ImportRefusedError } from '../sdk/admin-client.js';
import { ADMIN_PAGE_MAX, IMPORT_MAX_BYTES, type AdminPerson, type PersonStatus } from '../sdk/admin-schemas.js';
import { CliError, EXIT, oneArg, siteOf, usageError, type Command, type Io } from './command.js';
import { count, progress, table } from './output.js';

const UPLOAD_CHUNK = 64 * 1024;

export async function peopleList(command: Command) {
  const site = siteOf(command);
  const api = command.api();
  // `--status` is checked by the server, which names the allowed values.
  const status = (command.values.status || undefined) as PersonStatus | undefined;
  const people: AdminPerson[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const page = await api.people.list(site, { limit: ADMIN_PAGE_MAX, status, cursor: cursor || undefined });
    people.push(...page.items);
    cursor = page.nextCursor;
  }
  const rows = people.map((p) => [
    p.id,
    p.externalId ?? '-',
    p.fullName,
    p.email,
    p.jobTitle,
    p.team ?? '-',
    p.status,
    p.invitedAt ? p.invitedAt.slice(0, 10) : 'no',
    p.showProfile ? 'yes' : 'no',
  ]);
  const header = ['ID', 'EXTERNAL ID', 'NAME', 'E-MAIL', 'JOB TITLE', 'TEAM', 'STATUS', 'INVITED', 'OPTED IN'];
  command.io.stdout.write(table(header, rows) + `${count(people.length, 'person', 'people')}\n`);
}

export async function peopleImport(command: Command) {
  const file = oneArg(command, 'file (.csv or .json)');
  const site = siteOf(command);
  const type = ({ '.csv': 'text/csv', '.json': 'application/json' } as const)[extname(file).toLowerCase()];
  if (!type) throw usageError(`people import takes a .csv or .json file, not "${basename(file)}".`);
  const api = command.api();
  const data = await readFileWithProgress(file, command.io);
  if (data.length > IMPORT_MAX_BYTES) {
    const megabytes = (bytes: number) => bytes / 1024 / 1024;
    throw new CliError(`${file} is ${megabytes(data.length).toFixed(1)} MB; an import is at most ${megabytes(IMPORT_MAX_BYTES)} MB: split the file.`, EXIT.refused);
  }
  try {
    const body = uploadStream(data, progress(command.io, `Uploading ${basename(file)}`, data.length));
    const report = await api.people.import(site, { type, body });
    command.io.stdout.write(
      `Imported ${basename(file)} into ${site}: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged (${report.total} rows).\n` +
        (report.emailChanged ? `${report.emailChanged} e-mail address(es) changed: the links sent to the old addresses and their sessions no longer work.\n` : ''),
    );
  } catch (error) {
    if (!(error instanceof ImportRefusedError)) throw error;
    throw new CliError(describeProblems(file, type, error), EXIT.refused);
  }
}

function describeProblems(file: string, type: string, error: ImportRefusedError) {
  const unit = type === 'text/csv' ? 'line' : 'item';
  const lines = error.problems.map((p) => `  ${unit} ${p.line}: ${p.field}: ${p.reason}`);
  const more = error.problemCount - lines.length;
  return [`${basename(file)} was refused: ${error.message}`, ...lines, ...(more > 0 ? [`  … and ${more} more`] : [])].join('\n');
}

export async function peopleLeave(command: Command) {
  const ref = oneArg(command, 'person (public id, external id or e-mail)');
  const site = siteOf(command);
  const inviteAlumni = command.values['invite-alumni'] === true;
  const { person } = await command.api().people.setStatus(site, ref, { status: 'left', ...(inviteAlumni && { inviteAlumni }) });
  const alumni = inviteAlumni ? ' An invitation to stay visible as alumni was e-mailed to them.' : '';
  command.io.stdout.write(`${person.fullName} <${person.email}> has left and is hidden from candidates.${alumni}\n`);
}

export async function invite(command: Command) {
  const site = siteOf(command);
  const all = command.values.all === true;
  if (all === command.args.length > 0 || command.args.length > 1) throw usageError('invite takes either --all or one person.');
  const api = command.api();
  if (all) {
    const result = await api.invite(site, { all: true });
    command.io.stdout.write(`Invited ${result.invited}; skipped ${result.skipped ?? 0} (already invited, or not current employees).\n`);
  } else {
    await api.invite(site, { person: command.args[0]! });
    command.io.stdout.write(`Invited ${command.args[0]}.\n`);
  }
}

async function readFileWithProgress(file: string, io: Io): Promise<Buffer> {
  try {
    const { size } = await stat(file);
    const report = progress(io, `Reading ${basename(file)}`, size);
    const chunks: Buffer[] = [];
    let read = 0;
    for await (const chunk of createReadStream(file)) {
      chunks.push(chunk as Buffer);
      read += (chunk as Buffer).length;
      report(read);
    }
    report(size);
    return Buffer.concat(chunks);
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`, EXIT.refused);
  }
}

function uploadStream(data: Buffer, report: (sent: number) => void): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= data.length) {
        report(data.length);
        controller.close();
        return;
      }
      const chunk = data.subarray(sent, sent + UPLOAD_CHUNK);
      sent += chunk.length;
      controller.enqueue(chunk);
      report(sent);
    },
  });
}
