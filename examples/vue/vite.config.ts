import { defineConfig } from 'vite';

// No plugin needed: Vite compiles the TSX with Vue's JSX runtime (`vue/jsx-runtime`).
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'vue' } },
  // What @vitejs/plugin-vue would define; Vue's bundler build warns when they are missing.
  define: {
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
