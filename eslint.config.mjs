import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'neo4j/target/', '.data/', 'coverage/'] },
  js.configs.recommended,
  { files: ['*.js'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } } },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { import: importPlugin },
    // Classes named in decorated signatures are needed at run time (decorator metadata).
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
    settings: { 'import/resolver': { typescript: { project: './tsconfig.json' } } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import/no-default-export': 'error',
      // Imports flow one way: domain <- graph, domain <- schema; server connects them.
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/domain', from: ['./src/graph', './src/schema', './src/server'], message: 'domain has no I/O and no framework.' },
            { target: './src/graph', from: ['./src/schema', './src/server', './src/analysis', './src/editing', './src/projection'], message: 'graph knows only domain.' },
            { target: './src/analysis', from: ['./src/graph', './src/schema', './src/server', './src/editing', './src/projection'], message: 'analysis knows only domain.' },
            { target: './src/editing', from: ['./src/graph', './src/schema', './src/server', './src/analysis'], message: 'editing knows only domain.' },
            { target: './src/schema', from: ['./src/graph', './src/server', './src/projection'], message: 'schema knows domain and analysis.' },
            { target: './src/projection', from: ['./src/graph', './src/schema', './src/server', './src/editing'], message: 'projection knows domain and analysis.' },
            { target: './src/explorer', from: ['./src/graph', './src/schema', './src/server', './src/editing', './src/cli', './src/projection'], message: 'the explorer runs in the browser: it talks to the API and bundles only pure modules.' },
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'neo4j-driver', message: 'Only src/graph talks to Neo4j.' }] },
      ],
    },
  },
  {
    files: ['src/graph/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Tests read JSON answers whose shape the assertions themselves check.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['test/support/global-*.ts'],
    rules: { 'import/no-default-export': 'off' },
  },
);
