import { loadConfig } from './config.js';
import { showAdminKey } from './admin/keys.js';
import { startServer } from './server.js';
import { fileURLToPath } from 'node:url';
import { DEMO_ADMIN_EMAIL, seedDemo } from '../../demo/seed.js';

// The demo careers site is the deployment's choice, not the server's: seeded into an empty database
// and served at `/`. (This file runs from src/server or, compiled by `npm start`, from dist/server.)
const demo = { seed: seedDemo, dir: fileURLToPath(new URL('../../demo', import.meta.url)) };

let config;
try {
  // `--dev-outbox` (in `npm start`): HALLWAY_DEV_OUTBOX=1 on every platform's shell.
  config = loadConfig(process.argv.includes('--dev-outbox') ? { ...process.env, HALLWAY_DEV_OUTBOX: '1' } : process.env);
} catch (error) {
  console.error(`Hallway cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const server = await startServer(config, { demo });
if (server.seeded) console.log(`Seeded the demo site "${server.seeded.slug}" with ${server.seeded.people} people.`);
if (server.createdAdminKey) console.log(showAdminKey(server.createdAdminKey, Boolean(process.stdout.isTTY)));
console.log(`
Hallway is running on ${server.url}
  Demo careers site  ${config.publicUrl}/
  A job page         ${config.publicUrl}/jobs/front-desk-agent-london.html
  In French          ${config.publicUrl}/jobs/receptionniste-lyon.html
  Employee page      ${config.publicUrl}/me
  HR workspace       ${config.publicUrl}/admin   (the demo owner signs in as ${DEMO_ADMIN_EMAIL})
  API description    ${config.publicUrl}/v1/openapi.json${config.devOutbox ? `\n  Dev outbox         ${config.publicUrl}/dev/outbox   (HALLWAY_DEV_OUTBOX=1: e-mails land here)` : ''}
  Embed snippet      <script type="module" src="${config.publicUrl}/hallway.js"></script>
Press Ctrl+C to stop.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
