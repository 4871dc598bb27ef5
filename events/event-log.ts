import { derivedUuid, uuidv7 } from '../core/ids';
import type { EventsRepository, NewEvent } from '../models/repositories/events.repository';
import type { EventType } from '../models/schema';

/**
 * The interaction log's one writer: every row of it is built here, whoever saw the event. Training,
 * analytics, attribution and the offline replay all read what these functions write, so an event's
 * meaning (its type, target and value) is decided in this file. Writes go through the repository of
 * the caller's transaction, so an action and its event commit together.
 */
type Log = Pick<EventsRepository, 'append'>;

/** What a viewer does to a note or a creator, logged with the action that changed the counters. */
export type ActionEvent = Extract<EventType, 'like' | 'collect' | 'comment' | 'share' | 'hide' | 'follow'>;

export function logAction(
  log: Log,
  type: ActionEvent,
  userId: string,
  target: { noteId: string } | { targetUserId: string },
  at = new Date(),
): Promise<Set<string>> {
  return log.append([{ eventId: uuidv7(at.getTime()), type, userId, occurredAt: at, ...target }]);
}

/** An order's purchase, credited to the note that earned it (null: organic); its value is the amount paid. */
export function logPurchase(
  log: Log,
  order: { userId: string; productId: string; amountMinor: number; occurredAt: Date },
  creditedNoteId: string | null,
): Promise<Set<string>> {
  return log.append([
    {
      eventId: uuidv7(order.occurredAt.getTime()),
      type: 'purchase',
      userId: order.userId,
      noteId: creditedNoteId,
      productId: order.productId,
      value: order.amountMinor,
      occurredAt: order.occurredAt,
    },
  ]);
}

export interface ServedPage {
  viewerId: string | null;
  sessionId: string;
  noteIds: readonly string[];
  servedAt: Date;
}

/**
 * One `served` event per note of a feed page; its value is the note's position on the page. Each id
 * derives from the session and the note, so storing a page twice stores nothing the second time.
 */
export function logServed(log: Log, pages: readonly ServedPage[]): Promise<Set<string>> {
  return log.append(
    pages.flatMap((page) =>
      page.noteIds.map((noteId, position) => ({
        eventId: derivedUuid(page.servedAt.getTime(), `served:${page.sessionId}:${noteId}`),
        type: 'served' as const,
        userId: page.viewerId,
        noteId,
        sessionId: page.sessionId,
        value: position,
        occurredAt: page.servedAt,
      })),
    ),
  );
}

/** What a client reports (impressions, views with their watch ratio or seconds, product clicks), under its own ids. */
export interface ReportedEvent {
  eventId: string;
  type: EventType;
  noteId: string | null;
  productId: string | null;
  value: number | null;
  sessionId: string | null;
  occurredAt: Date;
  isRepeat: boolean;
}

export function logReported(log: Log, userId: string | null, events: readonly ReportedEvent[]): Promise<Set<string>> {
  return log.append(events.map((event): NewEvent => ({ ...event, userId })));
}
