import { decodeCursor, encodeCursor } from '../../core/cursor';
import { errors } from '../../core/errors';
import { isUuid, packUuids, unpackUuids } from '../../core/ids';

/** The most notes one first page carries in its cursor: the largest page a client may ask for. */
const MAX_CARRIED = 50;

/** Where a For-You scroll session stands: its id, the page last served, and an anonymous first page's notes. */
export interface SessionPosition {
  sessionId: string;
  page: number;
  /** The notes of an anonymous session's first page, which Redis never stored: the cursor carries them. */
  firstPage: string[] | null;
}

/**
 * A page's cursor. An anonymous session's first page is the one most requests stop at (visitors, crawlers,
 * anyone sending the same request again and again): it is kept in the cursor, ids packed at 16 bytes each,
 * instead of in Redis, where each one cost a few kilobytes for the session's lifetime.
 */
export function encodeSessionCursor(sessionId: string, page: number, firstPage?: readonly string[]): string {
  if (!firstPage) return encodeCursor([sessionId, page]);
  const packed = packUuids(firstPage).toString('base64url');
  return encodeCursor([sessionId, page, packed]);
}

export function decodeSessionCursor(cursor: string): SessionPosition {
  let parts: readonly [string, number] | readonly [string, number, string];
  try {
    parts = decodeCursor(cursor, ['string', 'number'] as const);
  } catch {
    parts = decodeCursor(cursor, ['string', 'number', 'string'] as const);
  }
  const [sessionId, page, packed] = parts;
  if (packed === undefined) return { sessionId, page, firstPage: null };
  const bytes = Buffer.from(packed, 'base64url');
  if (page !== 0 || bytes.length % 16 !== 0 || bytes.length > MAX_CARRIED * 16) throw errors.badCursor();
  const firstPage = unpackUuids(bytes);
  if (!firstPage.every(isUuid)) throw errors.badCursor();
  return { sessionId, page, firstPage };
}
