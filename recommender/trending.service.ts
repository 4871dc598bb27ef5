import type { NotesRepository } from '../models/repositories/notes.repository';
import { TRENDING } from './trending-rule';

export class TrendingService {
  constructor(private readonly notes: NotesRepository) {}

  /** Recomputes trending scores from the event log by TRENDING; returns how many notes changed. */
  refresh(): Promise<number> {
    return this.notes.refreshTrendingScores(TRENDING);
  }

  reconcileCounters(): Promise<number> {
    return this.notes.reconcileCounters();
  }
}
