import type { ArmConfig } from '../experiment';
import { feedScores, scoreWeights } from '../signals';
import type { LoadedModel, ModelStore } from '../serving/model-store';
import { writeContentVector } from './content-vectors';
import type { AffinityProfileCache } from '../serving/profile-cache';
import { NOTE_FEATURES, writeNoteFeatures, type FeatureNote, type FeatureViewer } from './note-features';

/** Scores a page's candidates for a viewer with the model version that serves them. */
export class ModelScorer {
  constructor(
    private readonly models: ModelStore,
    private readonly profiles: AffinityProfileCache,
  ) {}

  /**
   * Feed scores of the notes for the viewer, or null when no model is serving (or the viewer's profile
   * cannot be read: the feed's heuristic order beats scores from wrong inputs). An experiment arm may
   * ask for other score weights and for a pinned version (the promoted one serves until it is loaded).
   * `version` is the viewer's feed-state version, which keeps their affinity profile current.
   */
  async score(
    viewerId: string,
    viewer: FeatureViewer,
    notes: readonly (FeatureNote & { id: string })[],
    { arm, version = null }: { arm?: ArmConfig | undefined; version?: string | null } = {},
  ): Promise<Float32Array | null> {
    if (!this.models.versionFor(arm?.modelVersion) || notes.length === 0) return null;
    const profile = await this.profiles.profileOf(viewerId, version);
    // Chosen after the wait: a version swapped in meanwhile has disposed of the one before.
    const loaded = this.models.versionFor(arm?.modelVersion);
    if (!loaded || !profile) return null;
    const f = NOTE_FEATURES.length;
    const { dim } = loaded;
    const features = new Float32Array(notes.length * f);
    const itemEmb = new Float32Array(notes.length * dim);
    const itemBias = new Float32Array(notes.length);
    const now = Date.now();
    notes.forEach((note, n) => {
      itemBias[n] = itemVector(loaded, note, itemEmb, n * dim);
      writeNoteFeatures(note, viewer, profile, now, features, n * f);
    });
    const weights = scoreWeights(loaded.heads, arm?.weights);
    return feedScores(loaded.model.predictForUser(loaded.userRow.get(viewerId) ?? 0, itemEmb, itemBias, features), weights);
  }
}

/**
 * Writes the note's vector at `out[offset..]` and returns its bias: its trained row, or for a note posted
 * since the version was trained its content vector, or failing both the unseen note's row 0.
 */
function itemVector(loaded: LoadedModel, note: FeatureNote & { id: string }, out: Float32Array, offset: number): number {
  const row = loaded.noteRow.get(note.id);
  if (row === undefined && loaded.content) {
    const bias = writeContentVector(loaded.content, note, out, offset);
    if (bias !== null) return bias;
  }
  const r = row ?? 0;
  out.set(loaded.itemEmb.subarray(r * loaded.dim, (r + 1) * loaded.dim), offset);
  return loaded.itemBias[r] as number;
}
