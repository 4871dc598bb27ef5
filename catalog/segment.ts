import { Jieba } from '@node-rs/jieba';

// The only module that segments Chinese text into words (jieba). Its dictionary (5 MB of text,
// ~0.2 s to build) is loaded on the first use, once per process, not by every process that imports
// the catalog.
let loading: Promise<Jieba> | undefined;

function segmenter(): Promise<Jieba> {
  loading ??= import('@node-rs/jieba/dict.js').then(({ dict }) => Jieba.withDict(dict));
  return loading;
}

/** Runs of letters and digits: what is left of a token once punctuation and spaces are cut away. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * The words of `text` in reading order, lower-cased, at search granularity: a long word is followed
 * by the dictionary words inside it (重庆火锅 → 重庆, 火锅, 重庆火锅), so either finds the other.
 */
export async function segment(text: string): Promise<string[]> {
  const jieba = await segmenter();
  return jieba.cutForSearch(text, true).flatMap((token) => token.toLowerCase().match(WORD) ?? []);
}
