// Selects the embedded backend for the "pglite" jest project (see jest.config.js).
process.env.TEST_DB = 'pglite';
