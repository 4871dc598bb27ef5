import type { ModelLayout } from '../../models/schema';
import type { ContentVectors } from '../rank/content-vectors';
import type { FeedTower } from '../training/feed-tower';
import { IvfIndex } from './ivf-index';
import { itemVectors } from './two-tower';
import { UserTower } from './user-tower';

/** The feed tower as a process serves it: the user side, the vocabulary it reads, and the index of every note's vector. */
export interface LoadedTower {
  user: UserTower;
  /** Input index of each note the tower can read in a viewer's history. */
  vocabulary: Map<string, number>;
  /** Vectors of notes the tower did not train on, from their creator and topics. */
  content: ContentVectors;
  /** Every note with a vector: the trained ones from the start, the others as serving adds them. */
  index: IvfIndex;
}

const PREFIX = 'tower.';
const TENSORS = ['tokens', 'position', 'w', 'b', 'items', 'bias'] as const;

/** The tensors (named `tower.*`) and the layout part a model version stores of the tower. */
export function encodeTower(tower: FeedTower): { tensors: Record<string, Float32Array>; layout: NonNullable<ModelLayout['tower']> } {
  return {
    tensors: {
      ...Object.fromEntries(TENSORS.map((name) => [`${PREFIX}${name}`, tower.weights[name]])),
      [`${PREFIX}contentEmb`]: tower.content.emb,
      [`${PREFIX}contentBias`]: tower.content.bias,
      [`${PREFIX}centroids`]: tower.ann.centroids,
    },
    layout: {
      shape: tower.shape,
      items: tower.items,
      contentKeys: tower.content.keys,
      ann: { maxNorm: tower.ann.maxNorm, probes: tower.ann.probes, recall: tower.annRecall },
      epochs: tower.epochs,
    },
  };
}

/** The stored tower, its trained notes already in the index; null for a version without one or with parts missing. */
export function loadTower(layout: ModelLayout['tower'], tensors: Record<string, Float32Array>): LoadedTower | null {
  if (!layout) return null;
  const read = (name: string) => tensors[`${PREFIX}${name}`];
  const [tokens, position, w, b, items, bias, contentEmb, contentBias, centroids] = [
    ...TENSORS,
    'contentEmb',
    'contentBias',
    'centroids',
  ].map(read);
  if (!tokens || !position || !w || !b || !items || !bias || !contentEmb || !contentBias || !centroids) return null;
  const { shape } = layout;
  const width = shape.dim + 1;
  const index = IvfIndex.restore({ width, maxNorm: layout.ann.maxNorm, centroids, probes: layout.ann.probes }, layout.items.length);
  index.addAll(layout.items.slice(1, shape.items), itemVectors({ items, bias }, shape));
  return {
    user: new UserTower(shape, { tokens, position, w, b }),
    vocabulary: new Map(layout.items.flatMap((id, i) => (i === 0 ? [] : [[id, i]]))),
    content: { keys: new Map(layout.contentKeys.map((key, k) => [key, k])), dim: shape.dim, emb: contentEmb, bias: contentBias },
    index,
  };
}
