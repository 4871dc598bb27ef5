/** Wide enough for the pinning stage, the largest place a picked photo is shown before it is processed. */
const PREVIEW_WIDTH = 1080;

/**
 * A small copy of a picked photo for the page to show while it uploads. A phone photo is 12 megapixels or more, and the
 * page shows each in three places (its tile, the pinning stage, the preview card): decoding the original for each took
 * the CPU the uploads and the server's own processing needed. The copy is decoded once, off the main thread, at the
 * size the page needs. Null when the browser cannot (the original is then shown).
 */
export async function photoPreview(file: File): Promise<Blob | null> {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return null;
  try {
    const bitmap = await createImageBitmap(file, { resizeWidth: PREVIEW_WIDTH, resizeQuality: 'medium' });
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
    bitmap.close();
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
  } catch {
    return null;
  }
}
