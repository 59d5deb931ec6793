import { loadConfig } from './config.js';
import { startServer } from './server.js';

const config = loadConfig();
const server = await startServer(config);
if (server.seeded) console.log(`Seeded the demo site "${server.seeded.slug}" with ${server.seeded.people} people.`);
console.log(`
Hallway is running on ${server.url}
  Demo careers site  ${config.publicUrl}/
  A job page         ${config.publicUrl}/jobs/front-desk-agent-london.html
  In French          ${config.publicUrl}/jobs/receptionniste-lyon.html
  API description    ${config.publicUrl}/v1/openapi.json
  Embed snippet      <script type="module" src="${config.publicUrl}/hallway.js"></script>
Press Ctrl+C to stop.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
