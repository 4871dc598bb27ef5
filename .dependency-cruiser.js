/** The import rules of docs/architecture.md, checked in CI. */
const side = (name, path, allowed) => ({
  name: `${name}-has-one-home`,
  comment: `${name} is imported only by ${allowed}`,
  severity: 'error',
  from: { pathNot: `^(${allowed})` },
  to: { path },
});

/** The domain modules: they import each other, models/ and core/, and nothing above them. */
const DOMAINS = 'accounts|notes|social|catalog|events|media|commerce|recommender';

module.exports = {
  forbidden: [
    {
      name: 'core-imports-nothing-of-the-product',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: `^(models|${DOMAINS}|api|jobs|seed|scripts|bench|test)/` },
    },
    {
      name: 'models-import-only-core',
      severity: 'error',
      from: { path: '^models/' },
      to: { path: `^(${DOMAINS}|api|jobs|seed|scripts|bench|test)/` },
    },
    {
      name: 'domains-import-domains-models-and-core',
      comment: 'a domain knows nothing of transport, jobs, the composition root or the tools around it',
      severity: 'error',
      from: { path: `^(${DOMAINS})/` },
      to: { path: '^(api|jobs|seed|scripts|bench|test)/|^(main|boot|services|supervisor)\\.ts$' },
    },
    {
      name: 'the-composition-root-builds-domains',
      comment: 'services.ts wires domains, models, core and the queue facade; it never reaches up into api/',
      severity: 'error',
      from: { path: '^services\\.ts$' },
      to: { path: '^(api|seed|scripts|bench|test)/|^jobs/(handlers|runtime)' },
    },
    {
      name: 'nothing-imports-api',
      comment: 'api/ is the top: only the entry points that serve it (main.ts, boot.ts), tests and benches import it',
      severity: 'error',
      from: { pathNot: '^(api/|main\\.ts|boot\\.ts|test/|bench/)' },
      to: { path: '^api/' },
    },
    {
      name: 'api-uses-the-queue-facade-not-handlers',
      severity: 'error',
      from: { path: '^api/' },
      to: { path: '^jobs/(handlers|runtime)' },
    },
    {
      name: 'the-event-log-has-one-writer',
      comment: 'rows of the interaction log are built only in events/ (event-log.ts); the seed bulk-loads its own world',
      severity: 'error',
      from: { pathNot: '^(events/|models/|seed/|test/|bench/)' },
      to: { path: '^models/repositories/events\\.repository' },
    },
    side('bullmq', 'node_modules/(bullmq|@bull-board)/', 'jobs/runtime\\.ts|jobs/board\\.ts'),
    side('postgres-drivers', 'node_modules/(pg|pg-copy-streams|@electric-sql/pglite)/', 'core/db\\.ts|core/pglite-fs\\.ts'),
    side('sharp', 'node_modules/sharp/', 'media/image\\.ts|test/support/image-fixtures\\.ts|bench/'),
    side('file-type', 'node_modules/file-type/', 'media/sniff\\.ts'),
    side('busboy', 'node_modules/busboy/', 'api/uploads\\.ts'),
    side('tensorflow', 'node_modules/@tensorflow/', 'recommender/tensorflow\\.ts'),
    side('jieba', 'node_modules/@node-rs/jieba/', 'catalog/segment\\.ts'),
    {
      name: 'child-processes-have-named-homes',
      comment: 'ffmpeg runs only from media/ffmpeg.ts; the private redis-server only from core/redis.ts; chrt only from core/priority.ts',
      severity: 'error',
      from: { pathNot: '^(media/ffmpeg\\.ts|core/redis\\.ts|core/priority\\.ts|test/|bench/)' },
      to: { path: '^(node:)?child_process$', dependencyTypes: ['core'] },
    },
    {
      name: 'web-imports-only-web',
      comment: 'the web app talks to the API over HTTP only: it imports its own files and npm packages, nothing of the server',
      severity: 'error',
      from: { path: '^web/' },
      to: { pathNot: '^web/', dependencyTypes: ['local'] },
    },
    {
      name: 'web-app-imports-no-node-builtins',
      comment: 'the app is bundled for browsers; only the Vite config (run by Node) uses Node built-ins',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { dependencyTypes: ['core'] },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(data|bench/results|web/dist)' },
  },
};
