import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const configThroughCore = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: 'Read configuration through core/config.ts',
};
const eventsThroughTheLog = {
  selector: "CallExpression[callee.property.name='append'][callee.object.property.name='events']",
  message: 'Write the interaction log through events/event-log.ts',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'data/',
      'datasets/',
      'bench/results/',
      'models/migrations/',
      'coverage/',
      'api/generated/',
      'web/dist/',
      'web/src/gql/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', configThroughCore, eventsThroughTheLog],
    },
  },
  {
    files: ['events/event-log.ts', 'seed/**'],
    rules: { 'no-restricted-syntax': ['error', configThroughCore] },
  },
  {
    files: ['core/config.ts', 'test/**', 'bench/**', '*.config.*', 'jest.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-unsafe-optional-chaining': 'off' },
  },
  {
    // The web app runs in browsers: their globals, not Node's; the Vite config reads API_URL.
    files: ['web/**'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        location: 'readonly',
        localStorage: 'readonly',
        fetch: 'readonly',
        crypto: 'readonly',
        performance: 'readonly',
        requestAnimationFrame: 'readonly',
        cancelAnimationFrame: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        IntersectionObserver: 'readonly',
        ResizeObserver: 'readonly',
        AbortSignal: 'readonly',
        URL: 'readonly',
        console: 'readonly',
        process: 'off',
        require: 'off',
        module: 'off',
        Buffer: 'off',
        __dirname: 'off',
      },
    },
  },
  {
    files: ['web/vite.config.ts'],
    languageOptions: { globals: { process: 'readonly', __dirname: 'readonly' } },
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
