// Browser tests: real Chromium (Debian's package), TypeScript through esbuild, msw's worker served at /.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const require = createRequire(import.meta.url);
// msw's worker claims pages only when it activates; a page whose navigation began before that stays
// uncontrolled, and msw reloads it. The extra listener lets such a page ask to be claimed.
const mswWorker = `${readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8')}
addEventListener('message', (event) => {
  if (event.data === 'hallway:claim') event.waitUntil(self.clients.claim());
});
`;

/** Serves msw's service worker at the root, so it may control every test page. */
const mswWorkerPlugin = {
  name: 'msw-worker',
  serve(context) {
    if (context.path === '/mockServiceWorker.js') return { body: mswWorker, type: 'js' };
  },
};

export default {
  files: ['src/**/*.test.ts', '!src/server/**', '!src/cli/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), mswWorkerPlugin],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      },
    }),
  ],
  concurrency: 2,
  // Generous: on a busy 2-core machine, a test file's hooks (msw's worker starting) took over 5 s.
  testFramework: { config: { timeout: 10_000 } },
  // msw reloads a page that is not yet controlled by its worker once another page has registered it,
  // which interrupts the tests (two pages run at a time). So every page first gets itself controlled.
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en"><body><script type="module">
      const { serviceWorker } = navigator;
      if (!serviceWorker.controller) {
        const controlled = new Promise((resolve) => serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
        await serviceWorker.register('/mockServiceWorker.js');
        (await serviceWorker.ready).active.postMessage('hallway:claim');
        await controlled;
      }
      await import('${testFramework}');
    </script></body></html>`,
};
