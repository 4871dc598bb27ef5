import { QuotaExceededError } from '../core/errors';
import type { UploadUsage } from '../models/repositories/media.repository';

/** What one account may hold and send (MEDIA_UNATTACHED_MAX, MEDIA_DAILY_BYTES, MEDIA_UNATTACHED_TTL_HOURS). */
export interface UploadQuota {
  /** Uploads no note or avatar uses yet, processing or ready. */
  maxUnattached: number;
  /** Bytes sent in any 24 hours. */
  dailyBytes: number;
  /** After this an unused upload is collected (media.collect), and no longer counts. */
  unattachedTtlMs: number;
}

const DAY_MS = 24 * 60 * 60_000;

/** The periods of the account's uploads that its quota counts, as of `now`. */
export function quotaWindows(quota: UploadQuota, now: Date): { unattachedSince: Date; daySince: Date } {
  return { unattachedSince: new Date(now.getTime() - quota.unattachedTtlMs), daySince: new Date(now.getTime() - DAY_MS) };
}

/**
 * Why an upload of `bytes` more would take the account past its quota, or null when it fits. Told
 * in terms a creator can act on: what to publish, or how long until room frees by itself.
 */
export function quotaRefusal(quota: UploadQuota, usage: UploadUsage, bytes: number, now: Date): QuotaExceededError | null {
  if (usage.unattached >= quota.maxUnattached) {
    const wait = untilOlderThan(usage.oldestUnattachedAt, quota.unattachedTtlMs, now);
    return new QuotaExceededError(
      `You have ${usage.unattached} uploads not used in a note yet, the most an account may hold; publish a note with them ` +
        `(or use one as your avatar), or wait ${duration(wait)}: an unused upload is deleted ${duration(quota.unattachedTtlMs / 1000)} after it was sent`,
      wait,
    );
  }
  // Every file has at least one byte: with none left, even the check before the body refuses.
  if (usage.bytes + Math.max(bytes, 1) > quota.dailyBytes) {
    const wait = untilOlderThan(usage.oldestAt, DAY_MS, now);
    const left = Math.max(0, quota.dailyBytes - usage.bytes);
    return new QuotaExceededError(
      `You have uploaded ${size(usage.bytes)} in the last 24 hours; an account may upload ${size(quota.dailyBytes)} a day, ` +
        `${left > 0 ? `and this file does not fit in the ${size(left)} left` : 'and none is left'}. Try again in ${duration(wait)}`,
      wait,
    );
  }
  return null;
}

/** Seconds until something sent at `since` is older than `ageMs`; the whole age when nothing was sent (a file larger than the allowance). */
function untilOlderThan(since: Date | null, ageMs: number, now: Date): number {
  const ms = since ? since.getTime() + ageMs - now.getTime() : ageMs;
  return Math.max(1, Math.ceil(ms / 1000));
}

function duration(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} seconds`;
  if (seconds < 90 * 60) return `${Math.ceil(seconds / 60)} minutes`;
  return `${Math.ceil(seconds / 3600)} hours`;
}

function size(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}
