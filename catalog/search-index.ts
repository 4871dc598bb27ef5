import type { NoteText, ProductText, SearchDocument } from '../models/repositories/search.repository';
import type { Transact } from '../models/transaction';
import { segment } from './segment';

/** Runs of Chinese, Japanese or Korean characters. */
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

/**
 * The CJK characters of `texts`, one run per unbroken stretch. Indexed at the lowest weight, they let
 * a one-character query (壳, 茶) find the words containing it, and a word the segmenter cut otherwise
 * still be found as a phrase of its characters.
 */
function characterRuns(texts: readonly string[]): SearchDocument {
  return texts.flatMap((text) => (text.match(CJK_RUN) ?? []).map((run) => ({ weight: 'D' as const, words: [...run] })));
}

export async function noteDocument(note: Omit<NoteText, 'id'>): Promise<SearchDocument> {
  return [
    { weight: 'A', words: await segment(note.title) },
    { weight: 'B', words: await segment(note.topics.join(' ')) },
    { weight: 'C', words: await segment(note.body) },
    ...characterRuns([note.title, ...note.topics, note.body]),
  ];
}

export async function productDocument(product: Omit<ProductText, 'id'>): Promise<SearchDocument> {
  return [
    { weight: 'A', words: await segment(product.title) },
    { weight: 'B', words: await segment(product.brand) },
    { weight: 'C', words: await segment(product.description) },
    ...characterRuns([product.title, product.brand, product.description]),
  ];
}

const BACKFILL_BATCH = 500;

/**
 * Indexes the notes and products that have no search document yet: rows written before this index
 * existed (a migration cannot segment Chinese) and rows the seed bulk-loads. Runs at start, in
 * batches, each batch in its own transaction; several processes may run it at once. Returns how
 * many rows it indexed.
 */
export async function indexUnindexed(transact: Transact): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await transact(async (tx) => {
      const notes = await tx.search.claimUnindexedNotes(BACKFILL_BATCH);
      await tx.search.setNoteDocuments(await Promise.all(notes.map(async (n) => ({ id: n.id, document: await noteDocument(n) }))));
      const products = await tx.search.claimUnindexedProducts(BACKFILL_BATCH);
      await tx.search.setProductDocuments(await Promise.all(products.map(async (p) => ({ id: p.id, document: await productDocument(p) }))));
      return notes.length + products.length;
    });
    total += done;
    if (done === 0) return total;
  }
}
