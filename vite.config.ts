import { defineConfig, type UserConfig } from 'vite';

/** The npm entry points; their dependencies are left to the app's bundler. */
const libraryEntries: Record<string, string> = {
  index: 'src/components/index.ts',
  sdk: 'src/sdk/index.ts',
  provider: 'src/components/provider/provider.ts',
  'people-grid': 'src/components/people-grid/people-grid.ts',
  'person-card': 'src/components/person-card/person-card.ts',
  'contact-button': 'src/components/contact-button/contact-button.ts',
  'profile-editor': 'src/components/profile-editor/profile-editor.ts',
  questions: 'src/components/questions/questions.ts',
};

/** dist/cdn/hallway.js: the one-script-tag bundle, every element, the SDK and their dependencies, minified. */
const cdn: UserConfig = {
  build: {
    outDir: 'dist/cdn',
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: false, // me.js is built beside it
    // As a library: Vite then wraps no dynamic import in its module-preload helper (0.7 KB gzipped that
    // would preload nothing: the chunks loaded on demand need nothing hallway.js has not loaded).
    lib: { entry: { hallway: 'src/hallway.ts' }, formats: ['es'] },
    rollupOptions: {
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        minify: true,
        comments: false,
        // Everything hallway.js loads up front in one chunk: left alone, Rolldown splits the modules a lazy chunk
        // shares with it into several small chunks, and each costs gzip context and import wiring (25.0 → 22.6 KB).
        // Not in hallway.js itself: the lazy chunks import it, and a page that loads /hallway@<version>.js would
        // then load /hallway.js a second time.
        codeSplitting: { groups: [{ name: 'hallway-core', tags: ['$initial'], test: (id: string) => !/[\\/]src[\\/]hallway\.ts$/.test(id) }] },
      },
    },
  },
};

/** dist/cdn/me.js: the employee's /me page, built apart so candidates' pages never load the editor. */
const me: UserConfig = {
  build: {
    outDir: 'dist/cdn',
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: false,
    rollupOptions: {
      input: { me: 'src/me.ts' },
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/me-[name]-[hash].js' },
    },
  },
};

/** dist/cdn/admin.js: the HR workspace at /admin, built apart so careers pages never load it. */
const admin: UserConfig = {
  build: {
    outDir: 'dist/cdn',
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: false,
    rollupOptions: {
      input: { admin: 'src/admin.ts' },
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/admin-[name]-[hash].js' },
    },
  },
};

/** dist/lib: the npm entry points, unminified, dependencies external. */
const lib: UserConfig = {
  build: {
    outDir: 'dist/lib',
    target: 'es2022',
    minify: false,
    sourcemap: true,
    emptyOutDir: true,
    lib: { entry: libraryEntries, formats: ['es'] },
    rollupOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^ky$/, /^zod($|\/)/],
      output: { chunkFileNames: 'shared/[name]-[hash].js' },
    },
  },
};

/**
 * dist/cli/cli.js: the `hallway` admin CLI for the npm package, compiled from src/cli and whatever it
 * imports (the SDK's admin client); packages stay external (so they must be `dependencies`).
 */
const cli: UserConfig = {
  build: {
    ssr: true,
    outDir: 'dist/cli',
    target: 'node20',
    minify: false,
    emptyOutDir: true,
    rollupOptions: { input: { cli: 'src/cli/main.ts' } },
  },
};

/** `vite build` → cdn, `--mode me` → me, `--mode admin` → admin, `--mode lib` → lib, `--mode cli` → cli. */
export default defineConfig(({ mode }) => ({ lib, me, admin, cli })[mode] ?? cdn);
