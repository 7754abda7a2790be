// ESLint with typescript-eslint's type-checked rules over every TypeScript file; Prettier owns formatting.
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** What each room of the kit may import: shared code serves the gateway too, so it imports no subgraph or dev code. */
const rooms = [
  { files: ['kit/shared/**/*.ts'], forbidden: ['**/subgraph/**', '**/dev/**', '**/subgraphs/**', '**/gateway/**'] },
  { files: ['kit/subgraph/**/*.ts'], forbidden: ['**/subgraphs/**', '**/gateway/**'] },
  { files: ['gateway/**/*.ts'], forbidden: ['**/kit/subgraph/**', '**/kit/dev/**', '**/subgraphs/**'] },
];

export default tseslint.config(
  // test/onboarding/youth-justice is a subgraph folder written for subgraphs/ (the onboarding test copies it there).
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', '**/*.js', '**/*.mjs', 'test/onboarding/youth-justice/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  ...rooms.map(({ files, forbidden }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: forbidden, message: 'This room of the kit may not depend on that one (kit/README in subgraphs/README.md).' }],
        },
      ],
    },
  })),
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read response bodies, which are typed at the point of use.
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  prettier,
);
