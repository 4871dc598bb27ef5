import { randomUUID } from 'node:crypto';
import { encodeCursor } from '../../core/cursor';
import { decodeSessionCursor, encodeSessionCursor } from '../../recommender/serving/session-cursor';

describe('For-You session cursors', () => {
  it('carry an anonymous first page in 16 bytes a note, and nothing for later pages', () => {
    const ids = Array.from({ length: 50 }, () => randomUUID());
    const cursor = encodeSessionCursor('s1', 0, ids);
    expect(decodeSessionCursor(cursor)).toEqual({ sessionId: 's1', page: 0, firstPage: ids });
    expect(cursor.length).toBeLessThan(1500);
    expect(decodeSessionCursor(encodeSessionCursor('s1', 3))).toEqual({ sessionId: 's1', page: 3, firstPage: null });
  });

  it('refuse carried notes past the first page, past a page size, or not whole ids', () => {
    const packed = (bytes: number) => Buffer.alloc(bytes, 0x41).toString('base64url');
    for (const parts of [['s1', 2, packed(32)], ['s1', 0, packed(51 * 16)], ['s1', 0, packed(15)], ['s1', 0, 1], ['s1']]) {
      expect(() => decodeSessionCursor(encodeCursor(parts as (string | number)[]))).toThrow(
        expect.objectContaining({ code: 'BAD_CURSOR' }),
      );
    }
  });
});
