import { decodeCursor, encodeCursor } from '../core/cursor';
import { errors } from '../core/errors';
import type { SearchHitRow, SearchRepository, SearchTerm } from '../models/repositories/search.repository';
import { segment } from './segment';

const MAX_QUERY_LENGTH = 100;
/** Relevance pages are offsets into a stable order; deep pages past this are refused, not slow. */
const MAX_OFFSET = 1000;
/** Words so common that matching them says nothing; a query of only these finds nothing. */
const STOP_WORDS = new Set([
  '的',
  '了',
  '和',
  '与',
  '是',
  '在',
  '也',
  '都',
  '很',
  '就',
  'a',
  'an',
  'and',
  'the',
  'of',
  'for',
  'in',
  'to',
  'is',
  'my',
]);
/** A Latin word this long also matches words starting with all but its last two letters, which forgives most typos and plurals. */
const TYPO_MIN_LENGTH = 5;
const TYPO_MIN_PREFIX = 4;
const LATIN_WORD = /^[a-z\u00c0-\u024f]+$/;
const ONE_CJK_CHARACTER = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;

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
    const rows = await this.search.search(await queryTerms(text), first + 1, offset);
    const hits = rows.slice(0, first).map((row, i) => ({ ...row, cursor: encodeCursor([offset + i]) }));
    return { hits, hasNextPage: rows.length > first };
  }
}

/**
 * The query's words, segmented as documents are. A word the dictionary lacks comes out as single
 * characters (穿搭 → 穿, 搭): consecutive ones are put back together and matched as a phrase of the
 * documents' characters. A multi-character word also matches as such a phrase, in case a document's
 * text was segmented differently around it.
 */
export async function queryTerms(query: string): Promise<SearchTerm[]> {
  const words: string[] = [];
  let characters = '';
  for (const word of await segment(query)) {
    if (ONE_CJK_CHARACTER.test(word) && !STOP_WORDS.has(word)) {
      characters += word;
      continue;
    }
    if (characters) words.push(characters);
    characters = '';
    words.push(word);
  }
  if (characters) words.push(characters);
  const terms = new Map<string, SearchTerm>();
  for (const word of words) {
    if (!STOP_WORDS.has(word) && !terms.has(word)) terms.set(word, formsOf(word));
  }
  return [...terms.values()];
}

function formsOf(word: string): SearchTerm {
  const characters = [...word];
  if (LATIN_WORD.test(word) && characters.length >= TYPO_MIN_LENGTH) {
    const prefix = characters.slice(0, Math.max(TYPO_MIN_PREFIX, characters.length - 2)).join('');
    return [{ phrase: [word] }, { phrase: [prefix], prefix: true }];
  }
  if (characters.length > 1 && characters.every((c) => ONE_CJK_CHARACTER.test(c))) {
    return [{ phrase: [word] }, { phrase: characters }];
  }
  return [{ phrase: [word] }];
}
