import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Layering rules from ARCHITECTURE.md: pure cores import nothing from the shells.
const noImport = (patterns, message) => ['error', { patterns: [{ group: patterns, message }] }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/base/**'],
    rules: { 'no-restricted-imports': noImport(['../*', 'react', 'd3', 'zustand', '@tensorflow/*'], 'src/base imports nothing from src or libraries') },
  },
  {
    files: ['src/metrics/**', 'src/diagnostics/**'],
    rules: {
      'no-restricted-imports': noImport(
        ['react', 'react-dom', 'd3', 'zustand', '@tensorflow/*', '../model/*', '../state/*', '../components/*', '../workers/*', '../io/*', '../chart/*'],
        'metrics and diagnostics are pure: typed arrays in, typed arrays out',
      ),
    },
  },
  {
    files: ['src/chart/**'],
    rules: { 'no-restricted-imports': noImport(['zustand', '../state/*', '@tensorflow/*', '../workers/*'], 'chart functions take data by argument') },
  },
  {
    files: ['src/components/**'],
    rules: {
      'no-restricted-imports': noImport(['@tensorflow/*', '../workers/*', '../io/*', '../model/*'], 'components read the store; they never touch tfjs, workers or io'),
    },
  },
);
