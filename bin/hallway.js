#!/usr/bin/env node
// The `hallway` admin CLI: `npx hallway help`. In a clone it runs the sources through tsx, so it is never
// a stale build; the npm package has no sources and runs the compiled dist/cli/cli.js (built from src/cli) with plain Node.
import { existsSync } from 'node:fs';

const sources = new URL('../src/cli/main.ts', import.meta.url);
let cli;
if (existsSync(sources)) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(sources.href);
} else {
  cli = await import('../dist/cli/cli.js');
}
await cli.runFromCommandLine();
