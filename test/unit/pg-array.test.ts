import { toPgArray } from '../../core/db';

describe('toPgArray', () => {
  it('quotes every element, escapes only quotes and backslashes, and writes NULL for null', () => {
    expect(toPgArray(['a"b', 'c\\d', 'plain, {braced}', null, undefined, new Date(0), 1.5, false])).toBe(
      '{"a\\"b","c\\\\d","plain, {braced}",NULL,NULL,"1970-01-01T00:00:00.000Z","1.5","false"}',
    );
    expect(toPgArray([])).toBe('{}');
  });
});
