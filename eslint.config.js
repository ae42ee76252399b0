// typescript-eslint with type information (recommended-type-checked): the rules that catch real bugs in this code
// base (unsafe `any` flowing from JSON.parse, floating promises, values stringified as '[object Object]',
// assertions that hide a type). Formatting is prettier's job, so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'docs/api/', 'coverage/', 'out/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A leading underscore marks what is unused on purpose: a rest sibling left out of a copy, a loop counter.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `interface System extends z.infer<typeof systemSchema> {}` gives an inferred type a name of its own.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // vitest's asymmetric matchers (expect.stringContaining, expect.objectContaining, ...) are typed `any` so that
      // they fit any expected value; every expected object that uses one would be flagged.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
);
