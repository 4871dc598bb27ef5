import { errors } from './errors';

// Cursors are opaque to clients: base64url of a small JSON tuple, validated on the way back in.
export function encodeCursor(parts: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor<T extends readonly ('string' | 'number')[]>(
  cursor: string,
  shape: T,
): { [K in keyof T]: T[K] extends 'number' ? number : string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw errors.badCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== shape.length) throw errors.badCursor();
  parsed.forEach((value, i) => {
    const expected = shape[i];
    if (typeof value !== expected || (expected === 'number' && !Number.isFinite(value))) throw errors.badCursor();
  });
  return parsed as { [K in keyof T]: T[K] extends 'number' ? number : string };
}
