import type { ModelLayout } from '../../models/schema';
import type { SerializedModel } from './interest-model';

/** A trained model as the model store keeps it: one float32 buffer and a layout naming its parts and rows. */
export function encodeModel(
  model: SerializedModel,
  ids: {
    userIds: readonly string[];
    noteIds: readonly string[];
    heads: readonly string[];
    features: readonly string[];
    contentKeys?: readonly string[];
    tower?: ModelLayout['tower'];
  },
): { layout: ModelLayout; weights: Buffer } {
  const tensors: ModelLayout['tensors'] = [];
  let offset = 0;
  for (const [name, values] of Object.entries(model.weights)) {
    tensors.push({ name, offset, length: values.length });
    offset += values.byteLength;
  }
  const weights = Buffer.alloc(offset);
  for (const { name, offset: at } of tensors) {
    const values = model.weights[name] as Float32Array;
    Buffer.from(values.buffer, values.byteOffset, values.byteLength).copy(weights, at);
  }
  return {
    layout: {
      shape: model.shape,
      tensors,
      userIds: [...ids.userIds],
      noteIds: [...ids.noteIds],
      heads: [...ids.heads],
      features: [...ids.features],
      ...(ids.contentKeys && { contentKeys: [...ids.contentKeys] }),
      ...(ids.tower && { tower: ids.tower }),
    },
    weights,
  };
}

/**
 * Whether a stored version reads exactly `features`, in that order. Fed other inputs than it was
 * trained on, a model scores nonsense without failing, so a version that names none never qualifies.
 */
export function readsFeatures(layout: ModelLayout, features: readonly string[]): boolean {
  const stored = layout.features;
  return stored !== undefined && stored.length === features.length && stored.every((name, i) => name === features[i]);
}

export function decodeModel(layout: ModelLayout, weights: Buffer): SerializedModel {
  const out: Record<string, Float32Array> = {};
  for (const { name, offset, length } of layout.tensors) {
    if (offset + length * 4 > weights.length) throw new Error(`model weights ${name} run past the stored buffer`);
    // A copy: the stored buffer's offset need not be 4-byte aligned.
    out[name] = new Float32Array(weights.buffer.slice(weights.byteOffset + offset, weights.byteOffset + offset + length * 4));
  }
  return { shape: layout.shape, weights: out };
}

/** Embedding rows by id, from 1: row 0 stands for a viewer or note the model has not seen. */
export function rowsOf(ids: readonly string[]): Map<string, number> {
  return new Map(ids.map((id, r) => [id, r + 1]));
}
