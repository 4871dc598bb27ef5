import type { CandidateRow, NoteRow } from '../../models/repositories/notes.repository';
import { filterCandidates } from '../../recommender/rank/filter';
import { selectPage } from '../../recommender/rank/mixer';
import { explain, type RankContext } from '../../recommender/rank/page';
import type { Candidate } from '../../recommender/recall/source';

const NOW = new Date('2026-11-27T00:00:00Z');

function note(id: string, authorId: string, overrides: Partial<NoteRow & CandidateRow> = {}): Candidate {
  const row: NoteRow & CandidateRow = {
    id,
    authorId,
    kind: 'image',
    title: id,
    body: '',
    topics: ['beauty'],
    status: 'published',
    sponsored: false,
    sponsorBrandId: null,
    sponsorStatus: null,
    likeCount: 0,
    collectCount: 0,
    commentCount: 0,
    shareCount: 0,
    viewCount: 0,
    trendingScore: 10,
    createdAt: NOW,
    updatedAt: NOW,
    publishedAt: new Date(NOW.getTime() - 7 * 24 * 3600 * 1000),
    failureReason: null,
    products: [],
    ...overrides,
  };
  return { note: row, sources: new Set(['trending']) };
}

const ctx = (overrides: Partial<RankContext> = {}): RankContext => ({
  now: NOW,
  sessionId: 's1',
  viewerId: 'me',
  followed: new Set(),
  interests: new Set(),
  hiddenNotes: new Set(),
  hiddenCreators: new Set(),
  hideSoldOut: false,
  ...overrides,
});

describe('For-You ranking', () => {
  it('drops hidden notes, hidden creators, own and unpublished notes', () => {
    const candidates = [note('a', 'x'), note('b', 'hidden-author'), note('c', 'x'), note('d', 'me'), note('e', 'y', { status: 'removed' })];
    const kept = filterCandidates(candidates, ctx({ hiddenNotes: new Set(['c']), hiddenCreators: new Set(['hidden-author']) }));
    expect(kept.map((c) => c.note.id)).toEqual(['a']);
  });

  it('lifts followed creators and the viewer’s interests above equal popularity', () => {
    const candidates = [note('plain', 'a'), note('followed', 'b'), note('food', 'c', { topics: ['food'] })];
    const page = selectPage(candidates, ctx({ followed: new Set(['b']), interests: new Set(['food']) }), 3);
    expect(page.map((c) => c.note.id)).toEqual(['followed', 'food', 'plain']);
  });

  it('decays an author’s further notes so one creator cannot fill the page', () => {
    const candidates = [
      note('a1', 'a', { trendingScore: 1000 }),
      note('a2', 'a', { trendingScore: 900 }),
      note('a3', 'a', { trendingScore: 800 }),
      note('b1', 'b', { trendingScore: 300 }),
    ];
    const page = selectPage(candidates, ctx(), 2);
    expect(page.map((c) => c.note.id)).toEqual(['a1', 'b1']);
  });

  it('orders the same way every time within a session', () => {
    const candidates = Array.from({ length: 30 }, (_, i) => note(`n${i}`, `u${i}`));
    const once = selectPage(candidates, ctx(), 10).map((c) => c.note.id);
    const twice = selectPage(candidates, ctx(), 10).map((c) => c.note.id);
    const otherSession = selectPage(candidates, ctx({ sessionId: 's2' }), 10).map((c) => c.note.id);
    expect(twice).toEqual(once);
    expect(otherSession).not.toEqual(once);
  });

  it('keeps two of twenty slots for the least-read fresh notes, whatever the model scores them', () => {
    const popular = Array.from({ length: 30 }, (_, i) => note(`p${i}`, `a${i}`, { viewCount: 500 }));
    const fresh = [note('new-1', 'n1', { viewCount: 0 }), note('new-2', 'n2', { viewCount: 3 }), note('seen', 'n3', { viewCount: 400 })];
    for (const c of fresh) c.sources = new Set(['fresh']);
    const candidates = [...popular, ...fresh];
    const scores = Float32Array.from(candidates, (c) => (c.sources.has('fresh') ? 0 : 5));
    const page = selectPage(candidates, ctx(), 20, scores).map((c) => c.note.id);
    expect(page).toHaveLength(20);
    expect(page).toEqual(expect.arrayContaining(['new-1', 'new-2']));
    expect(page).not.toContain('seen');
    expect(page.indexOf('new-1')).toBeGreaterThan(0);
  });

  it('lets at most two sponsored notes onto a page of twenty', () => {
    const sponsored = Array.from({ length: 10 }, (_, i) => note(`s${i}`, `sa${i}`, { sponsored: true, trendingScore: 1000 }));
    const organic = Array.from({ length: 30 }, (_, i) => note(`o${i}`, `oa${i}`));
    const page = selectPage([...sponsored, ...organic], ctx(), 20);
    expect(page).toHaveLength(20);
    expect(page.filter((c) => c.note.sponsored)).toHaveLength(2);
  });

  it('explains a note by its sources and the two strongest reasons in words', () => {
    const followed = note('f', 'creator', { topics: ['beauty'] });
    followed.sources = new Set(['following', 'trending']);
    expect(explain(followed, ctx({ followed: new Set(['creator']), interests: new Set(['beauty']) }))).toBe(
      'following,trending: you follow this creator; about beauty, one of your interests',
    );
    const newcomer = note('n', 'someone', { viewCount: 3 });
    newcomer.sources = new Set(['fresh']);
    expect(explain(newcomer, ctx())).toBe('fresh: new and seen by few so far');
  });

  it('names the viewer’s latest like when a note was recalled from their likes, shortening a long title', () => {
    const near = note('s', 'someone');
    near.sources = new Set(['similar', 'alsoLiked']);
    expect(explain(near, ctx(), '秋冬口红试色')).toBe(
      'similar,alsoLiked: like “秋冬口红试色” and other notes you liked or saved lately; liked by people who liked “秋冬口红试色”, as you did',
    );
    expect(explain(near, ctx(), 'A very long title about autumn lipstick shades')).toMatch(
      /^similar,alsoLiked: like “A very long title about…” and/,
    );
    expect(explain(near, ctx())).toBe(
      'similar,alsoLiked: like the notes you liked or saved lately; liked by people who liked what you liked',
    );
    const retrieved = note('r', 'someone');
    retrieved.sources = new Set(['tower']);
    expect(explain(retrieved, ctx(), '秋冬口红试色')).toBe('tower: close to “秋冬口红试色” and what else you read and liked lately');
    expect(explain(retrieved, ctx())).toBe('tower: close to what you read and liked lately');
  });

  it('decays a topic already on the page, so a slightly weaker note on another topic gets in', () => {
    const beauty = Array.from({ length: 6 }, (_, i) => note(`b${i}`, `ba${i}`, { topics: ['beauty'], trendingScore: 100 }));
    const travel = note('t', 'ta', { topics: ['travel'], trendingScore: 60 });
    const page = selectPage([...beauty, travel], ctx({ sessionId: 'topics' }), 4).map((c) => c.note.id);
    expect(page).toContain('t');
  });
});

describe('the sold-out filter', () => {
  const product = (inStock: boolean) => ({ category: 'beauty', priceMinor: 9900, inStock });
  const candidates = [
    note('none', 'x'),
    note('gone', 'x', { products: [product(false)] }),
    note('mixed', 'x', { products: [product(false), product(true)] }),
  ];

  it('leaves out notes whose products are all sold out, only when asked to', () => {
    expect(filterCandidates(candidates, ctx({ hideSoldOut: true })).map((c) => c.note.id)).toEqual(['none', 'mixed']);
    expect(filterCandidates(candidates, ctx()).map((c) => c.note.id)).toEqual(['none', 'gone', 'mixed']);
  });
});
