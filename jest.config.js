/** Integration tests run twice: against the PostgreSQL server and against embedded PGlite; end-to-end tests drive Chromium. */
const shared = {
  // thumbhash ships only ES modules: it is transpiled like the project's own code.
  transform: { '^.+\\.ts$': ['@swc/jest'], '/node_modules/thumbhash/.+\\.js$': ['@swc/jest'] },
  transformIgnorePatterns: ['/node_modules/(?!thumbhash/)'],
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  testTimeout: 60000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...shared, displayName: 'postgres', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'pglite',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/use-pglite.ts'],
    },
    // Chromium against the API on embedded PGlite, the database a fresh clone runs on.
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/use-pglite.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/e2e-timeout.ts'],
      globalSetup: '<rootDir>/test/support/build-web.ts',
    },
  ],
};
