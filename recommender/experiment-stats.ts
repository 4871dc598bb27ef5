/**
 * The statistics of the For-You A/B report: per-viewer rates with normal-approximation intervals, the
 * arms' difference by Welch's interval, and the sample-ratio check. Each viewer is one observation, so a
 * few heavy viewers cannot decide a result the way pooled per-impression rates let them.
 */

/** Two-sided 95% normal quantile. */
const Z95 = 1.959963984540054;

/** A sample-ratio mismatch is declared below this p-value: strict, since the check runs on every look. */
export const SAMPLE_RATIO_ALPHA = 0.001;

/** Count, mean and sample variance of one per-viewer rate over an arm's viewers. */
export interface RateSample {
  viewers: number;
  mean: number;
  variance: number;
}

export interface Interval {
  mean: number;
  /** The 95% interval's ends; null with fewer than two viewers, when no spread can be estimated. */
  low: number | null;
  high: number | null;
}

export function meanInterval(sample: RateSample): Interval {
  if (sample.viewers < 2) return { mean: sample.mean, low: null, high: null };
  const half = Z95 * Math.sqrt(sample.variance / sample.viewers);
  return { mean: sample.mean, low: sample.mean - half, high: sample.mean + half };
}

/** b − a with Welch's 95% interval (unequal variances, normal approximation). */
export function differenceInterval(a: RateSample, b: RateSample): Interval {
  const mean = b.mean - a.mean;
  if (a.viewers < 2 || b.viewers < 2) return { mean, low: null, high: null };
  const half = Z95 * Math.sqrt(a.variance / a.viewers + b.variance / b.viewers);
  return { mean, low: mean - half, high: mean + half };
}

export interface SampleRatioCheck {
  /** The share of exposed viewers arm b should hold under the split. */
  expectedShareB: number;
  observedShareB: number;
  /** Of a χ² test (one degree of freedom) of the observed split against the expected one. */
  pValue: number;
  mismatch: boolean;
}

/**
 * Whether the arms hold the viewers the hash split promises. A mismatch means the report cannot be
 * trusted (one arm loses viewers: errors, slower pages, a logging gap), whatever its rates say.
 */
export function sampleRatioCheck(viewersA: number, viewersB: number, expectedShareB = 0.5): SampleRatioCheck {
  const total = viewersA + viewersB;
  if (total === 0) return { expectedShareB, observedShareB: 0, pValue: 1, mismatch: false };
  const expectedB = total * expectedShareB;
  const expectedA = total - expectedB;
  const chi2 = (viewersA - expectedA) ** 2 / expectedA + (viewersB - expectedB) ** 2 / expectedB;
  const pValue = Math.min(1, erfc(Math.sqrt(chi2 / 2)));
  return { expectedShareB, observedShareB: viewersB / total, pValue, mismatch: pValue < SAMPLE_RATIO_ALPHA };
}

/** The complementary error function (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + z / 2);
  const poly =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(poly);
  return x >= 0 ? value : 2 - value;
}
