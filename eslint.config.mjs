import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import jestPlugin from 'eslint-plugin-jest';
import tseslint from 'typescript-eslint';

/** The folders that wire the service together, from the seed up: nothing below may import them. */
const ABOVE_SEED = ['./src/runtime', './src/meaning', './src/server', './src/cli', './bench'];
const ABOVE_GRAPH = [...ABOVE_SEED, './seed'];

/*
 * Packages fenced into the folder that owns them: the driver into src/graph, TypeGraphQL and
 * class-validator into src/schema (and the one error mapping that reads their errors),
 * graphology into src/analysis, the sentence model's runtime and tokenizer into src/meaning. Everything else under src/ and seed/ may not import them.
 */
const FENCES = {
  neo4j: { paths: [{ name: 'neo4j-driver', message: 'Only src/graph talks to Neo4j.' }], patterns: [] },
  schema: {
    paths: [],
    patterns: [
      {
        group: ['type-graphql', 'type-graphql/*', 'class-validator', 'class-validator/*'],
        message: 'TypeGraphQL and class-validator belong to src/schema (and src/server/wire-errors.ts, which maps their errors).',
      },
    ],
  },
  graphology: {
    paths: [],
    patterns: [{ group: ['graphology', 'graphology/*', 'graphology-*'], message: 'graphology belongs to src/analysis.' }],
  },
  meaning: {
    paths: [
      { name: 'onnxruntime-node', message: 'The sentence model runs in src/meaning; others use the TextEmbedder of src/domain/meaning.' },
      { name: '@huggingface/tokenizers', message: 'The sentence model runs in src/meaning; others use the TextEmbedder of src/domain/meaning.' },
    ],
    patterns: [],
  },
};

/** `no-restricted-imports` with every fence but the ones a folder owns. */
function fencedImports(...owned) {
  const fences = Object.entries(FENCES)
    .filter(([name]) => !owned.includes(name))
    .map(([, fence]) => fence);
  return ['error', { paths: fences.flatMap((fence) => fence.paths), patterns: fences.flatMap((fence) => fence.patterns) }];
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'neo4j/target/', '.data/', 'coverage/', 'bench/zz-*'] },
  js.configs.recommended,
  {
    files: ['*.js', 'test/support/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', globalThis: 'readonly' } },
  },
  ...tseslint.configs.recommendedTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  { files: ['*.js', '*.mjs', 'test/support/*.js'], ...tseslint.configs.disableTypeChecked },
  // A Jest environment is loaded by Jest itself, with require: CommonJS is its module system.
  { files: ['test/support/*.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['**/*.ts'],
    plugins: { import: importPlugin },
    // Classes named in decorated signatures are needed at run time (decorator metadata).
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
    settings: { 'import/resolver': { typescript: { project: './tsconfig.json' } } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Readers, fakes and plugins implement promise-returning interfaces; an `async` method
      // that needs no `await` is the plain way to do that.
      '@typescript-eslint/require-await': 'off',
      'import/no-default-export': 'error',
      // Imports flow one way: domain <- graph, analysis, editing <- schema, projection <- seed <-
      // runtime <- meaning <- server, cli, bench. Every zone lists what its folder may not import.
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/domain',
              from: ['./src', './seed', './bench'],
              except: ['./domain'],
              message: 'domain imports nothing else: no I/O and no framework.',
            },
            {
              target: './src/graph',
              from: [...ABOVE_GRAPH, './src/analysis', './src/editing', './src/projection', './src/schema'],
              message: 'graph knows only domain.',
            },
            {
              target: './src/analysis',
              from: [...ABOVE_GRAPH, './src/graph', './src/schema', './src/editing', './src/projection'],
              message: 'analysis knows only domain.',
            },
            {
              target: './src/editing',
              from: [...ABOVE_GRAPH, './src/graph', './src/schema', './src/analysis', './src/projection'],
              message: 'editing knows only domain.',
            },
            { target: './src/schema', from: [...ABOVE_GRAPH, './src/graph', './src/projection'], message: 'schema knows domain, analysis and editing.' },
            {
              target: './src/projection',
              from: [...ABOVE_GRAPH, './src/graph', './src/schema', './src/editing'],
              message: 'projection knows domain and analysis.',
            },
            {
              target: './seed',
              from: [...ABOVE_SEED, './src/analysis', './src/editing', './src/projection', './src/schema'],
              message: 'seed is the demo graph and its loader: it knows domain and graph.',
            },
            {
              target: './src/runtime',
              from: ['./src/meaning', './src/server', './src/cli', './bench', './src/schema', './src/projection', './src/analysis', './src/editing'],
              message: 'runtime opens and prepares the database: it knows domain, graph and seed.',
            },
            {
              target: './src/meaning',
              from: ['./src/server', './src/cli', './bench', './src/schema', './src/projection', './src/analysis', './src/editing'],
              message: 'meaning runs the sentence model and embeds the graph: it knows domain, graph and runtime.',
            },
            { target: './src/server', from: ['./src/cli', './bench', './seed'], message: 'server wires; it reaches the seed only through runtime.' },
            { target: './src/cli', from: ['./src/server', './bench'], message: 'cli wires through runtime, not through the server.' },
            {
              target: './src/explorer',
              from: ['./src/graph', './src/schema', './src/server', './src/editing', './src/cli', './src/projection', './src/runtime', './seed'],
              message: 'the explorer runs in the browser: it talks to the API and bundles only pure modules.',
            },
          ],
        },
      ],
      'no-restricted-imports': fencedImports(),
    },
  },
  { files: ['src/graph/**/*.ts'], rules: { 'no-restricted-imports': fencedImports('neo4j') } },
  { files: ['src/schema/**/*.ts', 'src/server/wire-errors.ts'], rules: { 'no-restricted-imports': fencedImports('schema') } },
  { files: ['src/analysis/**/*.ts'], rules: { 'no-restricted-imports': fencedImports('graphology') } },
  { files: ['src/meaning/**/*.ts'], rules: { 'no-restricted-imports': fencedImports('meaning') } },
  {
    // Tests read the service's output with the same libraries (graphology reads the exports back), and benches drive the driver.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Tests read JSON answers (typed any) whose shape the assertions themselves check. A focused test
    // (`it.only`, `fdescribe`) would silently skip the rest of its file in `npm test`.
    files: ['test/**/*.ts'],
    plugins: { jest: jestPlugin },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      'jest/no-focused-tests': 'error',
    },
  },
  {
    files: ['test/support/global-*.ts'],
    rules: { 'import/no-default-export': 'off' },
  },
);
