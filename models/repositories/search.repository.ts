import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, toPgArray, type Db } from '../../core/db';

export interface SearchHitRow {
  kind: 'note' | 'product';
  id: string;
  rank: number;
}

/** Ranks of where a word was found, as tsvector weights: A counts most, D least. */
export type SearchWeight = 'A' | 'B' | 'C' | 'D';

/**
 * A document as the index stores it: runs of words in reading order, each with the weight of where
 * it came from. Words of one run are adjacent (a phrase can match across them); runs are not.
 */
export type SearchDocument = readonly { weight: SearchWeight; words: readonly string[] }[];

/** One query word: it matches when any of its forms does. A form is a phrase of adjacent words, its last word a prefix if asked. */
export type SearchTerm = readonly { phrase: readonly string[]; prefix?: boolean }[];

export interface NoteText {
  id: string;
  title: string;
  body: string;
  topics: string[];
}

export interface ProductText {
  id: string;
  title: string;
  description: string;
  brand: string;
}

/**
 * How a hit's score is blended; each part lies in [0, 1), so the weights say what each counts for.
 * coverage: the share of the query's words the document has, so documents with every word rank above
 * those with some (exactly so for queries of up to two words, whose steps are 0.5 > text + engagement).
 * text: ts_rank_cd over the document's weights, scaled by rank / (rank + 1).
 * engagement: likes and collects of a note, as ln(1 + n) / (1 + ln(1 + n)); products have none.
 */
const RANKING = { coverage: 1, text: 0.3, engagement: 0.1 };
/** ts_rank_cd weights of D, C, B, A: a title word counts ten times a character of the body. */
const FIELD_WEIGHTS = '{0.1, 0.2, 0.5, 1.0}';
/** Postgres keeps at most this many positions of a lexeme, and none beyond the last position. */
const MAX_POSITIONS_PER_WORD = 256;
const LAST_POSITION = 16_383;

export class SearchRepository {
  constructor(private readonly db: Db) {}

  /** Published notes and products matching any term, best first (see RANKING). */
  async search(terms: readonly SearchTerm[], limit: number, offset: number): Promise<SearchHitRow[]> {
    if (terms.length === 0) return [];
    const termQueries = toPgArray(terms.map(termQuery));
    const score = (doc: SQL, engaged: SQL): SQL => sql`
      ${RANKING.coverage} * (SELECT count(*) FROM unnest(q.terms) AS t WHERE ${doc} @@ t)::float8 / cardinality(q.terms)
      + ${RANKING.text} * ts_rank_cd(${FIELD_WEIGHTS}::float4[], ${doc}, q.tsq, 32)
      + ${RANKING.engagement} * ln(1 + ${engaged}) / (1 + ln(1 + ${engaged}))`;
    const result = await this.db.execute(sql`
      WITH q AS (
        SELECT terms, (SELECT string_agg('(' || t::text || ')', ' | ') FROM unnest(terms) AS t)::tsquery AS tsq
          FROM (SELECT ${termQueries}::tsquery[] AS terms) AS given
      )
      SELECT kind, id, rank FROM (
        SELECT 'note' AS kind, n.id, ${score(sql`n.search`, sql`(n.like_count + n.collect_count)`)} AS rank
          FROM notes n, q
         WHERE n.status = 'published' AND n.search @@ q.tsq
        UNION ALL
        SELECT 'product' AS kind, p.id, ${score(sql`p.search`, sql`0`)} AS rank
          FROM products p, q
         WHERE p.search @@ q.tsq
      ) AS hits
      ORDER BY rank DESC, id
      LIMIT ${limit} OFFSET ${offset}`);
    return rowsOf<SearchHitRow>(result).map((r) => ({ ...r, rank: Number(r.rank) }));
  }

  async setNoteDocuments(documents: readonly { id: string; document: SearchDocument }[]): Promise<void> {
    await this.setDocuments(sql`notes`, documents);
  }

  async setProductDocuments(documents: readonly { id: string; document: SearchDocument }[]): Promise<void> {
    await this.setDocuments(sql`products`, documents);
  }

  /**
   * Notes not yet indexed (written before the index, or by a bulk load), locked for this transaction
   * so processes backfilling at once take different ones.
   */
  async claimUnindexedNotes(limit: number): Promise<NoteText[]> {
    const result = await this.db.execute(sql`
      SELECT id, title, body, topics FROM notes WHERE search IS NULL
       ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`);
    return rowsOf<NoteText>(result);
  }

  async claimUnindexedProducts(limit: number): Promise<ProductText[]> {
    const result = await this.db.execute(sql`
      SELECT p.id, p.title, p.description, b.name AS brand
        FROM products p JOIN brands b ON b.id = p.brand_id
       WHERE p.search IS NULL
       ORDER BY p.id LIMIT ${limit} FOR UPDATE OF p SKIP LOCKED`);
    return rowsOf<ProductText>(result);
  }

  private async setDocuments(table: SQL, documents: readonly { id: string; document: SearchDocument }[]): Promise<void> {
    if (documents.length === 0) return;
    const ids = toPgArray(documents.map((d) => d.id));
    const vectors = toPgArray(documents.map((d) => tsvectorOf(d.document)));
    await this.db.execute(sql`
      UPDATE ${table} AS t SET search = d.search
        FROM unnest(${ids}::uuid[], ${vectors}::tsvector[]) AS d(id, search)
       WHERE t.id = d.id`);
  }
}

/** A tsvector literal: every word with its positions and weights, so no text search parser is involved. */
function tsvectorOf(document: SearchDocument): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const run of document) {
    position += 1;
    for (const word of run.words) {
      position += 1;
      if (position > LAST_POSITION) break;
      const seen = positions.get(word) ?? [];
      if (seen.length < MAX_POSITIONS_PER_WORD) seen.push(`${position}${run.weight}`);
      positions.set(word, seen);
    }
  }
  return [...positions].map(([word, at]) => `${quoteLexeme(word)}:${at.join(',')}`).join(' ');
}

function termQuery(term: SearchTerm): string {
  return term.map((form) => `(${form.phrase.map(quoteLexeme).join(' <-> ')}${form.prefix ? ':*' : ''})`).join(' | ');
}

function quoteLexeme(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
