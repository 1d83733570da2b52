// The process and feature rules of the code base, checked on every `npm run lint` (and in `npm test`).
// Type-aware rules are off on purpose: the whole tree lints in seconds without building a program.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import checkFile from 'eslint-plugin-check-file';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The one renderer module that may read `window.roomdesk`; every other module gets the bridge from it. */
export const BRIDGE_ACCESSOR = 'renderer/src/lib/bridge.ts';

/** The file-naming convention of the tree (check-file's names: KEBAB_CASE, CAMEL_CASE, PASCAL_CASE, …). */
const FILE_NAMING = 'KEBAB_CASE';
/** In the renderer a React component's module is PascalCase.tsx (`RoomScreen.tsx`); every other module is kebab-case.ts. */
const COMPONENT_NAMING = 'PASCAL_CASE';
/** Entry scripts of the renderer's pages: .tsx, but no component. */
const RENDERER_ENTRY_POINTS = ['renderer/src/main.tsx', 'renderer/src/features/history/preview/preview.tsx'];
/** A dictionary is named by its locale tag (`en.ts`, `zh-CN.ts`). */
const LOCALE_TAG = '+([a-z])?(-+([A-Z]))';

const nodeBuiltins = [...new Set(builtinModules.map((name) => name.replace(/^node:/, '')))];
const noNodeBuiltins = {
  group: [...nodeBuiltins, ...nodeBuiltins.map((name) => `${name}/*`), 'node:*'],
  message: 'This code runs without Node: no Node built-ins.',
};
const noElectron = {
  name: 'electron',
  message: 'Only main/electron/ and main/index.ts import electron (types are fine).',
  allowTypeImports: true,
};
const noReact = {
  group: ['react', 'react/*', 'react-dom', 'react-dom/*'],
  message: 'common/ is shared by every process: no DOM-only modules.',
};

/** `@typescript-eslint/no-restricted-imports` with the given paths and patterns. */
const restrictImports = ({ paths = [], patterns = [] }) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }],
});

export default tseslint.config(
  {
    ignores: ['out/', 'dist/', 'node_modules/', '.tools/', 'reports/', 'test-results/', 'playwright-report/', 'artifacts/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },

  {
    // Test fakes stand in for Electron objects and read loosely typed JSON answers; a Playwright
    // fixture that uses no other fixture still has to destructure its first argument (`{}`).
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-empty-pattern': 'off' },
  },

  // ── Type-aware rules, on request (ROOMDESK_LINT_TYPED=1 npm run lint): they build every TypeScript
  // project first, which takes several times as long as the rest of lint together.
  ...(process.env.ROOMDESK_LINT_TYPED
    ? [
        {
          files: ['**/*.{ts,tsx}'],
          extends: [tseslint.configs.recommendedTypeCheckedOnly],
          languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
        },
      ]
    : []),

  // ── Which globals each process has ─────────────────────────────────────────────────────────
  {
    files: ['main/**', 'preload/**', 'scripts/**', 'test/**', '*.{js,mjs,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**', 'test/e2e/viewer/fixture/**'],
    languageOptions: { globals: { ...globals.browser } },
  },

  // ── React ──────────────────────────────────────────────────────────────────────────────────
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/e2e/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // Tells only that the React Compiler would skip a component (TanStack Virtual); the app does not use the compiler.
      'react-hooks/incompatible-library': 'off',
    },
  },

  // ── Imports by process ─────────────────────────────────────────────────────────────────────
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    // The stand-in Electron's runner plays Electron's side, so it imports the (stand-in) module.
    ignores: ['main/electron/**', 'main/index.ts', 'preload/index.ts', 'preload/tour.ts', 'test/electron-standin/**'],
    rules: restrictImports({ paths: [noElectron] }),
  },
  {
    files: ['main/voice/**'],
    rules: restrictImports({ paths: [noElectron], patterns: [noNodeBuiltins] }),
  },
  {
    // The preload runs in a sandboxed renderer: it may require electron and nothing of Node.
    files: ['preload/**'],
    ignores: ['preload/index.ts', 'preload/tour.ts'],
    rules: restrictImports({ paths: [noElectron], patterns: [noNodeBuiltins] }),
  },
  {
    files: ['preload/index.ts', 'preload/tour.ts'],
    rules: restrictImports({ patterns: [noNodeBuiltins] }),
  },
  {
    files: ['common/**'],
    rules: restrictImports({ paths: [noElectron], patterns: [noNodeBuiltins, noReact] }),
  },
  {
    files: ['renderer/**'],
    rules: restrictImports({ paths: [noElectron], patterns: [noNodeBuiltins] }),
  },
  {
    plugins: { boundaries },
    settings: {
      'boundaries/root-path': import.meta.dirname,
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] } },
      'boundaries/elements': [
        { type: 'main', pattern: 'main/**', partialMatch: false },
        { type: 'preload', pattern: 'preload/**', partialMatch: false },
        { type: 'common', pattern: 'common/**', partialMatch: false },
        { type: 'feature', pattern: 'renderer/src/features/*/**', partialMatch: false, capture: ['feature'] },
        { type: 'renderer-ui', pattern: 'renderer/src/ui/**', partialMatch: false },
        { type: 'renderer-app', pattern: 'renderer/src/app/**', partialMatch: false },
        { type: 'renderer', pattern: 'renderer/**', partialMatch: false },
      ],
    },
  },
  {
    files: ['main/**', 'preload/**', 'common/**', 'renderer/**'],
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            {
              from: { element: { type: 'common' } },
              disallow: {
                to: { element: { types: { anyOf: ['main', 'preload', 'renderer', 'renderer-ui', 'renderer-app', 'feature'] } } },
              },
              message: 'common/ is shared by every process: it imports no main, preload or renderer module.',
            },
            {
              from: { element: { type: 'main' } },
              disallow: { to: { element: { types: { anyOf: ['preload', 'renderer', 'renderer-ui', 'renderer-app', 'feature'] } } } },
              message: 'main/ never imports the preload or the renderer; what they share is in common/.',
            },
            {
              from: { element: { types: { anyOf: ['renderer', 'renderer-ui', 'renderer-app', 'feature'] } } },
              disallow: { to: { element: { types: { anyOf: ['main', 'preload'] } } } },
              message: 'The renderer reaches main only through the bridge; the contract is in common/contract/.',
            },
            {
              from: { element: { type: 'renderer-ui' } },
              disallow: { to: { element: { types: { anyOf: ['renderer-app', 'feature'] } } } },
              message: 'renderer/src/ui/ is shared by every screen: it imports neither app/ nor a feature.',
            },
            {
              from: { element: { type: 'feature' } },
              disallow: { to: { element: { type: 'feature', captured: { feature: '!{{ from.element.captured.feature }}' } } } },
              message: 'Features do not import each other: move what they share into ui/ or lib/.',
            },
          ],
        },
      ],
    },
  },

  // ── One bridge accessor ────────────────────────────────────────────────────────────────────
  {
    files: ['renderer/**'],
    ignores: [BRIDGE_ACCESSOR],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['window', 'globalThis', 'self'].map((object) => ({
          object,
          property: 'roomdesk',
          message: `Only ${BRIDGE_ACCESSOR} reads the bridge; take it from there.`,
        })),
      ],
    },
  },

  // ── File names ─────────────────────────────────────────────────────────────────────────────
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': ['error', { '**/*.{ts,tsx,js,mjs}': FILE_NAMING }, { ignoreMiddleExtensions: true }],
      'check-file/folder-naming-convention': ['error', { '**/': FILE_NAMING }],
    },
  },
  {
    files: ['renderer/src/**/*.tsx'],
    ignores: RENDERER_ENTRY_POINTS,
    rules: { 'check-file/filename-naming-convention': ['error', { '**/*.tsx': COMPONENT_NAMING }] },
  },
  {
    files: ['renderer/src/i18n/*.ts'],
    rules: { 'check-file/filename-naming-convention': ['error', { '**/*.ts': `@(${LOCALE_TAG}|+([a-z])*([a-z0-9])*(-+([a-z0-9])))` }] },
  },
);
