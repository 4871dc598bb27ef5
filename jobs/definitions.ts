import type { Role } from '../core/config';

/** Every job the system runs; the policy table and the handler map must cover each one. */
export const JOB_NAMES = ['ranking.refresh', 'counters.reconcile'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface JobPolicy {
  queue: string;
  /** The role whose processes run this job. */
  role: Role;
  attempts: number;
  backoffMs: number;
  timeoutMs: number;
  concurrency: number;
  /** Runs on this period as a repeatable job, when set. */
  everyMs?: number;
}

export const JOB_POLICIES: Record<JobName, JobPolicy> = {
  // The placeholder ranking model: trending scores the For-You feed ranks by, kept fresh by the trainer.
  'ranking.refresh': {
    queue: 'ranking',
    role: 'trainer',
    attempts: 3,
    backoffMs: 10_000,
    timeoutMs: 120_000,
    concurrency: 1,
    everyMs: 5 * 60_000,
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
};

/** What a handler reports: expected outcomes are data, not exceptions. */
export type JobResult = { status: 'success'; detail?: string } | { status: 'skipped'; reason: string };
export type JobHandlers = Record<JobName, () => Promise<JobResult>>;
