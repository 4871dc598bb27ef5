/** The import rules of docs/architecture.md, checked in CI. */
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
      to: { path: '^(api|jobs|recommender|media|commerce|seed|scripts|bench|test)/' },
    },
    {
      name: 'domains-import-models-and-core',
      severity: 'error',
      from: { path: '^(media|recommender|commerce)/' },
      to: { path: '^(api|jobs|seed|scripts|bench|test)/' },
    },
    {
      name: 'core-imports-nothing-of-the-product',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(models|api|jobs|recommender|media|commerce|seed|scripts)/' },
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
    side('sharp', 'node_modules/sharp/', 'media/image\\.ts|test/support/image-fixtures\\.ts|bench/'),
    side('file-type', 'node_modules/file-type/', 'media/sniff\\.ts'),
    side('busboy', 'node_modules/busboy/', 'api/uploads\\.ts'),
    side('tensorflow', 'node_modules/@tensorflow/', 'recommender/rank/interest-model\\.ts'),
    {
      name: 'child-processes-have-two-homes',
      comment: 'ffmpeg runs only from media/ffmpeg.ts; the private redis-server only from core/redis.ts',
      severity: 'error',
      from: { pathNot: '^(media/ffmpeg\\.ts|core/redis\\.ts|test/|bench/)' },
      to: { path: '^(node:)?child_process$', dependencyTypes: ['core'] },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(data|bench/results)' },
  },
};
