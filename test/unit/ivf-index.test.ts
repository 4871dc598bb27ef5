import { IvfIndex } from '../../recommender/retrieval/ivf-index';
import { seededRandom } from '../../recommender/training/random';

const WIDTH = 16;

/** Vectors around `clusters` random directions, with norms that vary as trained item vectors' do. */
function clustered(n: number, clusters: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const centres = Array.from({ length: clusters }, () => Array.from({ length: WIDTH }, gaussian));
  const out = new Float32Array(n * WIDTH);
  for (let r = 0; r < n; r += 1) {
    const centre = centres[Math.floor(random() * clusters)] as number[];
    const scale = 0.5 + random();
    for (let d = 0; d < WIDTH; d += 1) out[r * WIDTH + d] = scale * ((centre[d] as number) + 0.6 * gaussian());
  }
  return out;
}

const ids = (n: number) => Array.from({ length: n }, (_, r) => `n${r}`);

describe('IvfIndex', () => {
  const n = 6000;
  const vectors = clustered(n, 40, 1);
  const index = IvfIndex.build(ids(n), vectors, WIDTH);
  const samples = clustered(100, 40, 2);
  const queries = clustered(100, 40, 3);

  it('finds at least 95% of the exact top 100 on queries it was not calibrated on, reading a fraction of the lists', () => {
    const probes = index.calibrate(samples, 100, 0.97);
    expect(probes).toBeLessThan(Math.round(Math.sqrt(n)) / 2);
    expect(index.recallAt(queries, 100)).toBeGreaterThanOrEqual(0.95);
  });

  it('pages past the ids it skips, in the exact order', () => {
    const query = queries.subarray(0, WIDTH);
    const first = index.exactSearch(query, 20);
    const skip = new Set(first.map((s) => s.id));
    const next = index.exactSearch(query, 20, skip);
    expect(next.some((s) => skip.has(s.id))).toBe(false);
    expect(Math.min(...first.map((s) => s.score))).toBeGreaterThanOrEqual(Math.max(...next.map((s) => s.score)));
    const approximate = index.search(query, 20, skip);
    expect(approximate.some((s) => skip.has(s.id))).toBe(false);
    expect(approximate).toHaveLength(20);
  });

  it('still answers k when the skipped ids empty the probed lists', () => {
    index.probes = 1;
    const query = queries.subarray(0, WIDTH);
    const skip = new Set(index.search(query, 500).map((s) => s.id));
    expect(index.search(query, 50, skip)).toHaveLength(50);
  });

  it('a restored index, given the same vectors, answers as the built one; added vectors are found', () => {
    index.calibrate(samples, 100, 0.97);
    const restored = IvfIndex.restore(index.parts(), n);
    restored.addAll(ids(n), vectors);
    const query = queries.subarray(WIDTH, 2 * WIDTH);
    expect(restored.search(query, 30)).toEqual(index.search(query, 30));

    const added = Float32Array.from(query, (v) => v * 10);
    restored.add('new', added);
    expect(restored.size).toBe(n + 1);
    expect(restored.search(query, 1)[0]?.id).toBe('new');
  });

  it('an empty index answers nothing', () => {
    const empty = IvfIndex.build([], new Float32Array(0), WIDTH);
    expect(empty.search(new Float32Array(WIDTH), 10)).toEqual([]);
  });
});
