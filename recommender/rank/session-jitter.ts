/**
 * A stable value in [0, 1) per (session, note): the same scroll session always sees the same order.
 * FNV-1a rather than a cryptographic hash: it runs for every candidate of every page, continuing
 * from the session's own hash, which is computed once per page.
 */
export function jitter(seed: number, noteId: string): number {
  return fnv1a(noteId, seed) / 2 ** 32;
}

export function sessionSeed(sessionId: string): number {
  return fnv1a(sessionId, 0x811c9dc5);
}

function fnv1a(text: string, start: number): number {
  let hash = start;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
