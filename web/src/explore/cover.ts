import { thumbHashToDataURL } from 'thumbhash';
import type { NoteCardFieldsFragment } from '../gql/graphql';

type MediaItem = NoteCardFieldsFragment['media'][number];

export interface Cover {
  /** Undefined for a video hosted elsewhere, which has no poster: the placeholder stands in. */
  src?: string;
  srcSet?: string;
  width: number;
  height: number;
  /** A CSS background shown until the image arrives (and instead of it if it fails). */
  placeholder: string;
}

const thumbhashUrls = new Map<string, string>();

function thumbhashBackground(hash: string): string | undefined {
  let url = thumbhashUrls.get(hash);
  if (!url) {
    try {
      const bytes = Uint8Array.from(atob(hash), (c) => c.charCodeAt(0));
      url = thumbHashToDataURL(bytes);
      thumbhashUrls.set(hash, url);
    } catch {
      return undefined;
    }
  }
  return `center / cover no-repeat url("${url}")`;
}

/** A soft tint derived from the id, for media without a dominant colour (hosted elsewhere). */
function tintOf(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return `hsl(${Math.abs(hash) % 360} 45% 88%)`;
}

export function coverOf(note: Pick<NoteCardFieldsFragment, 'id' | 'kind' | 'media'>): Cover {
  const media: MediaItem | undefined = note.media[0];
  const upload = media?.upload;
  const width = media?.width ?? 3;
  const height = media?.height ?? 4;
  const tint = upload?.dominantColor ?? tintOf(note.id);
  const placeholder = (upload?.thumbhash && thumbhashBackground(upload.thumbhash)) || tint;
  if (note.kind === 'VIDEO') return { src: upload?.posterUrl ?? undefined, width, height, placeholder };
  const variants = [...(upload?.images ?? [])].sort((a, b) => a.width - b.width);
  if (variants.length === 0) return { src: media?.url, width, height, placeholder };
  return {
    src: variants.find((v) => v.name === 'medium')?.url ?? variants[0]?.url,
    srcSet: variants.map((v) => `${v.url} ${v.width}w`).join(', '),
    width,
    height,
    placeholder,
  };
}
