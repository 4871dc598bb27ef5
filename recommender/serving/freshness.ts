import type { Config } from '../../core/config';

/*
 * Every size and TTL of what the feed keeps between requests, in one place: each trades how stale a
 * page may be against what serving it costs (queries, scoring, memory).
 */

// Scroll sessions and viewer state, in Redis: shared by every API process.

/** A scroll session (owner, served notes, each page as served) outlives its last page this long: longer resumes a paused scroll without repeats, at the cost of Redis memory per session. */
export const SESSION_TTL_SECONDS = 3600;
/** ...and an anonymous one's (its first page lives in the cursor, not here): anyone can open as many as they like, so they cost Redis memory for a quarter of the time. */
export const ANONYMOUS_SESSION_TTL_SECONDS = 900;
/** A signed-in viewer's latest served notes that a new scroll session avoids: about ten pages; more repeats less across sessions, but every page reads the whole list. */
export const VIEWER_RECENT = 200;
/** ...for this long after the viewer's last page: longer keeps a returning viewer's feed new for longer, at a Redis list per viewer for as long. */
export const VIEWER_RECENT_TTL_SECONDS = 24 * 3600;
/** The viewer's version outlives any process's cache entry keyed by it, so a version never repeats within an entry's life; a week of one counter per viewer is cheap. */
export const VIEWER_VERSION_TTL_SECONDS = 7 * 24 * 3600;
/**
 * Served pages wait in a Redis stream until the jobs role writes them to the event log; the cap keeps a
 * deployment that runs no worker from growing it without bound (the oldest entries go first).
 */
export const SERVED_LOG_MAX = 1_000_000;

/**
 * The long-term seen filter: For-You does not serve a signed-in viewer a note they read (a view event)
 * within `days`. Each process keeps a viewer's read notes for `ttlMs`, so a note read outside the feed
 * (search, a profile, another device) drops out of new sessions within it; notes served in a session
 * never return within it anyway. `notes` bounds one viewer's list (the most recently read are kept).
 */
export const READ_HISTORY = { days: 30, notes: 5_000, max: 10_000, ttlMs: 60_000 } as const;

// Candidate pools and candidates, in each API process.

/** Shared candidate pools (trending, fresh, a topic) are read again this often: a new or newly trending note shows within it; trending scores themselves move every TRENDING_REFRESH_MS. */
export const SHARED_RECALL_TTL_MS = 30_000;
/** A pool holds this many times a source's quota, so a session can scroll a while before it runs dry and falls back to the database; larger pools cost memory and a longer read. */
export const POOL_FACTOR = 4;
/** The ids of the newest notes of the creators a viewer follows, per viewer version: a followed creator's new note shows as late as a shared pool's; the size bounds the memory. */
export const FOLLOWED_NOTES = { max: 50_000, ttlMs: SHARED_RECALL_TTL_MS } as const;
/** What ranking knows of a viewer (follows, hides, interests, latest likes): any action of theirs bumps their version and drops it; the TTL bounds what changes without one. */
export const VIEWER_CONTEXT = { max: 50_000, ttlMs: 10 * 60_000 } as const;
/**
 * A viewer's recalled and scored candidates serve their next pages for a minute (`ttlMs`), as long as the
 * per-viewer inputs they are ranked from (PROFILES, TOWER, READ_HISTORY), and until half of them has been
 * served (`refreshServed`); then the next page is still picked from them while they are ranked again in
 * the background, for at most `staleMs` more and until three quarters are served (`dropServed`), so a page
 * rarely waits for recall and scoring. Any action of the viewer's ranks afresh at once (their version), so
 * the minute bounds only how late a note new to the shared pools can join a list: at 30 s, the For-You
 * load (500 viewers, two processes) was served at 0.70 to 0.87 of the rate it is at a minute. At a third
 * served, a quarter of the pages under load were recalled and scored afresh (the most expensive pages);
 * past half, the pages pick from the lower-ranked rest. The size bounds the memory to that many viewers'
 * candidates.
 */
export const RANKED = {
  maxViewers: 10_000,
  ttlMs: 60_000,
  staleMs: SHARED_RECALL_TTL_MS,
  refreshServed: 0.5,
  dropServed: 0.75,
} as const;

// The interest model's serving state, in each API process.

/** A viewer's affinity profile is reused this long: a page costs no query for it, so a like or a purchase reaches the creator and category affinities up to a minute late. */
export const PROFILES = { max: 10_000, ttlMs: 60_000 } as const;
/** Neighbour recall results (embedding and co-engagement) by model version and query: no TTL, since a version never changes; a miss costs a scan of every note (~0.8 ms). */
export const NEIGHBOURS = { max: 20_000 } as const;

/**
 * The retrieval tower's view of a viewer (as many of their latest notes of the last `days` as it reads, in one query):
 * kept per viewer version, so a like, collect or hide moves the next page; the TTL bounds how long a
 * read or a click elsewhere takes to count. Notes published since the version was loaded join its
 * index every `notesRefreshMs`, as new notes reach the shared pools.
 */
export const TOWER = { days: 30, max: 50_000, ttlMs: 60_000, notesRefreshMs: SHARED_RECALL_TTL_MS } as const;

/** Trending scores are recomputed from the event log this often (the trending.refresh job): fresher costs a scan of 72 hours of events each time. */
export const TRENDING_REFRESH_MS = 5 * 60_000;

/** The settings that come from core/config.ts, so a deployment can tune them without a build. */
export function configuredFreshness(config: Pick<Config, 'READ_CACHE_MAX' | 'READ_CACHE_TTL_MS' | 'MODEL_POLL_MS'>) {
  return {
    /**
     * Feed cards (READ_CACHE_MAX, READ_CACHE_TTL_MS, as every read cache): likes, collects, comments and
     * edits forget a card everywhere at once over the cache bus; only a view count may lag by the TTL.
     */
    cards: { max: config.READ_CACHE_MAX, ttlMs: config.READ_CACHE_TTL_MS },
    /**
     * Candidate rows proposed by id (READ_CACHE_MAX, READ_CACHE_TTL_MS): they only rank, and the page's read of its cards
     * decides what is still published, so their counts may lag as a card's view count does. Kept for the shared pools'
     * 30 s, each API process read the rows of every ranked list again twice a minute (a query every third feed page).
     */
    candidateRows: { max: config.READ_CACHE_MAX, ttlMs: config.READ_CACHE_TTL_MS },
    /** How often each process looks for a newly promoted model version (MODEL_POLL_MS): a promotion serves within it, at one small query per poll. */
    modelPollMs: config.MODEL_POLL_MS,
  };
}
