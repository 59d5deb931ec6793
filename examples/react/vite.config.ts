import { defineConfig } from 'vite';

// No plugin needed to build: Vite compiles TSX with React's automatic JSX runtime.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
