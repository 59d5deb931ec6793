import { loadConfig } from './config.js';
import { startServer } from './server.js';

const config = loadConfig();
const server = await startServer(config);
if (server.seeded) console.log(`Seeded the demo site "${server.seeded.slug}" with ${server.seeded.people} people.`);
if (server.createdAdminKey) {
  console.log(`
Admin key (shown this once; only its hash is stored):
  ${server.createdAdminKey}
  Use it as HALLWAY_ADMIN_KEY for the CLI: HALLWAY_ADMIN_KEY=${server.createdAdminKey} npx hallway sites list`);
}
console.log(`
Hallway is running on ${server.url}
  Demo careers site  ${config.publicUrl}/
  A job page         ${config.publicUrl}/jobs/front-desk-agent-london.html
  In French          ${config.publicUrl}/jobs/receptionniste-lyon.html
  Employee page      ${config.publicUrl}/me
  API description    ${config.publicUrl}/v1/openapi.json${config.smtpUrl ? '' : `\n  Dev outbox         ${config.publicUrl}/dev/outbox   (no SMTP_URL: e-mails land here)`}
  Embed snippet      <script type="module" src="${config.publicUrl}/hallway.js"></script>
Press Ctrl+C to stop.`);

if (!config.smtpUrl && !['127.0.0.1', 'localhost', '::1'].includes(config.host)) {
  console.warn('Warning: no SMTP_URL, so sign-in links are readable by anyone at /dev/outbox. Set SMTP_URL before opening this server to others.');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
