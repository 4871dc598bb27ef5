import { decodeCursor, encodeCursor } from '../core/cursor';
import { errors } from '../core/errors';
import type { SearchHitRow, SearchRepository } from '../models/repositories/search.repository';

const MAX_QUERY_LENGTH = 100;
/** Relevance pages are offsets into a stable order; deep pages past this are refused, not slow. */
const MAX_OFFSET = 1000;

export class SearchService {
  constructor(private readonly search: SearchRepository) {}

  async page(
    query: string,
    first: number,
    after: string | null,
  ): Promise<{ hits: (SearchHitRow & { cursor: string })[]; hasNextPage: boolean }> {
    const text = query.trim();
    if (text.length === 0) throw errors.badInput('query: must not be empty', 'query');
    if (text.length > MAX_QUERY_LENGTH) throw errors.badInput(`query: use at most ${MAX_QUERY_LENGTH} characters`, 'query');
    const offset = after ? decodeCursor(after, ['number'] as const)[0] + 1 : 0;
    if (offset < 0 || offset > MAX_OFFSET) throw errors.badCursor();
    const rows = await this.search.search(text, first + 1, offset);
    const hits = rows.slice(0, first).map((row, i) => ({ ...row, cursor: encodeCursor([offset + i]) }));
    return { hits, hasNextPage: rows.length > first };
  }
}
