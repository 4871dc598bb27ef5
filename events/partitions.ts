import type { Config } from '../core/config';
import type { Db } from '../core/db';
import { EventsRepository } from '../models/repositories/events.repository';
import { EVENT_MAX_AGE_MS } from './events.service';

const DAY_MS = 24 * 3_600_000;
/** Months made ahead of the clock: the default partition stays empty unless maintenance stops for that long. */
const MONTHS_AHEAD = 2;

type PartitionRepo = Pick<EventsRepository, 'ensurePartition'>;

/** The first instant of the UTC month `offset` months after the one holding `at`. */
function monthStart(at: Date, offset = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));
}

/** Makes each month of the log from `from`'s to `to`'s that is missing; the names of those made. */
export function ensureEventMonths(db: Db, from: Date, to: Date): Promise<string[]> {
  return makeMonths(new EventsRepository(db), from, to);
}

/** The months the process may write to soon; every process makes them on start. */
export function ensureUpcomingMonths(db: Db, now = new Date()): Promise<string[]> {
  return makeUpcoming(new EventsRepository(db), now);
}

function makeUpcoming(repo: PartitionRepo, now: Date): Promise<string[]> {
  return makeMonths(repo, now, monthStart(now, MONTHS_AHEAD));
}

async function makeMonths(repo: PartitionRepo, from: Date, to: Date): Promise<string[]> {
  const made: string[] = [];
  for (let month = monthStart(from); month <= to; month = monthStart(month, 1)) {
    const name = await repo.ensurePartition(month);
    if (name) made.push(name);
  }
  return made;
}

export interface LogMaintenance {
  made: string[];
  /** Months dropped for being past EVENT_RETENTION_DAYS. */
  dropped: number;
  /** Ids event_ids no longer needs to remember. */
  forgotten: number;
}

/**
 * How long event_ids remembers an id: while a client may still send its event (a resend is then a
 * duplicate), and while a shop may still report a purchase after the click the id names.
 */
export function idMemoryMs(config: Pick<Config, 'ATTRIBUTION_CLICK_WINDOW_DAYS'>): number {
  return Math.max(EVENT_MAX_AGE_MS, config.ATTRIBUTION_CLICK_WINDOW_DAYS * DAY_MS) + DAY_MS;
}

/** The event log's upkeep: months made ahead, months past retention dropped, old ids forgotten. */
export class EventLogMaintenance {
  constructor(
    private readonly repo: Pick<EventsRepository, 'ensurePartition' | 'dropPartitionsBefore' | 'forgetIdsBefore'>,
    private readonly config: Pick<Config, 'EVENT_RETENTION_DAYS' | 'ATTRIBUTION_CLICK_WINDOW_DAYS'>,
  ) {}

  async run(now = new Date()): Promise<LogMaintenance> {
    const made = await makeUpcoming(this.repo, now);
    const dropped = await this.repo.dropPartitionsBefore(new Date(now.getTime() - this.config.EVENT_RETENTION_DAYS * DAY_MS));
    const forgotten = await this.repo.forgetIdsBefore(new Date(now.getTime() - idMemoryMs(this.config)));
    return { made, dropped, forgotten };
  }
}
