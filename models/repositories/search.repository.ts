import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../core/db';

export interface SearchHitRow {
  kind: 'note' | 'product';
  id: string;
  rank: number;
}

export class SearchRepository {
  constructor(private readonly db: Db) {}

  /**
   * Published notes and products matching every token of `query`, best first. Notes that people
   * engaged with rank a little higher than equally relevant ones nobody touched.
   */
  async search(query: string, limit: number, offset: number): Promise<SearchHitRow[]> {
    const result = await this.db.execute(sql`
      WITH q AS (SELECT search_query(${query}) AS tsq)
      SELECT kind, id, rank FROM (
        SELECT 'note' AS kind, n.id,
               ts_rank(n.search, q.tsq) * (1 + ln(1 + n.like_count + n.collect_count) / 10) AS rank
          FROM notes n, q
         WHERE q.tsq IS NOT NULL AND n.status = 'published' AND n.search @@ q.tsq
        UNION ALL
        SELECT 'product' AS kind, p.id, ts_rank(p.search, q.tsq) AS rank
          FROM products p, q
         WHERE q.tsq IS NOT NULL AND p.search @@ q.tsq
      ) AS hits
      ORDER BY rank DESC, id
      LIMIT ${limit} OFFSET ${offset}`);
    return rowsOf<SearchHitRow>(result).map((r) => ({ ...r, rank: Number(r.rank) }));
  }
}
