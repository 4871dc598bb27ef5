import type { ProductTagInput } from '../../gql/graphql';
import type { MediaItem } from './useUploads';

export interface TaggedProduct {
  id: string;
  title: string;
  brand: { id: string; name: string };
}

/**
 * A product on the note being written. A pin names its image by the file's key rather than its index, so that
 * reordering the images carries the pin along with its image.
 */
export interface DraftTag {
  product: TaggedProduct;
  mediaKey: string | null;
  x: number | null;
  y: number | null;
  atMs: number | null;
}

/** How far an arrow key moves a pin: 2% of the image. */
export const NUDGE = 0.02;

export const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** The tags as the API takes them; a pin on an image no longer in the note is dropped, the product stays tagged. */
export function tagInputs(tags: readonly DraftTag[], items: readonly MediaItem[]): ProductTagInput[] {
  return tags.map((tag) => {
    const imageIndex = tag.mediaKey ? items.findIndex((item) => item.key === tag.mediaKey) : -1;
    if (tag.atMs != null) return { productId: tag.product.id, atMs: tag.atMs };
    if (imageIndex >= 0 && tag.x != null && tag.y != null) return { productId: tag.product.id, imageIndex, x: tag.x, y: tag.y };
    return { productId: tag.product.id };
  });
}
