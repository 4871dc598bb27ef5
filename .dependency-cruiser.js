/** The import rules of ../shared/ARCHITECTURE.md, checked in CI. */
const side = (name, path, allowed) => ({
  name: `${name}-has-one-home`,
  comment: `${name} is imported only by ${allowed}`,
  severity: 'error',
  from: { pathNot: `^(${allowed})` },
  to: { path },
});

module.exports = {
  forbidden: [
    {
      name: 'models-import-only-core',
      severity: 'error',
      from: { path: '^models/' },
      to: { path: '^(api|jobs|recommender|media|commerce|seed|bench|test)/' },
    },
    {
      name: 'domains-import-models-and-core',
      severity: 'error',
      from: { path: '^(media|recommender|commerce)/' },
      to: { path: '^(api|jobs|seed|bench|test)/' },
    },
    {
      name: 'core-imports-nothing-of-the-product',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(models|api|jobs|recommender|media|commerce|seed)/' },
    },
    {
      name: 'nothing-imports-api',
      comment: 'only the entry points (main.ts, boot.ts, services.ts) and tests wire the API',
      severity: 'error',
      from: { pathNot: '^(api/|main\\.ts|boot\\.ts|services\\.ts|test/|bench/)' },
      to: { path: '^api/' },
    },
    {
      name: 'api-uses-the-queue-facade-not-handlers',
      severity: 'error',
      from: { path: '^api/' },
      to: { path: '^jobs/handlers' },
    },
    side('bullmq', 'node_modules/bullmq/', 'jobs/runtime\\.ts'),
    side('postgres-drivers', 'node_modules/(pg|pg-copy-streams|@electric-sql/pglite)/', 'core/db\\.ts'),
    side('sharp', 'node_modules/sharp/', 'media/image\\.ts'),
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(data|bench/results)' },
  },
};
