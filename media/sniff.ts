import FileType from 'file-type';

/** Bytes of a file's head that are enough to recognise every type accepted here. */
export const SNIFF_BYTES = 4100;

const ACCEPTED: Record<string, 'image' | 'video'> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'image/gif': 'image',
  'image/avif': 'image',
  'video/mp4': 'video',
  'video/quicktime': 'video',
  'video/webm': 'video',
  'video/x-matroska': 'video',
  'video/x-m4v': 'video',
};

export interface Sniffed {
  kind: 'image' | 'video';
  contentType: string;
}

/**
 * What a file really is, from its magic bytes: the name and the Content-Type a client sends are
 * not trusted. Null for anything that is not an image or video type accepted here.
 */
export async function sniffMedia(head: Buffer): Promise<Sniffed | null> {
  const found = await FileType.fromBuffer(head);
  if (!found) return null;
  const kind = ACCEPTED[found.mime];
  return kind ? { kind, contentType: found.mime } : null;
}
