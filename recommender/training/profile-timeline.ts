import { AffinityProfile, DAY_MS, PROFILE_HISTORY, type AffinityCounts, type Engagement } from '../rank/affinity-profile';
import { NOTE_FEATURES, writeNoteFeatures, type FeatureNote, type FeatureViewer } from '../rank/note-features';
import type { TrendingTimeline } from './trending-timeline';

export interface TimedEngagement extends Engagement {
  userId: string;
  atMs: number;
}

interface Window {
  log: TimedEngagement[];
  /** log[from..to) is in the profile. */
  from: number;
  to: number;
  atMs: number;
  profile: AffinityProfile;
}

/**
 * Each viewer's affinity profile as it stood at a moment: the engagements strictly before it, within
 * PROFILE_HISTORY, as serving would have read them then. Asked in time order per viewer, it slides a
 * window along the viewer's log instead of recounting it.
 */
export class ProfileTimeline {
  private readonly windows = new Map<string, Window>();

  /** `engagements` in time order. */
  constructor(engagements: Iterable<TimedEngagement>) {
    for (const engagement of engagements) {
      let window = this.windows.get(engagement.userId);
      if (!window)
        this.windows.set(engagement.userId, (window = { log: [], from: 0, to: 0, atMs: -Infinity, profile: new AffinityProfile() }));
      window.log.push(engagement);
    }
  }

  /** The profile of `user` at `atMs`; it changes with the next call for the same user, which must not go back in time. */
  at(user: string, atMs: number): AffinityCounts {
    const window = this.windows.get(user);
    if (!window) return EMPTY_PROFILE;
    if (atMs < window.atMs) throw new Error('profiles of a viewer are asked for in time order');
    window.atMs = atMs;
    const { log, profile } = window;
    while (window.to < log.length && (log[window.to] as TimedEngagement).atMs < atMs) {
      profile.add(log[window.to] as TimedEngagement);
      window.to += 1;
    }
    const oldest = atMs - PROFILE_HISTORY.days * DAY_MS;
    while (window.from < window.to) {
      const first = log[window.from] as TimedEngagement;
      if (first.atMs >= oldest && window.to - window.from <= PROFILE_HISTORY.engagements) break;
      profile.remove(first);
      window.from += 1;
    }
    return profile;
  }
}

const EMPTY_PROFILE = new AffinityProfile();

export interface TimedExample {
  user: string;
  note: FeatureNote & { id: string };
  atMs: number;
}

/**
 * The features of every example (row n of the result is examples[n]), written in time order so that
 * each sees its viewer's profile and its note's trending score as of its own time. No label leaks into
 * them: an example's time is its pair's first event and every engagement of the pair comes at or after
 * it, so neither the pair's own engagements nor anything later are counted, just as serving cannot
 * know them. The note's stored trending score, which is today's, is never read.
 */
export function featuresInTime(
  examples: readonly TimedExample[],
  timeline: ProfileTimeline,
  trending: TrendingTimeline,
  viewerOf: (user: string) => FeatureViewer,
): Float32Array {
  const f = NOTE_FEATURES.length;
  const out = new Float32Array(examples.length * f);
  const order = examples.map((_, n) => n).sort((a, b) => (examples[a] as TimedExample).atMs - (examples[b] as TimedExample).atMs);
  for (const n of order) {
    const { user, note, atMs } = examples[n] as TimedExample;
    const then = { ...note, trendingScore: trending.at(note.id, atMs) };
    writeNoteFeatures(then, viewerOf(user), timeline.at(user, atMs), atMs, out, n * f);
  }
  return out;
}
