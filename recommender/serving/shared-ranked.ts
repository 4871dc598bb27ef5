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

  async load(viewerId: string): Promise<StoredRanked | null> {
    const value = await this.redis.getBuffer(rankedKey(viewerId));
    return value && decodeRanked(value);
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
  const count = ranked.ids.length;
  const scoreBytes = ranked.scores ? count * 4 : 0;
  const buffer = Buffer.alloc(HEADER_BYTES + key.length + count * (ID_BYTES + 1) + scoreBytes);
  let at = buffer.writeDoubleLE(ranked.refreshAt, 0);
  at = buffer.writeDoubleLE(ranked.expiresAt, at);
  at = buffer.writeUInt16LE(key.length, at);
  at = buffer.writeUInt32LE(count, at);
  at = buffer.writeUInt8(ranked.scores ? 1 : 0, at);
  at += key.copy(buffer, at);
  for (const id of ranked.ids) at += buffer.write(id.replaceAll('-', ''), at, ID_BYTES, 'hex');
  buffer.set(ranked.sources, at);
  at += count;
  if (ranked.scores) Buffer.from(ranked.scores.buffer, ranked.scores.byteOffset, scoreBytes).copy(buffer, at);
  return buffer;
}

/** What encodeRanked wrote; null for anything else, which then reads as no list. */
export function decodeRanked(buffer: Buffer): StoredRanked | null {
  if (buffer.length < HEADER_BYTES) return null;
  const refreshAt = buffer.readDoubleLE(0);
  const expiresAt = buffer.readDoubleLE(8);
  const keyLength = buffer.readUInt16LE(16);
  const count = buffer.readUInt32LE(18);
  const scored = buffer.readUInt8(22) === 1;
  const keyEnd = HEADER_BYTES + keyLength;
  const idsEnd = keyEnd + count * ID_BYTES;
  if (buffer.length !== idsEnd + count + (scored ? count * 4 : 0)) return null;
  const ids = new Array<string>(count);
  for (let i = 0; i < count; i += 1) ids[i] = formatUuid(buffer.toString('hex', keyEnd + i * ID_BYTES, keyEnd + (i + 1) * ID_BYTES));
  const sources = Uint8Array.from(buffer.subarray(idsEnd, idsEnd + count));
  let scores: Float32Array | null = null;
  if (scored) {
    scores = new Float32Array(count);
    Buffer.from(scores.buffer).set(buffer.subarray(idsEnd + count, idsEnd + count + count * 4));
  }
  return { key: buffer.toString('utf8', HEADER_BYTES, keyEnd), refreshAt, expiresAt, ids, sources, scores };
}

function formatUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
