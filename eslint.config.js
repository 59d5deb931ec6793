// ESLint: `npm run lint`, the first step of `npm test`. Prettier owns the layout (eslint-config-prettier,
// last, turns off every rule that would fight it); ESLint looks for mistakes.
import Module from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

// typescript-eslint parses through TypeScript's JavaScript API, which TypeScript 7 (the project's
// compiler, native) no longer has: in this process, `typescript` is TypeScript 6 (`typescript-6`, an
// npm alias in devDependencies). Only ESLint reads it; `tsc` stays 7.
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const typescript6 = request.replace(/^typescript(?=\/|$)/, 'typescript-6');
  return resolveFilename.call(this, typescript6, ...rest);
};
const { default: tseslint } = await import('typescript-eslint');

export default defineConfig(
  {
    // Built, generated, or apps and fixtures with tooling of their own.
    ignores: ['dist/', 'examples/', 'tests/fixtures/', 'tests/frameworks/', 'bench/results/', '.data/', '.tmp/', 'tmp/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  litA11y.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `import type` on its own line is the house style (verbatimModuleSyntax), as is a type import
      // beside the side-effect import that defines an element.
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
      // `const { secret: _, ...shown } = x` leaves a field out on purpose; tsc checks the rest.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // French typography puts no-break spaces before « : ; ! ? » and inside guillemets.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      // `role="list"` on a `<ul>` styled `list-style: none` is not redundant: Safari drops the list
      // semantics of such a list unless the role is written.
      'lit-a11y/no-redundant-role': 'off',
      // The HR workspace's dialogs are native modal <dialog>s, whose first focus the HTML spec picks
      // by `autofocus`; the rule is about pages stealing focus on load.
      'lit-a11y/no-autofocus': 'off',
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: {
      // Chai's assertions are property reads: `expect(x).to.be.true`.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: ['**/*.test.ts', '**/test-*.ts', 'src/testing/**', 'tests/**', 'bench/**'],
    rules: {
      // Tests and benches read untyped JSON bodies and browser entries loosely; a wrong guess fails.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  prettier,
);
