import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseJsonSetting } from '../core/config';
import { AppError, ErrorCode } from '../core/errors';
import type { RecommenderRepository } from '../models/repositories/recommender.repository';
import {
  differenceInterval,
  meanInterval,
  sampleRatioCheck,
  type Interval,
  type RateSample,
  type SampleRatioCheck,
} from './experiment-stats';
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

/** The per-viewer rates the report gives intervals for, by their name in the report. */
const RATES = { ctr: 'ctr', likeRate: 'like', purchaseRate: 'purchase' } as const;
export type RateName = keyof typeof RATES;

export interface ArmReport {
  arm: Arm;
  /** The arm's viewers with any event since the experiment started. */
  users: number;
  /** ...of whom the feed served at least one note: the viewers the split is checked on. */
  exposed: number;
  /** Notes the feed served the arm's viewers. */
  served: number;
  /** Notes clients reported on screen: a served note below where the viewer stopped was never seen, so rates are per impression. */
  impressions: number;
  /** Reads (views) per impression, pooled over the arm. */
  ctr: number;
  likeRate: number;
  purchaseRate: number;
  /** Each rate as the mean of the rates of the arm's viewers with an impression, with its 95% interval. */
  perViewer: Record<RateName, Interval & { viewers: number }>;
}

export interface ExperimentReport {
  name: string;
  since: Date;
  arms: ArmReport[];
  /** b − a of each per-viewer rate, with Welch's 95% interval. */
  differences: { metric: RateName; difference: number; low: number | null; high: number | null }[];
  sampleRatio: SampleRatioCheck;
}

/** Per-arm rates of the running experiment, from the event log since it started. */
export class ExperimentService {
  constructor(
    readonly experiment: Experiment | null,
    private readonly repo: Pick<RecommenderRepository, 'eventsByArm'>,
  ) {}

  async report(): Promise<ExperimentReport> {
    const experiment = this.experiment;
    if (!experiment) throw new AppError(ErrorCode.NOT_FOUND, 'No feed experiment is running: set FEED_EXPERIMENT to start one');
    const rows = await this.repo.eventsByArm(experiment.name, experiment.since);
    const rowOf = (arm: Arm) => rows.find((r) => r.arm === (arm === 'a' ? 0 : 1));
    const sample = (arm: Arm, rate: RateName): RateSample => {
      const row = rowOf(arm);
      const [mean, variance] = row?.moments[RATES[rate]] ?? [null, 0];
      return { viewers: row?.rated ?? 0, mean: mean ?? 0, variance };
    };
    const rateNames = Object.keys(RATES) as RateName[];
    const arms = (['a', 'b'] as const).map((arm) => {
      const row = rowOf(arm);
      const impressions = row?.impressions ?? 0;
      const rate = (count: number) => (impressions === 0 ? 0 : count / impressions);
      const perViewer = Object.fromEntries(
        rateNames.map((name) => {
          const s = sample(arm, name);
          return [name, { viewers: s.viewers, ...meanInterval(s) }];
        }),
      ) as ArmReport['perViewer'];
      return {
        arm,
        users: row?.users ?? 0,
        exposed: row?.exposed ?? 0,
        served: row?.served ?? 0,
        impressions,
        ctr: rate(row?.views ?? 0),
        likeRate: rate(row?.likes ?? 0),
        purchaseRate: rate(row?.purchases ?? 0),
        perViewer,
      };
    });
    return {
      name: experiment.name,
      since: experiment.since,
      arms,
      differences: rateNames.map((metric) => {
        const { mean, low, high } = differenceInterval(sample('a', metric), sample('b', metric));
        return { metric, difference: mean, low, high };
      }),
      sampleRatio: sampleRatioCheck(rowOf('a')?.exposed ?? 0, rowOf('b')?.exposed ?? 0),
    };
  }
}
