// `npm start`: builds what is stale, then runs the server, in plain Node (no tsx).
//  - dist/cdn (the widgets' bundle): rebuilt with `npm run build:cdn` when its sources changed;
//  - dist/server/main.js (src/server/main.ts compiled, packages external): rebuilt with Vite when its
//    sources changed.
// "Changed" is a hash of the sources' contents, kept in dist/.start-*.hash after each build: a checkout
// that only touches files' dates rebuilds nothing, and any edit rebuilds.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (...path) => join(root, ...path);
const CONFIG_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'vite.config.ts'];
const isTest = (file) => /\.test\.ts$/.test(file);

const targets = [
  {
    name: 'cdn',
    outputs: ['dist/cdn/hallway.js', 'dist/cdn/me.js'],
    // What the widgets' bundle is made of: everything under src but the server.
    sources: () => [...files('src', (file) => !file.startsWith('src/server/') && !isTest(file)), ...CONFIG_FILES],
    build: () => run('npm', ['run', 'build:cdn']),
  },
  {
    name: 'server',
    outputs: ['dist/server/main.js'],
    sources: () => [...files('src', (file) => !isTest(file)), ...files('demo', (file) => /\.(ts|js|json)$/.test(file)), ...CONFIG_FILES],
    build: buildServer,
  },
];

for (const target of targets) {
  const stamp = at('dist', `.start-${target.name}.hash`);
  const hash = hashOf(target.sources());
  const built = target.outputs.every((file) => existsSync(at(file))) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash;
  if (built) continue;
  console.log(`Building ${target.name} (its sources changed)…`);
  await target.build();
  mkdirSync(at('dist'), { recursive: true });
  writeFileSync(stamp, hash);
}

await import(pathToFileURL(at('dist/server/main.js')).href);

/** Every file under `dir` (relative to the root, `/`-separated) that `keep` accepts, in a stable order. */
function files(dir, keep) {
  return readdirSync(at(dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .filter(keep)
    .sort();
}

function hashOf(paths) {
  const hash = createHash('sha256');
  for (const path of paths)
    hash
      .update(`${path}\0`)
      .update(existsSync(at(path)) ? readFileSync(at(path)) : '')
      .update('\0');
  return hash.digest('hex');
}

function run(command, args) {
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (status !== 0) process.exit(status ?? 1);
}

async function buildServer() {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    // Pure-JS packages of many small modules are bundled in: loading hundreds of files costs more than
    // the server's own work at start. The others (native code, wasm, dynamic requires) stay external.
    ssr: { noExternal: /^(hono|@hono\/node-server|kysely|zod|altcha-lib|csv-parse)(\/|$)/ },
    build: { ssr: 'src/server/main.ts', outDir: 'dist/server', target: 'node20', minify: false, emptyOutDir: true, sourcemap: true },
  });
}
