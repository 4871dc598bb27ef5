import { createHash, randomFillSync } from 'node:crypto';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}

// UUIDv7 (RFC 9562): time-ordered, so ids minted by the server append to the right edge of the
// event_ids index instead of scattering writes across it as random v4 ids do.
export function uuidv7(now = Date.now()): string {
  return timeOrderedUuid(now, random16(), 0x70);
}

// Random bytes drawn 4 KiB at a time, as crypto.randomUUID draws its own: one draw per id cost a call into OpenSSL each.
const RANDOM_POOL = Buffer.alloc(4096);
let poolOffset = RANDOM_POOL.length;

function random16(): Buffer {
  if (poolOffset === RANDOM_POOL.length) {
    randomFillSync(RANDOM_POOL);
    poolOffset = 0;
  }
  poolOffset += 16;
  return RANDOM_POOL.subarray(poolOffset - 16, poolOffset);
}

/**
 * A UUIDv8 laid out like v7 (time first, for the same index locality) whose other bits are a hash of
 * `key`: the same time and key always give the same id, so a write retried after a crash is a duplicate
 * event_ids refuses rather than a second row.
 */
export function derivedUuid(now: number, key: string): string {
  return timeOrderedUuid(now, createHash('sha256').update(key).digest().subarray(0, 16), 0x80);
}

function timeOrderedUuid(now: number, bytes: Buffer, version: number): string {
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | version;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  return uuidOf(bytes);
}

/** The ids' 16 bytes each, one after another: a third of their text. */
export function packUuids(ids: readonly string[]): Buffer {
  return Buffer.from(ids.map((id) => id.replaceAll('-', '')).join(''), 'hex');
}

/** The ids packUuids packed into `bytes` (16 each). */
export function unpackUuids(bytes: Buffer): string[] {
  return Array.from({ length: Math.floor(bytes.length / 16) }, (_, i) => uuidOf(bytes.subarray(i * 16, (i + 1) * 16)));
}

function uuidOf(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
