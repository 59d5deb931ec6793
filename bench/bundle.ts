/**
 * 1. Bundle: what a careers page downloads for Hallway, as `npm run build:cdn` leaves it in dist/cdn.
 * The initial load is hallway.js plus every module it imports statically (the browser fetches those
 * before running it); everything else under dist/cdn is loaded on demand (dynamic import, or me.js
 * on the employee's /me page). Sizes are the minified files and their gzip at zlib's default level,
 * as tests/bundle-size.test.ts measures them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kb, passIf, type Row } from './table.js';

const BUDGET_GZIP = 25 * 1024;
const SECTION = 'bundle';

export interface BundleFile {
  file: string;
  load: 'initial' | 'lazy' | 'me';
  minified: number;
  gzip: number;
  /** Minified bytes per source package or folder (from the source map), largest first. */
  sources: Record<string, number>;
}

const STATIC_IMPORT = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w${},*\s]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*[`"'](\.{1,2}\/[^`"']+)[`"']\s*\)/g;

export function measureBundle(distDir: string): { rows: Row[]; files: BundleFile[] } {
  const source = (file: string) => readFileSync(join(distDir, file), 'utf8');
  const hallway = reachable('hallway.js', source);
  const me = existsSync(join(distDir, 'me.js')) ? reachable('me.js', source) : { initial: [], lazy: [] };
  const chunks = existsSync(join(distDir, 'chunks'))
    ? readdirSync(join(distDir, 'chunks'))
        .filter((f) => f.endsWith('.js'))
        .map((f) => `chunks/${f}`)
    : [];
  const meOnly = new Set([...me.initial, ...me.lazy].filter((f) => !hallway.initial.includes(f) && !hallway.lazy.includes(f)));
  const all = [...new Set([...hallway.initial, ...hallway.lazy, ...meOnly])];
  // vite keeps dist/cdn between builds (emptyOutDir: false): chunks of earlier builds nobody imports are left out.
  const stale = chunks.filter((f) => !all.includes(f));

  const files: BundleFile[] = all.map((file) => {
    const bytes = readFileSync(join(distDir, file));
    return {
      file,
      load: hallway.initial.includes(file) ? 'initial' : meOnly.has(file) ? 'me' : 'lazy',
      minified: bytes.length,
      gzip: gzipSync(bytes).length,
      sources: sourceShares(distDir, file),
    };
  });

  const sum = (list: BundleFile[], key: 'minified' | 'gzip') => list.reduce((total, f) => total + f[key], 0);
  const initialFiles = files.filter((f) => f.load === 'initial');
  const lazyFiles = files.filter((f) => f.load === 'lazy');
  const meFiles = files.filter((f) => f.load === 'me');
  // The dialog and its solver must not be in what every careers page loads (design: they load on the first click).
  const isContact = (f: BundleFile) => Object.keys(f.sources).some((origin) => /contact-dialog|solver/.test(origin));
  const contactChunks = lazyFiles.filter(isContact);
  const contactUpFront = initialFiles.filter(isContact);
  const size = (f: { minified: number; gzip: number }) => `${kb(f.gzip)} gz (${kb(f.minified)} min)`;

  const rows: Row[] = [
    ...initialFiles.map((f) => ({ section: SECTION, name: `initial: ${f.file}`, value: size(f), budget: '', status: 'report' as const })),
    {
      section: SECTION,
      name: `initial load total (${initialFiles.length} file${initialFiles.length === 1 ? '' : 's'})`,
      value: size({ minified: sum(initialFiles, 'minified'), gzip: sum(initialFiles, 'gzip') }),
      budget: `<= ${kb(BUDGET_GZIP)} gz`,
      status: passIf(sum(initialFiles, 'gzip') <= BUDGET_GZIP),
    },
    {
      section: SECTION,
      name: '  largest parts (minified)',
      value: topSources(initialFiles),
      budget: '',
      status: 'report',
    },
    {
      section: SECTION,
      name: 'contact dialog + solver, on demand',
      value: contactChunks.length
        ? `${size({ minified: sum(contactChunks, 'minified'), gzip: sum(contactChunks, 'gzip') })}: ${contactChunks.map((f) => f.file).join(', ')}`
        : 'no lazy chunk',
      budget: 'lazy, not in initial',
      status: passIf(contactUpFront.length === 0),
    },
    ...(contactUpFront.length
      ? [
          {
            section: SECTION,
            name: '  dialog/solver sources in initial load',
            value: contactUpFront.map((f) => f.file).join(', '),
            budget: '',
            status: 'report' as const,
          },
        ]
      : []),
    ...lazyFiles
      .filter((f) => !contactChunks.includes(f))
      .map((f) => ({ section: SECTION, name: `lazy: ${f.file}`, value: size(f), budget: '', status: 'report' as const })),
    ...(stale.length
      ? [{ section: SECTION, name: 'stale chunks (earlier builds, not imported)', value: `${stale.length}, not counted`, budget: '', status: 'report' as const }]
      : []),
    {
      section: SECTION,
      name: `me.js (/me page only, ${meFiles.length} file${meFiles.length === 1 ? '' : 's'})`,
      value: size({ minified: sum(meFiles, 'minified'), gzip: sum(meFiles, 'gzip') }),
      budget: '',
      status: 'report',
    },
  ];
  return { rows, files };
}

function topSources(files: BundleFile[], count = 5): string {
  const totals: Record<string, number> = {};
  for (const f of files) for (const [origin, bytes] of Object.entries(f.sources)) totals[origin] = (totals[origin] ?? 0) + bytes;
  return Object.entries(totals)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([origin, bytes]) => `${origin.replace(/^src\/components\//, '')} ${kb(bytes)}`)
    .join(', ');
}

/**
 * What loading `entry` fetches up front (it and its static imports, transitively) and what it may load
 * later (dynamic imports, and what those import). Paths are relative to dist/cdn.
 */
function reachable(entry: string, source: (file: string) => string) {
  const imports = (file: string, pattern: RegExp) => [...source(file).matchAll(pattern)].map((m) => posix.normalize(posix.join(posix.dirname(file), m[1]!)));
  const closure = (roots: string[], seen: Set<string>) => {
    const found: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      found.push(file);
      imports(file, STATIC_IMPORT).forEach(visit);
    };
    roots.forEach(visit);
    return found;
  };
  const seen = new Set<string>();
  const initial = closure([entry], seen);
  const lazy: string[] = [];
  for (let from = initial; from.length;) {
    from = closure(
      from.flatMap((file) => imports(file, DYNAMIC_IMPORT)),
      seen,
    );
    lazy.push(...from);
  }
  return { initial, lazy };
}

/**
 * Minified bytes per origin (an npm package, or a folder of src/), read from the file's source map:
 * each mapped segment of the generated code counts for the source it maps to, up to the next segment.
 */
function sourceShares(distDir: string, file: string): Record<string, number> {
  const mapPath = join(distDir, `${file}.map`);
  if (!existsSync(mapPath)) return {};
  const map = JSON.parse(readFileSync(mapPath, 'utf8')) as { sources: string[]; mappings: string };
  const generated = readFileSync(join(distDir, file), 'utf8').split('\n');
  const shares: Record<string, number> = {};
  let source = 0;
  map.mappings.split(';').forEach((line, lineIndex) => {
    const segments = line ? line.split(',').map(decodeVlq) : [];
    let column = 0;
    const starts: [number, number | undefined][] = [];
    for (const segment of segments) {
      column += segment[0]!;
      if (segment.length > 1) source += segment[1]!;
      starts.push([column, segment.length > 1 ? source : undefined]);
      // the source line/column/name deltas are not needed for sizes, but the source index is cumulative
    }
    const length = generated[lineIndex]?.length ?? 0;
    starts.forEach(([start, src], i) => {
      if (src === undefined) return;
      const origin = originOf(map.sources[src] ?? '?');
      shares[origin] = (shares[origin] ?? 0) + ((starts[i + 1]?.[0] ?? length) - start);
    });
  });
  return Object.fromEntries(Object.entries(shares).sort((a, b) => b[1] - a[1]));
}

function originOf(source: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg) return pkg[1]!;
  const local = /src\/(.+)\/[^/]+$/.exec(source);
  return local ? `src/${local[1]}` : source.replace(/^(\.\.\/)+/, '');
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}
