/** Graded relevance of documents to one query: 3 exactly what was asked, 2 clearly useful, 1 related; absent means 0. */
export type Grades = Readonly<Record<string, number>>;

/**
 * NDCG@k with graded gains (2^grade - 1) and a 1 / log2(position + 1) discount (positions from 1); the
 * ideal ranking puts the judged documents in grade order. A query nothing is relevant to scores 1 when
 * nothing is returned and 0 otherwise, so returning noise for it is never free.
 */
export function ndcgAtK(ranked: readonly string[], grades: Grades, k: number): number {
  const ideal = dcg(
    Object.values(grades)
      .filter((g) => g > 0)
      .sort((a, b) => b - a),
    k,
  );
  const seen = new Set<string>();
  const gains = ranked.filter((id) => !seen.has(id) && seen.add(id)).map((id) => grades[id] ?? 0);
  if (ideal === 0) return gains.length === 0 ? 1 : 0;
  return dcg(gains, k) / ideal;
}

function dcg(grades: readonly number[], k: number): number {
  return grades.slice(0, k).reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
