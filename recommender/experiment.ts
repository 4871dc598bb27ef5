import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseJsonSetting } from '../core/config';
import { AppError, ErrorCode } from '../core/errors';
import type { RecommenderRepository } from '../models/repositories/recommender.repository';
import { HEADS, SCORE_WEIGHTS, type Head } from './signals';

export type Arm = 'a' | 'b';

/** What an arm serves: its score weights, and optionally a pinned model version instead of the promoted one. */
export interface ArmConfig {
  weights: Readonly<Record<Head, number>>;
  modelVersion: string | null;
}

export interface Experiment {
  name: string;
  since: Date;
  arms: Record<Arm, ArmConfig>;
}

const armSchema = z
  .object({
    weights: z.partialRecord(z.enum(HEADS), z.number().min(0)).default({}),
    modelVersion: z.string().uuid().optional(),
  })
  .strict()
  .default({ weights: {} });

const experimentSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes'),
    since: z.coerce.date(),
    a: armSchema,
    b: armSchema,
  })
  .strict();

/**
 * FEED_EXPERIMENT, e.g. {"name":"purchase-weight","since":"2026-11-27","b":{"weights":{"purchase":10}}}:
 * arm a serves the score weights of signals.ts unless it says otherwise, arm b its own weights (on top
 * of the same defaults) and/or a pinned model version. Unset: no experiment.
 */
export function parseExperiment(raw: string | undefined): Experiment | null {
  if (!raw) return null;
  const settings = parseJsonSetting('FEED_EXPERIMENT', raw, experimentSchema);
  const arm = (config: z.infer<typeof armSchema>): ArmConfig => ({
    weights: { ...SCORE_WEIGHTS, ...config.weights },
    modelVersion: config.modelVersion ?? null,
  });
  return { name: settings.name, since: settings.since, arms: { a: arm(settings.a), b: arm(settings.b) } };
}

/**
 * A viewer's arm: a stable hash of the experiment and the viewer, so each viewer always sees the same
 * arm and each experiment splits viewers afresh. The analytics query computes the same hash in SQL.
 */
export function armOf(experiment: Pick<Experiment, 'name'>, viewerId: string): Arm {
  return ((createHash('md5').update(`${experiment.name}:${viewerId}`).digest()[0] as number) & 1) === 0 ? 'a' : 'b';
}

export interface ArmReport {
  arm: Arm;
  users: number;
  /** Notes the feed served the arm's viewers. */
  served: number;
  /** Notes clients reported on screen: a served note below where the viewer stopped was never seen, so rates are per impression. */
  impressions: number;
  /** Reads (views) per impression. */
  ctr: number;
  likeRate: number;
  purchaseRate: number;
}

/** Per-arm rates of the running experiment, from the event log since it started. */
export class ExperimentService {
  constructor(
    readonly experiment: Experiment | null,
    private readonly repo: Pick<RecommenderRepository, 'eventsByArm'>,
  ) {}

  async report(): Promise<{ name: string; since: Date; arms: ArmReport[] }> {
    const experiment = this.experiment;
    if (!experiment) throw new AppError(ErrorCode.NOT_FOUND, 'No feed experiment is running: set FEED_EXPERIMENT to start one');
    const rows = await this.repo.eventsByArm(experiment.name, experiment.since);
    const arms = (['a', 'b'] as const).map((arm) => {
      const row = rows.find((r) => r.arm === (arm === 'a' ? 0 : 1));
      const impressions = row?.impressions ?? 0;
      const rate = (count: number) => (impressions === 0 ? 0 : count / impressions);
      return {
        arm,
        users: row?.users ?? 0,
        served: row?.served ?? 0,
        impressions,
        ctr: rate(row?.views ?? 0),
        likeRate: rate(row?.likes ?? 0),
        purchaseRate: rate(row?.purchases ?? 0),
      };
    });
    return { name: experiment.name, since: experiment.since, arms };
  }
}
