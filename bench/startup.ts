/**
 * `npm start`, as a person types it: the time from the command to the first 200 from /healthz.
 * (a) on a fresh data directory (builds the bundle when it is stale, migrates, seeds the demo), once;
 * (b) again on the same data with nothing changed, `RUNS` times (median). The budget is (b).
 * (c) for comparison in the same run, the start before issue 19 (the bundle rebuilt, the server run by tsx).
 * Run alone with `node --import tsx bench/startup.ts`; it uses this checkout's dist/cdn.
 *
 *   import { measureStartup } from './startup.js';
 *   await part('startup', measureStartup);
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../tests/support/node/harness.js';
import { median, ms, passIf, type Row } from './table.js';

const SECTION = 'startup';
const RUNS = 5;
const BUDGET_MS = 1_500;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NPM_START = ['npm', 'start'];
const FORMER_START = ['sh', '-c', 'npm run build:cdn && exec node --import tsx src/server/main.ts --dev-outbox'];

export async function measureStartup(): Promise<{ rows: Row[]; details: unknown }> {
  const data = mkdtempSync(join(tmpdir(), 'hallway-bench-startup-'));
  try {
    const fresh = await timeStart(data, NPM_START);
    const again: Start[] = [];
    for (let i = 0; i < RUNS; i++) again.push(await timeStart(data, NPM_START));
    const former: Start[] = [];
    for (let i = 0; i < 3; i++) former.push(await timeStart(data, FORMER_START));
    // The former start rebuilt dist/cdn: the next `npm start` finds its stamp stale and builds it once.
    await timeStart(data, NPM_START);
    const wall = (starts: Start[]) => median(starts.map((start) => start.wallMs));
    const cpu = (starts: Start[]) => median(starts.map((start) => start.cpuMs));
    const show = (starts: Start[]) => `${ms(wall(starts), 0)} (CPU ${ms(cpu(starts), 0)}; ${starts.map((s) => s.wallMs.toFixed(0)).join(', ')})`;
    const rows: Row[] = [
      { section: SECTION, name: '(a) npm start, fresh data (builds, seeds the demo)', value: show([fresh]), budget: '', status: 'report' },
      {
        section: SECTION,
        name: `(b) npm start, existing data, nothing changed (median of ${RUNS})`,
        value: show(again),
        budget: `<= ${ms(BUDGET_MS, 0)}`,
        status: passIf(wall(again) <= BUDGET_MS),
      },
      { section: SECTION, name: '(c) former start: build:cdn + tsx, same data (median of 3)', value: show(former), budget: '', status: 'report' },
      {
        section: SECTION,
        name: '    (b) / (c), wall and CPU',
        value: `${(wall(again) / wall(former)).toFixed(2)}×, CPU ${(cpu(again) / cpu(former)).toFixed(2)}×`,
        budget: '',
        status: 'report',
      },
    ];
    return { rows, details: { fresh, again, former } };
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

interface Start {
  wallMs: number;
  /** CPU time of npm and the processes it started, until the first 200 (NaN without /proc). */
  cpuMs: number;
}

/** From spawning the command to a 200 from /healthz; the server is stopped after. */
async function timeStart(dataDir: string, [command, ...args]: string[]): Promise<Start> {
  const port = await freePort();
  const start = performance.now();
  const child = spawn(command!, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATABASE_URL: dataDir, HALLWAY_ADMIN_KEY: 'bench-admin-key-0123456789abcdef' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true, // its own process group: npm, sh and node are stopped together
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  try {
    await Promise.race([untilHealthy(`http://127.0.0.1:${port}/healthz`), exited]);
    return { wallMs: performance.now() - start, cpuMs: cpuMsOfGroup(child.pid!) };
  } finally {
    exited.catch(() => {});
    await stop(child.pid!);
  }
}

/**
 * CPU time (user + system) the group's live processes used so far, from /proc: less noisy than wall
 * time on a shared machine. NaN where /proc is not there. (npm, sh and node; not exited children.)
 */
function cpuMsOfGroup(pgid: number): number {
  if (!existsSync('/proc/self/stat')) return NaN;
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
        .replace(/^.*\) /, '')
        .split(' ');
      // After "pid (comm) ": state ppid pgrp session … utime(12) stime(13) cutime(14) cstime(15)
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks / ticksPerMs;
}

async function untilHealthy(url: string) {
  for (;;) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** SIGTERM to the group (the server flushes PGlite and exits), SIGKILL if it lingers; resolves once all are gone. */
async function stop(pid: number) {
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (alive()) process.kill(-pid, 'SIGTERM');
  const deadline = performance.now() + 10_000;
  while (alive()) {
    if (performance.now() > deadline) process.kill(-pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatTable } = await import('./table.js');
  const { rows } = await measureStartup();
  console.log(formatTable(rows));
}
