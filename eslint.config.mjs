// The project's lint: typescript-eslint's type-checked rules, and the layers of the design kept
// by import rules. Layers, lowest first; a module may import only from its own layer or below:
//
//   core          src/kb src/search src/language src/time src/check src/case src/i18n   (no botbuilder)
//   conversation  dialogs/                                                              (no HTTP, no storage SDK)
//   bot           src/bot src/teams
//   services      src/http src/state src/hosting src/observability
//   app           src/app src/index.ts
//   tools         src/cli
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const CORE = ['src/kb', 'src/search', 'src/language', 'src/time', 'src/check', 'src/case', 'src/i18n'];
const CONVERSATION = ['dialogs'];
const BOT = ['src/bot', 'src/teams'];
const SERVICES = ['src/http', 'src/state', 'src/hosting', 'src/observability'];
const APP = ['src/app', 'src/index.ts'];
const TOOLS = ['src/cli'];
const LAYERS = [
  ['core', CORE],
  ['conversation', CONVERSATION],
  ['bot', BOT],
  ['services', SERVICES],
  ['app', APP],
  ['tools', TOOLS],
];

/** One zone per layer: nothing in it may import from any layer above it. */
const upwardImports = LAYERS.slice(0, -1).map(([name, folders], index) => ({
  target: folders.map((folder) => `./${folder}`),
  from: LAYERS.slice(index + 1).flatMap(([, above]) => above.map((folder) => `./${folder}`)),
  message: `The ${name} layer must not import from a layer above it (see eslint.config.mjs).`,
}));

const BOT_FRAMEWORK = ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/recognizers-text*'];
const HOSTING = ['restify', '@azure/*', 'pino'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      // Without these, import-x does not parse .ts dependencies and no-cycle never sees a cycle.
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // A variable that a closure reads before its one later assignment (src/index.ts: the bot, once
      // loaded) cannot be const without a TDZ ReferenceError when the closure runs first.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': ['error', { zones: upwardImports }],
    },
  },
  {
    files: CORE.map((folder) => `${folder}/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...BOT_FRAMEWORK.filter((name) => !name.startsWith('@microsoft')), ...HOSTING],
              message: 'The core is plain functions and data: no Bot Framework, HTTP or storage SDK.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [...CONVERSATION, ...BOT].map((folder) => `${folder}/**/*.ts`),
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: HOSTING, message: 'HTTP, storage and logging live in the services layer.' }] }],
    },
  },
  {
    // Tests and tools drive the real parts; jest's expect() over promises and mocks are fine there.
    files: ['test/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
