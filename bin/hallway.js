#!/usr/bin/env node
// The `hallway` admin CLI, run from the sources (TypeScript through tsx): `npx hallway help`.
import { register } from 'tsx/esm/api';

register();
const { runFromCommandLine } = await import('../src/server/cli.ts');
await runFromCommandLine();
