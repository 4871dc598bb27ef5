import { errors } from '../../../core/errors';
import type { MediaRow } from '../../../models/repositories/media.repository';
import type { GraphQLContext } from '../../context';
import { owns } from '../../../accounts/policy';
import { requireId } from '../../../core/validate';
import type { Resolvers } from '../../generated/graphql';
import { ENUM_VALUES } from '../enums';

/** One of the viewer's own uploads; someone else's does not exist, as far as this viewer can tell. */
async function ownUpload(ctx: GraphQLContext, id: string, read: (id: string) => Promise<MediaRow | undefined>): Promise<MediaRow> {
  if (!ctx.viewer) throw errors.unauthenticated();
  const row = await read(requireId(id));
  if (!row || !owns(ctx.viewer, row)) throw errors.notFound('Upload', id);
  return row;
}

/** The upload now, then again after each progress event, until it is ready or failed. */
async function* followUpload(ctx: GraphQLContext, id: string): AsyncGenerator<MediaRow> {
  // Read fresh each time: a loader would keep the first answer for the whole subscription.
  const owned = () => ownUpload(ctx, id, async (key) => (await ctx.services.media.byIds([key]))[0]);
  await owned();
  let pending = 0;
  let wake: (() => void) | null = null;
  const stop = await ctx.services.mediaProgress.follow(id, () => {
    pending += 1;
    wake?.();
  });
  try {
    // Read after following, so a change between the first read and the subscription is not missed.
    let current = await owned();
    yield current;
    while (current.status === 'processing') {
      if (pending === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      // A burst of events becomes one read of the latest state.
      pending = 0;
      current = await owned();
      yield current;
    }
  } finally {
    stop();
  }
}

export const mediaResolvers: Resolvers = {
  Subscription: {
    uploadProgress: {
      subscribe: (_, args, ctx) => followUpload(ctx, args.id),
      resolve: (row: MediaRow) => row,
    },
  },
  MediaStatus: ENUM_VALUES.MediaStatus,
  Query: {
    upload: (_, args, ctx) => ownUpload(ctx, args.id, (key) => ctx.loaders.upload.load(key)),
  },
  Media: {
    upload: (media, _, ctx) => (media.mediaId ? ctx.loaders.upload.load(media.mediaId) : null),
  },
  MediaUpload: {
    failure: (row) =>
      row.status === 'failed' ? { reason: row.failureReason ?? 'processing_failed', message: row.failureMessage ?? '' } : null,
    images: (row, _, ctx) => (row.variants?.images ?? []).map((v) => ({ ...v, url: ctx.services.media.url(v.key) })),
    playlistUrl: (row, _, ctx) => (row.variants?.video ? ctx.services.media.url(row.variants.video.master) : null),
    posterUrl: (row, _, ctx) => (row.variants?.video ? ctx.services.media.url(row.variants.video.poster) : null),
    previewUrl: (row, _, ctx) => (row.variants?.video ? ctx.services.media.url(row.variants.video.preview) : null),
    renditions: (row, _, ctx) => (row.variants?.video?.rungs ?? []).map((r) => ({ ...r, playlistUrl: ctx.services.media.url(r.playlist) })),
  },
};
