import path from 'node:path';
import type { Config } from './core/config';
import type { Db } from './core/db';
import { RedisCacheBus } from './core/cache-bus';
import { ReadCache } from './core/read-cache';
import type { Logger } from './core/logger';
import type { Redis } from './core/redis';
import { RateLimits } from './core/rate-limits';
import type { JobQueue } from './jobs/definitions';
import { MediaService } from './media/media.service';
import { MediaProgress, MediaProgressListener } from './media/progress';
import { createStorage } from './media/create-storage';
import type { Storage } from './media/storage';
import type { CandidateRow, NoteCard } from './models/repositories/notes.repository';
import { backgroundReader, only, repositoriesFor, transactor } from './models/transaction';
import { AccountsService } from './accounts/accounts.service';
import { ProfileService } from './accounts/profile.service';
import { EventsService } from './events/events.service';
import { EventLogMaintenance } from './events/partitions';
import { NoteLifecycle } from './notes/lifecycle';
import { NoteCaches } from './notes/note-caches';
import { NotesService } from './notes/notes.service';
import { ProductsService } from './catalog/products.service';
import { SearchService } from './catalog/search.service';
import { SocialService } from './social/social.service';
import { FeedService } from './recommender/feed.service';
import { parseRecallQuotas } from './recommender/recall-quotas';
import { configuredFreshness } from './recommender/serving/freshness';
import { createModelServing } from './recommender/serving/model-serving';
import { SharedRankedLists } from './recommender/serving/shared-ranked';
import { RelatedService } from './recommender/related.service';
import { ServedLogService } from './recommender/served-log.service';
import { FeedSessionStore } from './recommender/serving/session-store';
import { ExperimentService, parseExperiment } from './recommender/experiment';
import { ThreadedTrainer } from './recommender/training/threaded-trainer';
import { databaseTrainerStore } from './recommender/training/trainer';
import { TrendingService } from './recommender/trending.service';
import { exportCsv, type ExportRequest } from './commerce/analytics-export';
import { attributionWindows } from './commerce/attribution';
import { AnalyticsService } from './commerce/analytics.service';
import { OrdersService } from './commerce/orders.service';
import { resolveJwtSecret } from './core/jwt-secret';
import { ViewDedupe } from './events/view-dedupe';
import { createPaymentProvider } from './commerce/payments';
import type { Actor } from './accounts/policy';
import { RollupService } from './commerce/rollup.service';

export type Services = ReturnType<typeof createServices>;

/** The composition root: every service with exactly the repositories it needs (only()), and no service built anywhere else. */
export function createServices(db: Db, redis: Redis, config: Config, deps: { logger: Logger; jobs: JobQueue }) {
  const repos = repositoriesFor(db);
  const storage = createMediaStorage(config);
  const transact = transactor(db);
  const cacheBus = new RedisCacheBus(redis, cacheBusChannel(config), deps.logger);
  const cache = { max: config.READ_CACHE_MAX, ttlMs: config.READ_CACHE_TTL_MS, bus: cacheBus };
  const accounts = new AccountsService(repos.users, { ...config, jwtSecret: resolveJwtSecret(config) }, cache);
  const rateLimits = new RateLimits(redis, config);
  const freshness = configuredFreshness(config);
  // Notes as feed cards; a note's own page reads it fresh.
  const noteCards = new ReadCache<NoteCard>({ ...freshness.cards, bus: cacheBus }, 'notes.cards');
  const noteCaches = new NoteCaches(cache, noteCards, (...ids) => accounts.forgetUsers(...ids));
  const lifecycle = new NoteLifecycle(transact, noteCaches);
  const sessions = new FeedSessionStore(redis);
  const candidateRows = new ReadCache<CandidateRow>(freshness.candidateRows);
  const media = new MediaService({
    repos: only(repos, 'media'),
    transact,
    storage,
    progress: new MediaProgress(redis, mediaProgressChannel(config)),
    limits: {
      maxImageBytes: config.MEDIA_MAX_IMAGE_BYTES,
      maxImagePixels: config.MEDIA_MAX_IMAGE_PIXELS,
      maxVideoBytes: config.MEDIA_MAX_VIDEO_BYTES,
      maxVideoSeconds: config.MEDIA_MAX_VIDEO_SECONDS,
      avif: config.MEDIA_AVIF,
    },
    quota: {
      maxUnattached: config.MEDIA_UNATTACHED_MAX,
      dailyBytes: config.MEDIA_DAILY_BYTES,
      unattachedTtlMs: config.MEDIA_UNATTACHED_TTL_HOURS * 60 * 60_000,
    },
    binaries: { ffmpeg: config.FFMPEG_PATH, ffprobe: config.FFPROBE_PATH },
    logger: deps.logger,
    workDir: path.join(config.MEDIA_DIR, '.work'),
    outcomes: lifecycle,
  });
  const experiment = parseExperiment(config.FEED_EXPERIMENT);
  const pinned = experiment ? [experiment.arms.a.modelVersion, experiment.arms.b.modelVersion].filter((v) => v !== null) : [];
  const analytics = new AnalyticsService(only(repos, 'analytics', 'users', 'products', 'notes'));
  const notes = new NotesService({
    repos: only(repos, 'notes', 'products', 'users', 'media'),
    transact,
    accounts,
    mediaFiles: media,
    lifecycle,
    caches: noteCaches,
    mediaUrlHosts: new Set(config.MEDIA_URL_HOSTS?.split(',').map((host) => host.trim().toLowerCase()) ?? []),
  });
  const products = new ProductsService(only(repos, 'products', 'users', 'search'), accounts, cache);
  const model = createModelServing({
    repo: repos.recommender,
    logger: deps.logger,
    pinnedVersions: pinned,
    pollMs: freshness.modelPollMs,
  });
  return {
    cacheBus,
    jobs: deps.jobs,
    mediaProgress: new MediaProgressListener(redis, mediaProgressChannel(config)),
    storage,
    media,
    accounts,
    rateLimits,
    profiles: new ProfileService({ users: repos.users, transact, accounts, uploads: media, feedState: sessions }),
    notes,
    social: new SocialService({
      repos: only(repos, 'notes', 'social', 'users'),
      transact,
      accounts,
      noteCards,
      feedState: sessions,
      logger: deps.logger,
    }),
    products,
    events: new EventsService(
      only(repos, 'notes', 'products'),
      transact,
      config,
      new ViewDedupe(redis, config.VIEW_DEDUPE_MINUTES * 60_000),
      noteCaches.publishedKinds,
    ),
    search: new SearchService(repos.search),
    model,
    trainer: new ThreadedTrainer(databaseTrainerStore(repos.recommender, transact, backgroundReader(db)), config.LOG_LEVEL),
    trending: new TrendingService(repos.notes),
    experiments: new ExperimentService(experiment, repos.recommender),
    feed: new FeedService({
      repos: only(repos, 'notes', 'social', 'recommender'),
      sessions,
      cards: noteCards,
      candidateRows,
      model,
      experiment,
      hideSoldOut: config.FEED_HIDE_SOLD_OUT,
      quotas: parseRecallQuotas(config.FEED_RECALL_QUOTAS),
      sharedRanked: new SharedRankedLists(redis),
      logger: deps.logger,
    }),
    related: new RelatedService({ notes: repos.notes, model }),
    servedLog: new ServedLogService(sessions, repos.events),
    orders: new OrdersService({
      repos: only(repos, 'commerce', 'products', 'users', 'notes'),
      transact,
      windows: attributionWindows(config),
      payment: { provider: createPaymentProvider(config.PAYMENT_PROVIDER), ttlMs: config.ORDER_PAYMENT_MINUTES * 60_000 },
      catalog: products,
    }),
    analytics,
    analyticsExport: (actor: Actor | null, request: ExportRequest) => exportCsv(analytics, actor, request),
    rollup: new RollupService(repos.rollup, config.ANALYTICS_ROLLUP_LAG_MS),
    eventLog: new EventLogMaintenance(repos.events, config),
  };
}

/** The Redis channel read caches forget on (core/cache-bus.ts); channels are not covered by the key prefix. */
export function cacheBusChannel(config: Pick<Config, 'REDIS_PREFIX'>): string {
  return `${config.REDIS_PREFIX}:cache-forget`;
}

/** The Redis channel media progress is published on; channels are not covered by the key prefix. */
export function mediaProgressChannel(config: Pick<Config, 'REDIS_PREFIX'>): string {
  return `${config.REDIS_PREFIX}:media-progress`;
}

function createMediaStorage(config: Config): Storage {
  if (config.STORAGE === 'local') return createStorage({ kind: 'local', rootDir: config.MEDIA_DIR });
  return createStorage({
    kind: 's3',
    endpoint: config.S3_ENDPOINT ?? '',
    region: config.S3_REGION,
    bucket: config.S3_BUCKET ?? '',
    accessKeyId: config.S3_ACCESS_KEY_ID ?? '',
    secretAccessKey: config.S3_SECRET_ACCESS_KEY ?? '',
    publicBaseUrl: config.S3_PUBLIC_URL ?? '',
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}
