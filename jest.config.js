/** Integration tests run twice: against the PostgreSQL server and against embedded PGlite. */
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
  ],
};
