// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The house rules of docs/ARCHITECTURE.md, enforced: the layers import one way
 * (model ← sim ← run ← ui, cli beside ui), the engine stays free of Lit and d3, d3 lives only
 * in the charts, and a mode of the UI never imports from another mode or from the app shell:
 * what two modes share lives in ui/shared/ or ui/charts/. Each entry is one folder's complete
 * list, since a later config object replaces a rule's options rather than adding to them.
 */
const UI_FOLDERS_ALLOWED_EVERYWHERE = ['shared', 'charts'];
const noDomLibraries = {
  regex: '^(lit|@lit/|lit/|d3)',
  message: 'The model, the engine and the pool stay free of Lit and d3 (docs/ARCHITECTURE.md).',
};
const noD3 = {
  regex: '^d3(-|/|$)',
  message: 'd3 lives only in src/ui/charts/: hand the chart plain arrays (docs/ARCHITECTURE.md).',
};
const uiReachesModelAndRun = {
  regex: '^\\.\\./\\.\\./(?!model/|run/)',
  message:
    'the UI imports src/model and src/run only: it reaches the engine through src/run (docs/ARCHITECTURE.md).',
};
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const boundaries = [
  layer(
    ['src/model/**/*.ts'],
    [
      {
        regex: '^\\.\\./',
        message: 'src/model imports nothing of ours outside itself (docs/ARCHITECTURE.md).',
      },
      noDomLibraries,
    ],
  ),
  // The practice drills live in a folder of src/model: they import src/model only.
  layer(
    ['src/model/drills/**/*.ts'],
    [
      {
        regex: '^\\.\\./\\.\\./',
        message:
          'src/model/drills imports nothing of ours outside src/model (docs/ARCHITECTURE.md).',
      },
      noDomLibraries,
    ],
  ),
  layer(
    ['src/sim/**/*.ts'],
    [
      {
        regex: '^\\.\\./(?!model/)',
        message: 'src/sim imports only src/model (docs/ARCHITECTURE.md).',
      },
      noDomLibraries,
    ],
  ),
  layer(
    ['src/run/**/*.ts'],
    [
      {
        regex: '^\\.\\./(?!model/|sim/)',
        message: 'src/run imports only src/model and src/sim (docs/ARCHITECTURE.md).',
      },
      noDomLibraries,
    ],
  ),
  layer(
    ['src/cli/**/*.ts'],
    [
      {
        regex: '^\\.\\./(?!model/|run/)',
        message: 'the runner reaches the engine through src/run (docs/ARCHITECTURE.md).',
      },
    ],
  ),
  layer(
    ['src/ui/*/**/*.ts'],
    [
      uiReachesModelAndRun,
      {
        regex: `^\\.\\./(?!${UI_FOLDERS_ALLOWED_EVERYWHERE.join('/|')}/|\\.\\./)`,
        message:
          'a mode never imports from another mode or the app shell: move what two modes share to src/ui/shared/ or src/ui/charts/ (docs/ARCHITECTURE.md).',
      },
      noD3,
    ],
  ),
  layer(['src/ui/app/**/*.ts'], [uiReachesModelAndRun, noD3]),
  layer(
    ['src/ui/charts/**/*.ts'],
    [
      uiReachesModelAndRun,
      {
        regex: '^\\.\\./(?!shared/|\\.\\./)',
        message:
          'the charts import only src/ui/shared/, never a mode or the app shell (docs/ARCHITECTURE.md).',
      },
    ],
  ),
  layer(
    ['src/ui/shared/**/*.ts'],
    [
      uiReachesModelAndRun,
      {
        regex: '^\\.\\./(?!\\.\\./)',
        message:
          'src/ui/shared/ imports nothing else of the UI: it is what the modes and the charts build on (docs/ARCHITECTURE.md).',
      },
      noD3,
    ],
  ),
  layer(
    ['workers/**/*.ts'],
    [
      {
        regex: '^\\.\\./src/(?!run/|sim/)',
        message: 'a worker entry only exposes the engine through src/run (docs/ARCHITECTURE.md).',
      },
    ],
  ),
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'tests/e2e/screenshots/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message:
            'All randomness is seeded: take draws from a generator passed in (src/sim/random.ts).',
        },
      ],
    },
  },
  ...boundaries,
  {
    // Files a person reads in one sitting, functions that fit on a screen (docs/ARCHITECTURE.md).
    files: ['src/**/*.ts', 'workers/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
