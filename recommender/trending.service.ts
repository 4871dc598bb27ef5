import type { NotesRepository } from '../models/repositories/notes.repository';

/** Engagement older than this no longer counts toward trending. */
export const TRENDING_WINDOW_HOURS = 72;
/** Engagement loses half its weight every this many hours. */
export const TRENDING_HALF_LIFE_HOURS = 24;

export class TrendingService {
  constructor(private readonly notes: NotesRepository) {}

  /** Recomputes trending scores from the event log; returns how many notes changed. */
  refresh(): Promise<number> {
    return this.notes.refreshTrendingScores(TRENDING_WINDOW_HOURS, TRENDING_HALF_LIFE_HOURS);
  }

  reconcileCounters(): Promise<number> {
    return this.notes.reconcileCounters();
  }
}
