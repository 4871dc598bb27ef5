import type { EventType, ModelLayout } from '../../models/schema';
import { AffinityProfile, PROFILE_HISTORY, type AffinityCounts, type Engagement } from '../../recommender/rank/affinity-profile';
import { readsFeatures } from '../../recommender/rank/model-codec';
import { NOTE_FEATURES, writeNoteFeatures, type FeatureNote, type FeatureProduct } from '../../recommender/rank/note-features';
import { featuresInTime, ProfileTimeline, type TimedEngagement } from '../../recommender/training/profile-timeline';
import { TrendingTimeline, type TimedTrendingEvent } from '../../recommender/training/trending-timeline';
import { TRENDING } from '../../recommender/trending-rule';

const NOW = Date.parse('2026-11-27T00:00:00Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const VIEWER = { interests: new Set<string>(), followed: new Set<string>() };

function note(overrides: Partial<FeatureNote> = {}): FeatureNote {
  return {
    authorId: 'creator',
    kind: 'image',
    topics: ['beauty'],
    trendingScore: 0,
    publishedAt: new Date(NOW - DAY),
    createdAt: new Date(NOW - DAY),
    products: [],
    ...overrides,
  };
}

function features(n: FeatureNote, profile: AffinityCounts = new AffinityProfile()): Record<(typeof NOTE_FEATURES)[number], number> {
  const out = new Float32Array(NOTE_FEATURES.length);
  writeNoteFeatures(n, VIEWER, profile, NOW, out, 0);
  return Object.fromEntries(NOTE_FEATURES.map((name, i) => [name, out[i] as number])) as Record<(typeof NOTE_FEATURES)[number], number>;
}

const priced = (...yuan: number[]): FeatureProduct[] => yuan.map((y) => ({ category: 'beauty', priceMinor: Math.round(y * 100) }));

function engagement(noteId: string, authorId: string, categories: string[] = []): Engagement {
  return { noteId, authorId, categories };
}

describe('product features', () => {
  it('read 0 for a note without products', () => {
    expect(features(note())).toMatchObject({ hasProducts: 0, priceBand: 0, categoryAffinity: 0 });
  });

  it('band the cheapest product’s price on a log scale from ¥1 (0) to ¥10,000 (1), clipped at both ends', () => {
    const band = (...yuan: number[]) => features(note({ products: priced(...yuan) })).priceBand;
    expect(features(note({ products: priced(5) })).hasProducts).toBe(1);
    expect(band(0)).toBe(0);
    expect(band(0.5)).toBe(0);
    expect(band(1)).toBe(0);
    expect(band(10)).toBeCloseTo(0.25, 6);
    expect(band(100)).toBeCloseTo(0.5, 6);
    expect(band(199)).toBeCloseTo(Math.log10(199) / 4, 6);
    expect(band(10_000)).toBe(1);
    expect(band(250_000)).toBe(1);
    expect(band(1_000, 10, 100)).toBeCloseTo(0.25, 6);
  });
});

describe('affinity features', () => {
  // Four engagements: two with beauty notes, one with a note tagging beauty and electronics, one with a note without products.
  const profile = AffinityProfile.of([
    engagement('lipstick', 'anna', ['beauty']),
    engagement('lipstick', 'anna', ['beauty']),
    engagement('kit', 'bo', ['beauty', 'electronics']),
    engagement('diary', 'anna'),
  ]);
  const tagging = (...categories: string[]) => note({ products: categories.map((category) => ({ category, priceMinor: 9900 })) });

  it('give the share of the viewer’s engagements that went to notes tagging the note’s categories', () => {
    expect(features(tagging('beauty'), profile).categoryAffinity).toBeCloseTo(3 / 4, 6);
    expect(features(tagging('electronics'), profile).categoryAffinity).toBeCloseTo(1 / 4, 6);
    // The largest share of the note's categories, not their sum.
    expect(features(tagging('electronics', 'beauty'), profile).categoryAffinity).toBeCloseTo(3 / 4, 6);
    expect(features(tagging('books'), profile).categoryAffinity).toBe(0);
    expect(features(note(), profile).categoryAffinity).toBe(0);
    expect(features(tagging('beauty')).categoryAffinity).toBe(0);
  });

  it('squash the distinct notes of the creator the viewer engaged with into [0, 1)', () => {
    expect(features(note({ authorId: 'anna' }), profile).creatorAffinity).toBeCloseTo(2 / 3, 6);
    expect(features(note({ authorId: 'bo' }), profile).creatorAffinity).toBeCloseTo(1 / 2, 6);
    expect(features(note({ authorId: 'cy' }), profile).creatorAffinity).toBe(0);
    const fan = AffinityProfile.of(Array.from({ length: 99 }, (_, n) => engagement(`n${n}`, 'anna')));
    expect(features(note({ authorId: 'anna' }), fan).creatorAffinity).toBeCloseTo(0.99, 6);
  });

  it('forget what a profile removes', () => {
    const sliding = AffinityProfile.of([engagement('a', 'anna', ['beauty']), engagement('a', 'anna', ['beauty'])]);
    sliding.remove(engagement('a', 'anna', ['beauty']));
    expect([sliding.engagements, sliding.creatorNotes('anna'), sliding.categoryEngagements('beauty')]).toEqual([1, 1, 1]);
    sliding.remove(engagement('a', 'anna', ['beauty']));
    expect([sliding.engagements, sliding.creatorNotes('anna'), sliding.categoryEngagements('beauty')]).toEqual([0, 0, 0]);
  });
});

describe('training profiles', () => {
  const timed = (userId: string, noteId: string, authorId: string, atMs: number): TimedEngagement => ({
    userId,
    noteId,
    authorId,
    categories: [],
    atMs,
  });

  it('count only engagements strictly before the moment, within the history serving reads', () => {
    const log = [timed('v', 'old', 'anna', NOW - 91 * DAY), timed('v', 'a', 'anna', NOW - 10 * DAY), timed('v', 'b', 'anna', NOW)];
    const timeline = new ProfileTimeline(log);
    expect(timeline.at('v', NOW).creatorNotes('anna')).toBe(1);
    expect(timeline.at('v', NOW + 1).creatorNotes('anna')).toBe(2);
    expect(timeline.at('v', NOW + 81 * DAY).creatorNotes('anna')).toBe(1);
    expect(timeline.at('nobody', NOW).engagements).toBe(0);
    expect(() => timeline.at('v', NOW)).toThrow(/time order/);
  });

  it(`keep the latest ${PROFILE_HISTORY.engagements} engagements`, () => {
    const log = Array.from({ length: PROFILE_HISTORY.engagements + 20 }, (_, n) => timed('v', `n${n}`, n < 20 ? 'early' : 'late', NOW + n));
    const profile = new ProfileTimeline(log).at('v', NOW + DAY);
    expect(profile.engagements).toBe(PROFILE_HISTORY.engagements);
    expect(profile.creatorNotes('early')).toBe(0);
  });

  it('never count an example’s own engagements (nor later ones) towards its affinities', () => {
    const liked = note({ authorId: 'anna', products: priced(99) });
    const later = note({ authorId: 'anna', products: priced(99) });
    // The viewer is shown `liked` at NOW and likes it a minute later; `later`, by the same creator, comes after.
    const timeline = new ProfileTimeline([{ userId: 'v', noteId: 'liked', authorId: 'anna', categories: ['beauty'], atMs: NOW + MINUTE }]);
    const examples = [
      { user: 'v', note: { ...later, id: 'later' }, atMs: NOW + 2 * MINUTE },
      { user: 'v', note: { ...liked, id: 'liked' }, atMs: NOW },
    ];
    const out = featuresInTime(examples, timeline, new TrendingTimeline([], TRENDING), () => VIEWER);
    const at = (row: number, name: (typeof NOTE_FEATURES)[number]) => out[row * NOTE_FEATURES.length + NOTE_FEATURES.indexOf(name)];
    expect([at(1, 'creatorAffinity'), at(1, 'categoryAffinity')]).toEqual([0, 0]);
    expect(at(0, 'creatorAffinity')).toBeCloseTo(0.5, 6);
    expect(at(0, 'categoryAffinity')).toBe(1);
  });
});

describe('popularity in training', () => {
  const read = (noteId: string, atMs: number, type: EventType = 'view') => ({ noteId, type, anonymous: false, atMs });
  const popularityOf = (events: TimedTrendingEvent[], atMs: number) => {
    // The note's stored score is today's, with every later engagement in it: training must not read it.
    const today = { ...note({ trendingScore: 10_000 }), id: 'n' };
    const out = featuresInTime(
      [{ user: 'v', note: today, atMs }],
      new ProfileTimeline([]),
      new TrendingTimeline(events, TRENDING),
      () => VIEWER,
    );
    return out[NOTE_FEATURES.indexOf('popularity')] as number;
  };

  it('is the note’s trending score as of the example, never today’s stored one nor anything after the example', () => {
    const before = [read('n', NOW - 2 * 3_600_000), read('n', NOW - 3_600_000, 'like')];
    const expected = Math.log1p(1 * 2 ** (-2 / 24) + 3 * 2 ** (-1 / 24)) / 5;
    expect(popularityOf(before, NOW)).toBeCloseTo(expected, 6);
    // The example's own like and everything later: the feature does not move.
    const after = [read('n', NOW, 'like'), ...Array.from({ length: 50 }, (_, n) => read('n', NOW + n * MINUTE, 'purchase'))];
    expect(popularityOf([...before, ...after], NOW)).toBeCloseTo(expected, 6);
  });
});

describe('stored model versions', () => {
  const layout = (features?: string[]): ModelLayout => ({
    shape: { users: 1, items: 1, dim: 1, features: features?.length ?? 6, hidden: 1 },
    tensors: [],
    userIds: [],
    noteIds: [],
    heads: [],
    ...(features ? { features } : {}),
  });

  it('are served only when they name the features this code computes, in its order', () => {
    expect(readsFeatures(layout([...NOTE_FEATURES]), NOTE_FEATURES)).toBe(true);
    expect(readsFeatures(layout(), NOTE_FEATURES)).toBe(false);
    expect(readsFeatures(layout(NOTE_FEATURES.slice(0, 6)), NOTE_FEATURES)).toBe(false);
    expect(readsFeatures(layout([...NOTE_FEATURES].reverse()), NOTE_FEATURES)).toBe(false);
  });
});
