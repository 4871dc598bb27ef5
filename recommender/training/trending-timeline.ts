import type { TrendingRule } from '../../models/repositories/notes.repository';
import type { EventType } from '../../models/schema';

export interface TimedTrendingEvent {
  noteId: string;
  type: EventType;
  anonymous: boolean;
  atMs: number;
}

interface NoteLog {
  times: number[];
  /** Each event's weight grown by 2^((t − origin) / half-life), so a sum decays with one multiplication. */
  grown: number[];
  anonymous: boolean[];
  origin: number;
  /** times[from..to) are in the window. */
  from: number;
  to: number;
  signed: number;
  unsigned: number;
  atMs: number;
}

/**
 * Each note's trending score as the refresh job (TRENDING, computed in SQL) would have given it at a
 * moment, from the events strictly before it: the popularity an example's features may know. Reading
 * the notes' current scores instead would teach the model from the very engagements it predicts.
 * Asked in time order per note, it slides a window along the note's events instead of recounting them.
 */
export class TrendingTimeline {
  private readonly notes = new Map<string, NoteLog>();
  private readonly halfLifeMs: number;
  private readonly windowMs: number;

  /** `events` in time order. */
  constructor(
    events: Iterable<TimedTrendingEvent>,
    private readonly rule: TrendingRule,
  ) {
    this.halfLifeMs = rule.halfLifeHours * 3_600_000;
    this.windowMs = rule.windowHours * 3_600_000;
    for (const event of events) {
      const weight = rule.weights[event.type] ?? 0;
      if (weight === 0) continue;
      let log = this.notes.get(event.noteId);
      if (!log) {
        log = { times: [], grown: [], anonymous: [], origin: event.atMs, from: 0, to: 0, signed: 0, unsigned: 0, atMs: -Infinity };
        this.notes.set(event.noteId, log);
      }
      log.times.push(event.atMs);
      log.grown.push(weight * 2 ** ((event.atMs - log.origin) / this.halfLifeMs));
      log.anonymous.push(event.anonymous);
    }
  }

  /** Back to before the first event, so the notes can be asked for in time order again (the events stay). */
  rewind(): void {
    for (const log of this.notes.values()) Object.assign(log, { from: 0, to: 0, signed: 0, unsigned: 0, atMs: -Infinity });
  }

  /** The note's score at `atMs`; asked again for the same note, time must not go back (unless rewound). */
  at(noteId: string, atMs: number): number {
    const log = this.notes.get(noteId);
    if (!log) return 0;
    if (atMs < log.atMs) throw new Error('trending scores of a note are asked for in time order');
    log.atMs = atMs;
    const { times, grown, anonymous } = log;
    while (log.to < times.length && (times[log.to] as number) < atMs) {
      if (anonymous[log.to]) log.unsigned += grown[log.to] as number;
      else log.signed += grown[log.to] as number;
      log.to += 1;
    }
    while (log.from < log.to && (times[log.from] as number) <= atMs - this.windowMs) {
      if (anonymous[log.from]) log.unsigned -= grown[log.from] as number;
      else log.signed -= grown[log.from] as number;
      log.from += 1;
    }
    // An emptied window restarts from exact zeros rather than from what rounding left of the sums.
    if (log.from === log.to) log.signed = log.unsigned = 0;
    const decay = 2 ** (-(atMs - log.origin) / this.halfLifeMs);
    const signed = Math.max(0, log.signed * decay);
    const unsigned = Math.max(0, log.unsigned * decay);
    return signed + Math.min(this.rule.anonymousShare * unsigned, signed);
  }
}
