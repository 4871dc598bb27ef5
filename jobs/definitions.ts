import type { Role } from '../core/config';
import type { Rung, VideoPlan } from '../media/video-plan';
import { TRENDING_REFRESH_MS } from '../recommender/serving/freshness';

/** Every job the system runs; the policy table and the handler map must cover each one. */
export const JOB_NAMES = [
  'trending.refresh',
  'recommender.train',
  'counters.reconcile',
  'feed.served',
  'views.apply',
  'analytics.rollup',
  'orders.expire',
  'media.collect',
  'events.maintain',
  'media.image',
  'media.video',
  'media.video.rung',
  'media.video.extras',
  'media.video.finalize',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

/**
 * Schedules of repeatable jobs since renamed (ranking.refresh is trending.refresh): Redis keeps a
 * schedule until it is removed, and would go on adding jobs that no worker takes.
 */
export const RETIRED_SCHEDULES: readonly { queue: string; name: string }[] = [{ queue: 'ranking', name: 'ranking.refresh' }];

/** What each job is given. */
export interface JobPayloads {
  /** Recomputes notes' trending scores from the event log. */
  'trending.refresh': Record<string, never>;
  /** Trains an interest model and promotes it if it beats the serving one. */
  'recommender.train': Record<string, never>;
  'counters.reconcile': Record<string, never>;
  /** Moves the log of served feed pages from Redis into the event log. */
  'feed.served': Record<string, never>;
  /** Adds the views event batches counted to the notes' view counts. */
  'views.apply': Record<string, never>;
  /** Folds new events, orders and refunds into the dashboards' rollup tables. */
  'analytics.rollup': Record<string, never>;
  /** Expires unpaid in-app orders and puts their units back on sale. */
  'orders.expire': Record<string, never>;
  /** Deletes uploads that no note or avatar took up within MEDIA_UNATTACHED_TTL_HOURS (failed ones included), files and all. */
  'media.collect': Record<string, never>;
  /** Makes the event log's coming months, drops those past EVENT_RETENTION_DAYS and prunes event_ids. */
  'events.maintain': Record<string, never>;
  'media.image': { mediaId: string };
  /** Probes and plans a video, then starts the flow of its parts. */
  'media.video': { mediaId: string };
  'media.video.rung': { mediaId: string; plan: VideoPlan; rung: Rung['name'] };
  'media.video.extras': { mediaId: string; plan: VideoPlan };
  /** The parent of the parts: runs once every rung and the extras are done. */
  'media.video.finalize': { mediaId: string; plan: VideoPlan };
}

export type JobRequest = { [N in JobName]: { name: N; payload: JobPayloads[N] } }[JobName];

export interface JobPolicy {
  queue: string;
  /** The role whose processes run this job. */
  role: Role;
  attempts: number;
  backoffMs: number;
  timeoutMs: number;
  /** Jobs of the queue run at once in one process (the largest value of a queue's jobs wins). */
  concurrency: number;
  /** Runs on this period as a repeatable job, when set. */
  everyMs?: number;
  /** Logs its outcome at debug: a job that runs every few seconds would drown the log at info. */
  quiet?: boolean;
}

const media = { queue: 'media', role: 'worker', attempts: 3, backoffMs: 5_000, concurrency: 2 } as const;
// The maintenance queue's hourly jobs.
const hourlyUpkeep = {
  queue: 'maintenance',
  role: 'worker',
  attempts: 3,
  backoffMs: 60_000,
  timeoutMs: 600_000,
  concurrency: 1,
  everyMs: 60 * 60_000,
} as const;
// One transcode at a time per worker: x264 already uses every core.
const transcode = { queue: 'transcode', role: 'worker', attempts: 3, backoffMs: 10_000, concurrency: 1 } as const;

export const JOB_POLICIES: Record<JobName, JobPolicy> = {
  // Trending scores order the trending feed and the shared trending pools, and weigh in the heuristic For-You order.
  'trending.refresh': {
    queue: 'trending',
    role: 'trainer',
    attempts: 3,
    backoffMs: 10_000,
    timeoutMs: 120_000,
    concurrency: 1,
    everyMs: TRENDING_REFRESH_MS,
  },
  'recommender.train': {
    queue: 'training',
    role: 'trainer',
    attempts: 2,
    backoffMs: 60_000,
    timeoutMs: 60 * 60_000,
    concurrency: 1,
    everyMs: 6 * 60 * 60_000,
  },
  'counters.reconcile': {
    queue: 'maintenance',
    role: 'worker',
    attempts: 3,
    backoffMs: 30_000,
    timeoutMs: 300_000,
    concurrency: 1,
    everyMs: 60 * 60_000,
  },
  // Training reads served notes as negatives; analytics counts them. A few seconds' lag is fine for both.
  'feed.served': {
    queue: 'events',
    role: 'worker',
    attempts: 3,
    backoffMs: 5_000,
    timeoutMs: 120_000,
    concurrency: 1,
    everyMs: 5_000,
    quiet: true,
  },
  // View counts lag by the period, as they do by the read cache's TTL wherever a card is cached.
  'views.apply': {
    queue: 'events',
    role: 'worker',
    attempts: 3,
    backoffMs: 5_000,
    timeoutMs: 60_000,
    concurrency: 1,
    everyMs: 5_000,
    quiet: true,
  },
  // The dashboards promise figures fresh within a minute: a 10 s period plus the fold's 10 s lag.
  'analytics.rollup': {
    queue: 'analytics',
    role: 'worker',
    attempts: 3,
    backoffMs: 5_000,
    timeoutMs: 300_000,
    concurrency: 1,
    everyMs: 10_000,
    quiet: true,
  },
  // Held units come back within a minute of an order's deadline and grace.
  'orders.expire': {
    queue: 'maintenance',
    role: 'worker',
    attempts: 3,
    backoffMs: 5_000,
    timeoutMs: 60_000,
    concurrency: 1,
    everyMs: 30_000,
    quiet: true,
  },
  // Unused uploads are collectable from their TTL on: an hour's lag only delays freeing the disk.
  'media.collect': hourlyUpkeep,
  // Months are made two ahead, so an hourly run has weeks of slack; pruning event_ids hourly keeps each delete small.
  'events.maintain': hourlyUpkeep,
  'media.image': { ...media, timeoutMs: 120_000 },
  'media.video': { ...media, timeoutMs: 120_000 },
  // Ten minutes of 1080p at x264 veryfast on two cores, with room to spare.
  'media.video.rung': { ...transcode, timeoutMs: 60 * 60_000 },
  'media.video.extras': { ...transcode, timeoutMs: 10 * 60_000 },
  'media.video.finalize': { ...media, timeoutMs: 120_000 },
};

/** What a handler reports: expected outcomes are data, not exceptions. */
export type JobResult = { status: 'success'; detail?: string } | { status: 'skipped'; reason: string };

export interface JobContext {
  /** Aborted when the job runs past its timeout: long work (ffmpeg) must stop. */
  signal: AbortSignal;
  /** Starts a parent job that runs once all its children have succeeded. */
  startFlow(parent: JobRequest, children: JobRequest[]): Promise<void>;
}

export type JobHandlers = { [N in JobName]: (payload: JobPayloads[N], ctx: JobContext) => Promise<JobResult> };

/** Called once a job has failed its last attempt, to record the failure where users see it. */
export type JobFailureHandlers = { [N in JobName]?: (payload: JobPayloads[N], error: Error) => Promise<void> };

/** Sends jobs; what the API (and any process) uses, whether or not it runs workers. */
export interface JobQueue {
  enqueue<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<void>;
  close(): Promise<void>;
}
