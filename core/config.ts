import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from './paths';

// The only module that reads process.env: every variable the product understands is declared,
// documented and validated here, so a typo in a deployment fails at boot, not at first use.
const ROLE_NAMES = ['api', 'worker', 'trainer'] as const;
export type Role = (typeof ROLE_NAMES)[number];

/** An on/off variable: 1, true, 0 or false. */
const FLAG = z.enum(['0', '1', 'true', 'false']);
const isOn = (value: z.infer<typeof FLAG>) => value === '1' || value === 'true';
const flag = (fallback: boolean) => FLAG.default(fallback ? '1' : '0').transform(isOn);
/** An on/off variable whose default is decided later, from other settings. */
const optionalFlag = () => FLAG.optional().transform((v) => (v === undefined ? undefined : isOn(v)));

// Each description is the variable's documentation: scripts/config-docs.ts renders docs/configuration.md
// and .env.example from this schema, and a unit test fails when they differ from what is committed.
export const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'])
    .default('development')
    .describe('Where the product runs. Production refuses the development JWT secret and turns off the Apollo Sandbox and introspection.'),
  ROLES: z
    .string()
    .default('api,worker,trainer')
    .transform((value, ctx) => {
      const roles = value
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean);
      for (const role of roles) {
        if (!(ROLE_NAMES as readonly string[]).includes(role)) {
          ctx.addIssue({ code: 'custom', message: `unknown role "${role}" (known: ${ROLE_NAMES.join(', ')})` });
        }
      }
      return [...new Set(roles)] as Role[];
    })
    .describe('Comma-separated roles this process runs: api, worker, trainer.'),
  API_WORKERS: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(1)
    .describe(
      'Processes serving the api role on one port (Node cluster), so one host uses all its cores. Above 1 it needs ROLES=api and DATABASE_URL: PGlite serves a single process.',
    ),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000).describe('HTTP port of the api role.'),
  HOST: z.string().default('127.0.0.1').describe('Address the HTTP server binds to.'),
  TRUST_PROXY: z
    .string()
    .regex(/^(\d+|[\w.:/]+(\s*,\s*[\w.:/]+)*)?$/, 'a number of hops, or addresses, subnets and names separated by commas')
    .optional()
    .describe(
      "The proxies in front of the api role whose X-Forwarded-For is believed (Express's trust proxy): a number of hops, or addresses, subnets and names such as loopback or uniquelocal. Unset: none, the socket's address is the client's. Rate limits and view counting key on that address.",
    ),
  MEDIA_URL_HOSTS: z
    .string()
    .regex(/^[a-z0-9.-]+(\s*,\s*[a-z0-9.-]+)*$/i, 'host names separated by commas')
    .optional()
    .describe(
      'Hosts (an own CDN whose files were already checked) that a note may name pictures or videos on by URL instead of uploading them. Unset: every file is uploaded, sniffed, stripped and resized here.',
    ),
  METRICS_TOKEN: z
    .string()
    .min(16)
    .optional()
    .describe('Bearer token that /metrics asks for. Unset: /metrics is open outside production and answers 404 in production.'),
  DATABASE_URL: z.string().url().optional().describe('PostgreSQL server URL. When unset, an embedded PGlite database lives in DATA_DIR.'),
  DATA_DIR: z
    .string()
    .default(path.resolve(process.cwd(), 'data'))
    .describe('Directory of the embedded database and, unless MEDIA_DIR says otherwise, of local media.'),
  REDIS_URL: z
    .string()
    .default('redis://127.0.0.1:6379')
    .describe('Redis URL; when nothing answers there and redis-server is on the PATH, a private one is started.'),
  REDIS_PREFIX: z
    .string()
    .default('sf')
    .describe('Prefix of every Redis key and BullMQ queue, so several deployments can share one Redis.'),
  JWT_SECRET: z
    .string()
    .min(16)
    .optional()
    .describe(
      'HMAC secret of the JWT access tokens. Must be set in production. Unset elsewhere: a random secret made on first start and kept in DATA_DIR/jwt-secret.',
    ),
  JWT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(7 * 24 * 3600)
    .describe('Lifetime of an access token, in seconds.'),
  BCRYPT_ROUNDS: z.coerce.number().int().min(4).max(15).default(10).describe('bcrypt cost factor of password hashes.'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('pino log level.'),
  SEED_ON_START: optionalFlag().describe(
    'Seed the demo world (and its demo accounts, with a public password) on first start, when the database has no accounts. Default: on, except with NODE_ENV=production, where only SEED_ON_START=1 seeds; create the first administrator there with npm run admin:create.',
  ),
  SEED_SCALE: z.coerce
    .number()
    .positive()
    .max(10)
    .default(1)
    .describe('Scale of the demo data seeded on first start (1 = 20,000 notes and 1M events).'),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().positive().default(10).describe('Deepest GraphQL selection accepted.'),
  GRAPHQL_MAX_COMPLEXITY: z.coerce.number().int().positive().default(5000).describe('Highest estimated cost of one GraphQL operation.'),
  GRAPHQL_MAX_TOKENS: z.coerce
    .number()
    .int()
    .positive()
    .default(2000)
    .describe("Most lexical tokens in one GraphQL document (the web app's largest has 125); parsing stops past it."),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().nonnegative().default(30).describe('Most aliased fields in one GraphQL document.'),
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().nonnegative().default(30).describe('Most directives in one GraphQL document.'),
  RATE_LIMIT_LOGINS: z.coerce
    .number()
    .int()
    .positive()
    .default(10)
    .describe('Log-in attempts one address may make for one account in 15 minutes (and ten times that for all accounts).'),
  RATE_LIMIT_SIGNUPS: z.coerce.number().int().positive().default(20).describe('Accounts one address may create in an hour.'),
  RATE_LIMIT_MUTATIONS: z.coerce
    .number()
    .int()
    .positive()
    .default(300)
    .describe('GraphQL mutations one account (or, signed out, one address) may send in a minute.'),
  RATE_LIMIT_EVENTS: z.coerce
    .number()
    .int()
    .positive()
    .default(3000)
    .describe('Events one account (or, signed out, one address) may record in a minute.'),
  RATE_LIMIT_UPLOADS: z.coerce.number().int().positive().default(200).describe('Uploads one account may start in an hour.'),
  EVENTS_MAX_PER_CALL: z.coerce
    .number()
    .int()
    .positive()
    .default(500)
    .describe('Most events accepted by one recordEvents call (the web app sends at most 100).'),
  EVENT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(150)
    .default(400)
    .describe(
      'Days the raw event log is kept; older months are dropped whole (the dashboards keep their daily rollups). At least 150: training reads 30 days and profiles 90 days before them.',
    ),
  VIEW_DEDUPE_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(30)
    .describe(
      "Minutes in which one viewer's views of a note count once (a read after a skim counts too); repeats are stored for the interest model but raise no view count, trending score or reads.",
    ),
  HTTP_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(4 * 1024 * 1024)
    .describe('Largest HTTP request body accepted, in bytes.'),
  READ_CACHE_TTL_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(300_000)
    .describe(
      'How long a process trusts a cached note card, author, product, brand or note media row, in milliseconds. Every change made through the product forgets the row in every process at once (core/cache-bus.ts); this bounds view counts, which nothing forgets. 0 turns the cache off.',
    ),
  FEED_EXPERIMENT: z
    .string()
    .optional()
    .describe(
      'A running A/B test of the For-You feed, as JSON (see recommender/experiment.ts), e.g. {"name":"purchase-weight","since":"2026-11-27","b":{"weights":{"purchase":10}}}. Unset: none.',
    ),
  FEED_RECALL_QUOTAS: z
    .string()
    .optional()
    .describe(
      'Candidates per For-You recall source and page, as JSON overriding the defaults (recommender/recall-quotas.ts), e.g. {"trending":100,"fresh":0}.',
    ),
  FEED_HIDE_SOLD_OUT: flag(false).describe(
    'Leave notes whose tagged products are all sold out out of the For-You feed (their own pages still show).',
  ),
  PAYMENT_PROVIDER: z
    .enum(['test', 'none'])
    .optional()
    .describe(
      "How in-app orders are paid: test (test cards, no money moves) or none (the brand's shop takes the payment and reports it through its signed webhook). Default: test, except with NODE_ENV=production, where it is none.",
    ),
  ORDER_PAYMENT_MINUTES: z.coerce
    .number()
    .positive()
    .max(7 * 24 * 60)
    .default(15)
    .describe('Minutes an in-app order holds its units while it waits to be paid; then it expires and they go back on sale.'),
  ATTRIBUTION_CLICK_WINDOW_DAYS: z.coerce
    .number()
    .positive()
    .max(90)
    .default(7)
    .describe('Days after a product click in which a purchase is credited to the clicked note (last-click attribution).'),
  ATTRIBUTION_VIEW_WINDOW_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(24)
    .describe('Hours after a long view (without a click) in which a purchase earns the note view-through credit.'),
  ANALYTICS_ROLLUP_LAG_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(600_000)
    .default(10_000)
    .describe(
      "The analytics rollup folds rows once they are this old, in milliseconds: a row's receipt time is its transaction's start, so a transaction still open during a fold must not fall behind the watermark.",
    ),
  MODEL_POLL_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(30_000)
    .describe(
      'How often an API process checks for a newly promoted interest model, which it then serves without a restart, in milliseconds.',
    ),
  READ_CACHE_MAX: z.coerce
    .number()
    .int()
    .positive()
    .default(50_000)
    .describe('Most rows of each kind kept by the read cache (READ_CACHE_TTL_MS).'),
  STORAGE: z
    .enum(['local', 's3'])
    .default('local')
    .describe('Where uploaded and processed media live: local (MEDIA_DIR, served by the API at /media) or s3 (the S3_* variables).'),
  MEDIA_DIR: z.string().optional().describe('Directory of local media storage and of uploads in progress. Unset: DATA_DIR/media.'),
  S3_ENDPOINT: z.string().url().optional().describe('URL of the S3-compatible storage; required when STORAGE=s3.'),
  S3_REGION: z.string().default('us-east-1').describe('Region the S3 requests are signed for.'),
  S3_BUCKET: z.string().optional().describe('Bucket of the media; required when STORAGE=s3.'),
  S3_ACCESS_KEY_ID: z.string().optional().describe('Access key id of the S3 credentials; required when STORAGE=s3.'),
  S3_SECRET_ACCESS_KEY: z.string().optional().describe('Secret access key of the S3 credentials; required when STORAGE=s3.'),
  S3_PUBLIC_URL: z
    .string()
    .url()
    .optional()
    .describe('Public base URL of the bucket (or of a CDN in front of it); required when STORAGE=s3.'),
  S3_FORCE_PATH_STYLE: flag(true).describe(
    'Address the bucket in the path (endpoint/bucket/key) rather than as a subdomain, as MinIO and most non-AWS stores need.',
  ),
  MEDIA_MAX_IMAGE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024)
    .describe('Largest image upload, in bytes.'),
  MEDIA_MAX_IMAGE_PIXELS: z.coerce
    .number()
    .int()
    .positive()
    .default(50_000_000)
    .describe('Largest image, in pixels (width × height); bigger ones are refused before decoding.'),
  MEDIA_MAX_VIDEO_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(500 * 1024 * 1024)
    .describe('Largest video upload, in bytes.'),
  MEDIA_MAX_VIDEO_SECONDS: z.coerce.number().positive().default(600).describe('Longest video, in seconds.'),
  MEDIA_UNATTACHED_MAX: z.coerce
    .number()
    .int()
    .positive()
    .default(50)
    .describe(
      'Uploads one account may hold that no note or avatar uses yet (processing or ready, younger than MEDIA_UNATTACHED_TTL_HOURS); POST /uploads refuses more with 429 QUOTA_EXCEEDED.',
    ),
  MEDIA_DAILY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 1024 * 1024 * 1024)
    .describe('Bytes one account may upload in 24 hours; POST /uploads refuses more with 429 QUOTA_EXCEEDED, mid-file if need be.'),
  MEDIA_UNATTACHED_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24)
    .describe(
      'Hours after which an upload that no note or avatar uses, failed ones included, is deleted with its files (the hourly media.collect job).',
    ),
  MEDIA_AVIF: flag(false).describe('Also make AVIF variants of images (smaller files, several times the encode time of WebP).'),
  FFMPEG_PATH: z.string().default('ffmpeg').describe("ffmpeg executable (Debian's package: apt-get install ffmpeg)."),
  FFPROBE_PATH: z.string().default('ffprobe').describe('ffprobe executable (from the same package as ffmpeg).'),
  JOB_LOCK_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .optional()
    .describe(
      "How long a worker holds a job without renewing its lock, in milliseconds; a worker that dies gives its jobs back to the others after about this long. Unset: BullMQ's default of 30 s, or 5 minutes with the embedded database, whose long queries hold up the lock's renewal.",
    ),
  WEB_DIST_DIR: z
    .string()
    .default(path.join(PROJECT_ROOT, 'web', 'dist'))
    .describe(
      'Directory of the built web app (npm run build:web), served by the api role at / beside the API. Without an index.html there, / answers a page asking for the build.',
    ),
  BACKGROUND_NICE: z.coerce
    .number()
    .int()
    .min(0)
    .max(19)
    .default(10)
    .describe(
      'CPU niceness a process without the api role (worker, trainer) gives itself, and ffmpeg with it, so on a shared host requests come before background work. 0 leaves it as started. A training run goes further wherever it runs: into Linux’s idle scheduling class, taking only CPU nothing else wants.',
    ),
  SHUTDOWN_GRACE_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(10_000)
    .describe('Milliseconds in-flight requests get to finish on shutdown.'),
});

export type Config = Omit<z.infer<typeof envSchema>, 'SEED_ON_START' | 'PAYMENT_PROVIDER'> & {
  SEED_ON_START: boolean;
  PAYMENT_PROVIDER: 'test' | 'none';
  MEDIA_DIR: string;
  isProduction: boolean;
};

/**
 * A setting given as JSON (FEED_EXPERIMENT, FEED_RECALL_QUOTAS), read against `schema`; anything else
 * stops the start with a message naming the setting and what is wrong.
 */
export function parseJsonSetting<T>(name: string, raw: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(`${name} is not valid JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new Error(`${name}: ${parsed.error.issues.map((i) => `${[...i.path].join('.') || 'value'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const config = parsed.data;
  if (config.NODE_ENV === 'production' && !config.JWT_SECRET) {
    throw new Error('Invalid configuration:\n  JWT_SECRET: must be set in production');
  }
  if (config.STORAGE === 's3') {
    const missing = (['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_PUBLIC_URL'] as const).filter(
      (k) => !config[k],
    );
    if (missing.length > 0) throw new Error(`Invalid configuration:\n  STORAGE=s3 needs ${missing.join(', ')}`);
  }
  if (config.API_WORKERS > 1 && (config.ROLES.join(',') !== 'api' || !config.DATABASE_URL)) {
    throw new Error(
      'Invalid configuration:\n  API_WORKERS: more than one API process needs ROLES=api and DATABASE_URL (PGlite serves one process)',
    );
  }
  const isProduction = config.NODE_ENV === 'production';
  return {
    ...config,
    // Demo accounts share a published password: a production database is never given them unless asked.
    SEED_ON_START: config.SEED_ON_START ?? !isProduction,
    // Test cards would let anyone mark orders paid: production takes payment only through the shops.
    PAYMENT_PROVIDER: config.PAYMENT_PROVIDER ?? (isProduction ? 'none' : 'test'),
    MEDIA_DIR: config.MEDIA_DIR ?? path.join(config.DATA_DIR, 'media'),
    isProduction,
  };
}

/** Where the embedded database keeps its files: the product, the seed and the trainer's CLI open the same one. */
export function embeddedDatabaseDir(config: Pick<Config, 'DATA_DIR'>): string {
  return path.join(config.DATA_DIR, 'pglite');
}

/** Values tests and tools need from the environment without booting the product. */
export function readTestEnv(env: Record<string, string | undefined> = process.env): {
  backend: 'pg' | 'pglite';
  adminDatabaseUrl: string;
  redisUrl: string;
} {
  return {
    backend: env.TEST_DB === 'pglite' ? 'pglite' : 'pg',
    adminDatabaseUrl: env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
}
