// ESLint: typescript-eslint's recommended type-aware rules, and the service boundary rule.
import tseslint from 'typescript-eslint';
import boundaries from './eslint/serviceBoundaries.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.data/', '.tools/', 'coverage/', 'docs/', 'services/dashboard/web/dist/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { boundaries },
    rules: {
      'boundaries/no-cross-service-import': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
