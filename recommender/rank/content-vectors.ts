/**
 * Vectors for notes a model version has not seen (posted after its training run): each is the mean of
 * the trained embeddings and biases of its creator's notes and of its topics' notes. A new note then
 * ranks by who made it and what it is about, instead of sharing the one row every unseen note gets,
 * which training only ever met as a drawn negative.
 */
export interface ContentVectors {
  keys: Map<string, number>;
  dim: number;
  /** Row k is the mean embedding of key k's notes; bias[k] their mean bias. */
  emb: Float32Array;
  bias: Float32Array;
}

export interface ContentNote {
  authorId: string;
  topics: readonly string[];
}

/** What a note's content vector is the mean of: its creator and each of its topics. */
export function contentKeysOf(note: ContentNote): string[] {
  return [`author:${note.authorId}`, ...note.topics.map((topic) => `topic:${topic}`)];
}

/**
 * The mean vector of each creator and topic over the trained notes: `notes[r]` is embedding row r + 1
 * (row 0 is the unseen note's).
 */
export function buildContentVectors(
  notes: readonly ContentNote[],
  itemEmb: Float32Array,
  itemBias: Float32Array,
  dim: number,
): { keys: string[]; emb: Float32Array; bias: Float32Array } {
  const index = new Map<string, number>();
  const rowsOfKey: number[][] = [];
  notes.forEach((note, r) => {
    for (const key of contentKeysOf(note)) {
      let k = index.get(key);
      if (k === undefined) index.set(key, (k = rowsOfKey.push([]) - 1));
      rowsOfKey[k]?.push(r + 1);
    }
  });
  const emb = new Float32Array(rowsOfKey.length * dim);
  const bias = new Float32Array(rowsOfKey.length);
  rowsOfKey.forEach((rows, k) => {
    for (const row of rows) {
      for (let d = 0; d < dim; d += 1) emb[k * dim + d] = (emb[k * dim + d] as number) + (itemEmb[row * dim + d] as number) / rows.length;
      bias[k] = (bias[k] as number) + (itemBias[row] as number) / rows.length;
    }
  });
  return { keys: [...index.keys()], emb, bias };
}

/**
 * Writes the note's content vector at `out[offset..]` and returns its bias; null (nothing written)
 * when the version knows neither its creator nor any of its topics.
 */
export function writeContentVector(vectors: ContentVectors, note: ContentNote, out: Float32Array, offset: number): number | null {
  const known = contentKeysOf(note).flatMap((key) => {
    const k = vectors.keys.get(key);
    return k === undefined ? [] : [k];
  });
  if (known.length === 0) return null;
  const { dim, emb } = vectors;
  out.fill(0, offset, offset + dim);
  let bias = 0;
  for (const k of known) {
    for (let d = 0; d < dim; d += 1) out[offset + d] = (out[offset + d] as number) + (emb[k * dim + d] as number) / known.length;
    bias += (vectors.bias[k] as number) / known.length;
  }
  return bias;
}
