import { packUuids, unpackUuids } from '../../core/ids';
import type { Redis } from '../../core/redis';

/** A viewer's ranked candidates as every API process can read them: by note id, not by row. */
export interface StoredRanked {
  /** The viewer's version, model version and experiment arm the list was ranked for (RankedCache's key). */
  key: string;
  /** When it is due to be ranked again and when it stops serving, in ms since the epoch, the same in every process. */
  refreshAt: number;
  expiresAt: number;
  ids: string[];
  /** Each candidate's recall sources, a bitmask (RankedCache). */
  sources: Uint8Array;
  /** The model's score of each candidate; null when the heuristic ranks. */
  scores: Float32Array | null;
}

/**
 * Ranked lists shared through Redis, so a viewer is recalled and scored once per list for the whole
 * cluster, not once in each API process that serves them (Gorse keeps its per-user lists in a cache the
 * same way). An entry is about 21 bytes a candidate (~10 KB for a list of 500) and lives as long as the
 * list serves (RANKED).
 */
export class SharedRankedLists {
  constructor(private readonly redis: Redis) {}

  /**
   * The viewer's list, when there is one and `wanted` takes its header: a list this process already holds, or one
   * ranked for another key, is turned down before its ids are decoded (500 strings, most of a list's cost to read).
   */
  async load(viewerId: string, wanted: (header: RankedHeader) => boolean): Promise<StoredRanked | null> {
    const value = await this.redis.getBuffer(rankedKey(viewerId));
    const layout = value && layoutOf(value);
    return layout && wanted(layout.header) ? decodeCandidates(value, layout) : null;
  }

  async save(viewerId: string, ranked: StoredRanked): Promise<void> {
    const ttlMs = Math.ceil(ranked.expiresAt - Date.now());
    if (ttlMs > 0) await this.redis.set(rankedKey(viewerId), encodeRanked(ranked), 'PX', ttlMs);
  }
}

const rankedKey = (viewerId: string): string => `feed:viewer:${viewerId}:ranked`;

const ID_BYTES = 16;
/** refreshAt and expiresAt (float64), key length (uint16), count (uint32), whether scores follow (uint8). */
const HEADER_BYTES = 8 + 8 + 2 + 4 + 1;

/** The times, the key, then each candidate's id as 16 bytes, its sources, and its score when there are scores. */
export function encodeRanked(ranked: StoredRanked): Buffer {
  const key = Buffer.from(ranked.key, 'utf8');
  const header = Buffer.alloc(HEADER_BYTES);
  let at = header.writeDoubleLE(ranked.refreshAt, 0);
  at = header.writeDoubleLE(ranked.expiresAt, at);
  at = header.writeUInt16LE(key.length, at);
  at = header.writeUInt32LE(ranked.ids.length, at);
  header.writeUInt8(ranked.scores ? 1 : 0, at);
  const { scores } = ranked;
  return Buffer.concat([
    header,
    key,
    packUuids(ranked.ids),
    ranked.sources,
    ...(scores ? [new Uint8Array(scores.buffer, scores.byteOffset, scores.byteLength)] : []),
  ]);
}

/** What a stored list is for and how long it serves, read without its candidates. */
export type RankedHeader = Pick<StoredRanked, 'key' | 'refreshAt' | 'expiresAt'>;

/** The header encodeRanked wrote; null for anything that is not a whole list. */
export function decodeRankedHeader(buffer: Buffer): RankedHeader | null {
  return layoutOf(buffer)?.header ?? null;
}

/** What encodeRanked wrote; null for anything else, which then reads as no list. */
export function decodeRanked(buffer: Buffer): StoredRanked | null {
  const layout = layoutOf(buffer);
  return layout && decodeCandidates(buffer, layout);
}

/** The whole list, from a buffer whose layout has been read. */
function decodeCandidates(buffer: Buffer, { header, count, scored, keyEnd, idsEnd }: Layout): StoredRanked {
  const ids = unpackUuids(buffer.subarray(keyEnd, idsEnd));
  const sources = Uint8Array.from(buffer.subarray(idsEnd, idsEnd + count));
  let scores: Float32Array | null = null;
  if (scored) {
    scores = new Float32Array(count);
    Buffer.from(scores.buffer).set(buffer.subarray(idsEnd + count, idsEnd + count + count * 4));
  }
  return { ...header, ids, sources, scores };
}

/** Where a stored list's parts lie, and its header. */
interface Layout {
  header: RankedHeader;
  count: number;
  scored: boolean;
  keyEnd: number;
  idsEnd: number;
}

function layoutOf(buffer: Buffer): Layout | null {
  if (buffer.length < HEADER_BYTES) return null;
  const keyLength = buffer.readUInt16LE(16);
  const count = buffer.readUInt32LE(18);
  const scored = buffer.readUInt8(22) === 1;
  const keyEnd = HEADER_BYTES + keyLength;
  const idsEnd = keyEnd + count * ID_BYTES;
  if (buffer.length !== idsEnd + count + (scored ? count * 4 : 0)) return null;
  const header = {
    key: buffer.toString('utf8', HEADER_BYTES, keyEnd),
    refreshAt: buffer.readDoubleLE(0),
    expiresAt: buffer.readDoubleLE(8),
  };
  return { header, count, scored, keyEnd, idsEnd };
}
