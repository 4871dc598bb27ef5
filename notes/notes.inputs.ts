import { z } from 'zod';
import { httpUrl, uuid } from '../core/validate';

const topic = z
  .string()
  .trim()
  .transform((t) => t.replace(/^#+/, '').toLowerCase())
  .pipe(z.string().regex(/^[^\s#,]{1,30}$/u, 'a topic is 1–30 characters without spaces, commas or #'));

// A file uploaded here (uploadId), or one hosted elsewhere given by its URL and size.
const media = z
  .object({
    uploadId: uuid.nullish(),
    url: httpUrl.nullish(),
    width: z.number().int().min(1).max(20_000).nullish(),
    height: z.number().int().min(1).max(20_000).nullish(),
    durationMs: z
      .number()
      .int()
      .min(1)
      .max(10 * 60 * 1000)
      .nullish(),
  })
  .refine((m) => Boolean(m.uploadId) !== Boolean(m.url && m.width && m.height), 'give either an uploadId or a url with width and height');

const productTag = z.object({
  productId: uuid,
  imageIndex: z.number().int().min(0).max(8).nullish(),
  x: z.number().min(0).max(1).nullish(),
  y: z.number().min(0).max(1).nullish(),
  atMs: z.number().int().min(0).nullish(),
});

const fields = {
  title: z.string().trim().min(1, 'must not be empty').max(100, 'use at most 100 characters'),
  body: z.string().max(5000, 'use at most 5000 characters'),
  topics: z
    .array(topic)
    .max(10, 'use at most 10 topics')
    .transform((ts) => [...new Set(ts)]),
  media: z.array(media).min(1, 'add at least one image or a video').max(9, 'use at most 9 images'),
  productTags: z
    .array(productTag)
    .max(10, 'tag at most 10 products')
    .refine((tags) => new Set(tags.map((t) => t.productId)).size === tags.length, 'a product is tagged twice'),
  sponsorBrandId: uuid.nullish(),
};

export const createNoteInput = z.object({
  kind: z.enum(['image', 'video']),
  title: fields.title,
  body: fields.body.default(''),
  topics: fields.topics.default([]),
  media: fields.media,
  productTags: fields.productTags.default([]),
  sponsorBrandId: fields.sponsorBrandId,
  publish: z.boolean().default(false),
});
export type CreateNoteInput = z.infer<typeof createNoteInput>;

export const updateNoteInput = z.object({
  title: fields.title.optional(),
  body: fields.body.optional(),
  topics: fields.topics.optional(),
  media: fields.media.optional(),
  productTags: fields.productTags.optional(),
  sponsorBrandId: fields.sponsorBrandId,
});
export type UpdateNoteInput = z.infer<typeof updateNoteInput>;

export type MediaInput = z.infer<typeof media>;

/** A media slot of a note once its upload (if any) is looked up. */
export interface ResolvedMedia {
  url: string;
  width: number;
  height: number;
  durationMs: number | null;
  mediaId: string | null;
  status: 'ready' | 'processing' | 'failed';
  failureMessage: string | null;
}
export type ProductTagInput = z.infer<typeof productTag>;

/** Rules that tie media and tags to the note's kind; returns the offending field and message. */
export function checkMediaForKind(
  kind: 'image' | 'video',
  mediaList: readonly { durationMs?: number | null }[],
  tags: readonly ProductTagInput[],
): { field: string; message: string } | null {
  if (kind === 'video') {
    const [video] = mediaList;
    if (mediaList.length !== 1 || !video?.durationMs) {
      return { field: 'media', message: 'media: a video note has exactly one video with its durationMs' };
    }
    const late = tags.findIndex((t) => t.atMs != null && t.atMs > (video.durationMs ?? 0));
    if (late >= 0) return { field: `productTags.${late}.atMs`, message: `productTags.${late}.atMs: is past the end of the video` };
    return null;
  }
  if (mediaList.some((m) => m.durationMs != null)) return { field: 'media', message: 'media: an image note has only images' };
  const outside = tags.findIndex((t) => t.imageIndex != null && t.imageIndex >= mediaList.length);
  if (outside >= 0) {
    return { field: `productTags.${outside}.imageIndex`, message: `productTags.${outside}.imageIndex: the note has no such image` };
  }
  return null;
}
