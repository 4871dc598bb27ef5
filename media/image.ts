import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { MediaRejectedError } from './errors';

export interface ImageProbe {
  format: 'jpeg' | 'png' | 'webp' | 'gif' | 'heif' | 'avif' | 'tiff';
  /** As displayed, i.e. after EXIF orientation. */
  width: number;
  height: number;
}

export interface ImageVariant {
  name: 'large' | 'medium' | 'thumb';
  format: 'webp' | 'avif';
  width: number;
  height: number;
  bytes: number;
  /** Absolute path of the written file. */
  file: string;
}

export interface ProcessedImage {
  width: number;
  height: number;
  /** width / height, rounded to 4 decimals. */
  aspectRatio: number;
  /** '#rrggbb' */
  dominantColor: string;
  /** base64 */
  thumbhash: string;
  variants: ImageVariant[];
}

export interface ImageOptions {
  maxPixels: number;
  avif: boolean;
}

export const IMAGE_VARIANTS: readonly { name: 'large' | 'medium' | 'thumb'; width: number }[] = [
  { name: 'large', width: 1080 },
  { name: 'medium', width: 540 },
  { name: 'thumb', width: 320 },
];

const WEBP_QUALITY = 80;
/** AVIF's default effort took ~18x as long as WebP q80 on a 1080 px photo; effort 2 takes ~4x and still saves about a third of the bytes. */
const AVIF_EFFORT = 2;
/** libvips' wording when the machine, not the upload, is the problem. */
const RESOURCE_EXHAUSTION = /out of memory|not enough memory|memory allocation failed|unable to create thread/i;
/** rgbaToThumbHash refuses anything larger. */
const THUMBHASH_MAX_SIDE = 100;

// thumbhash is ESM-only, so it is loaded with import(); jest.config.js has it transpiled for tests.
const importThumbhash = () => import('thumbhash');

/** Decoded sRGB pixels, 8 bits per channel. */
interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: sharp.Channels;
}

/** Reads only the header: cheap enough to run on upload, before the file is queued for processing. */
export async function probeImage(path: string, maxPixels: number): Promise<ImageProbe> {
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(path, { limitInputPixels: maxPixels }).metadata();
  } catch (error) {
    throw openRejection(error, maxPixels) ?? error;
  }
  return { format: acceptedFormat(metadata), width: metadata.autoOrient.width, height: metadata.autoOrient.height };
}

export async function processImage(inputPath: string, outDir: string, options: ImageOptions): Promise<ProcessedImage> {
  // Probing first keeps formats outside the allow-list (SVG, PDF, ...) away from their decoders.
  const { width, height } = await probeImage(inputPath, options.maxPixels);
  const decoded = await decodeForVariants(await readFile(inputPath), options.maxPixels);
  await mkdir(outDir, { recursive: true });
  // Settled, not Promise.all: a failure is thrown only once nothing is left writing into outDir.
  const [written, described] = await Promise.allSettled([
    writeVariants(decoded, resolve(outDir), options),
    describePlaceholder(decoded, options.maxPixels),
  ]);
  if (written.status === 'rejected') throw written.reason;
  if (described.status === 'rejected') throw described.reason;
  const [variants, placeholder] = [written.value, described.value];
  return { width, height, aspectRatio: Math.round((width / height) * 10_000) / 10_000, ...placeholder, variants };
}

function acceptedFormat(metadata: sharp.Metadata): ImageProbe['format'] {
  switch (metadata.format) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'gif':
    case 'tiff':
      return metadata.format;
    case 'heif':
      // The libvips bundled with sharp has no HEVC decoder, so an iPhone HEIC is refused here rather than failing mid-processing.
      if (metadata.compression === 'av1') return 'avif';
      throw new MediaRejectedError(
        'unsupported_type',
        'HEIC photos are not supported yet; export the photo as JPEG (or set the camera to "Most Compatible") and upload it again',
      );
    default:
      throw unsupportedType();
  }
}

/**
 * Decodes once, straight to the largest variant's size, and derives every output from those pixels. On a 12 MP phone JPEG this
 * took ~273 ms for all WebP variants and the placeholder, against ~313 ms for one pipeline clone()d per output and ~305 ms for a
 * full-size raw decode: JPEG shrink-on-load still applies, and the smaller outputs resize from 1.5 MP instead of 12.
 * It also separates failures to decode (the upload's fault) from failures to write (ours).
 * The source is read into memory first so that I/O errors surface as Node errors rather than as decoder messages.
 */
async function decodeForVariants(source: Buffer, maxPixels: number): Promise<RawImage> {
  const largestWidth = Math.max(...IMAGE_VARIANTS.map((variant) => variant.width));
  const pipeline = sharp(source, { limitInputPixels: maxPixels })
    .autoOrient()
    .resize({ width: largestWidth, withoutEnlargement: true })
    .raw();
  try {
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, channels: info.channels };
  } catch (error) {
    throw decodeRejection(error, maxPixels) ?? error;
  }
}

/**
 * Every variant, written at once. When one fails the others are waited for before the failure is
 * thrown: the caller then removes the output directory, which files still being written would refill.
 */
async function writeVariants(image: RawImage, outDir: string, options: ImageOptions): Promise<ImageVariant[]> {
  const formats: ImageVariant['format'][] = options.avif ? ['webp', 'avif'] : ['webp'];
  const written = await Promise.allSettled(
    IMAGE_VARIANTS.flatMap(({ name, width }) =>
      formats.map((format) => writeVariant(image, options.maxPixels, { name, width, format, file: join(outDir, `${name}.${format}`) })),
    ),
  );
  const failed = written.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return written.map((result) => (result as PromiseFulfilledResult<ImageVariant>).value);
}

async function writeVariant(
  image: RawImage,
  maxPixels: number,
  target: { name: ImageVariant['name']; width: number; format: ImageVariant['format']; file: string },
): Promise<ImageVariant> {
  const resized = fromRaw(image, maxPixels).resize({ width: target.width, withoutEnlargement: true });
  const encoded = target.format === 'webp' ? resized.webp({ quality: WEBP_QUALITY }) : resized.avif({ effort: AVIF_EFFORT });
  const info = await encoded.toFile(target.file);
  return { name: target.name, format: target.format, width: info.width, height: info.height, bytes: info.size, file: target.file };
}

async function describePlaceholder(image: RawImage, maxPixels: number): Promise<{ dominantColor: string; thumbhash: string }> {
  const { data, info } = await fromRaw(image, maxPixels)
    .resize(THUMBHASH_MAX_SIDE, THUMBHASH_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  // stats() reads a pipeline's input, not its output, so the dominant colour is taken from the small copy re-wrapped as input.
  const small: RawImage = { data, width: info.width, height: info.height, channels: info.channels };
  const [{ dominant }, { rgbaToThumbHash }] = await Promise.all([fromRaw(small, maxPixels).stats(), importThumbhash()]);
  return { dominantColor: hexColour(dominant), thumbhash: Buffer.from(rgbaToThumbHash(info.width, info.height, data)).toString('base64') };
}

function fromRaw(image: RawImage, maxPixels: number): sharp.Sharp {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels }, limitInputPixels: maxPixels });
}

function hexColour({ r, g, b }: { r: number; g: number; b: number }): string {
  return `#${[r, g, b].map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

/** sharp's messages when it opens an input; anything else (a missing file, say) is not the upload's fault. */
function openRejection(error: unknown, maxPixels: number): MediaRejectedError | undefined {
  const message = error instanceof Error ? error.message : '';
  if (message.includes('exceeds pixel limit')) {
    return new MediaRejectedError(
      'too_many_pixels',
      `Images can be at most ${Number((maxPixels / 1_000_000).toFixed(1))} megapixels; resize it and upload it again`,
    );
  }
  if (message.includes('unsupported image format')) return unsupportedType();
  if (message.includes('has corrupt header')) return corrupt();
  return undefined;
}

/**
 * Decoders report damage in their own words ("VipsJpeg: premature end of JPEG image", "vipspng: libpng read error",
 * "Corrupt JPEG data ... error in tile", ...), so any failure to decode an in-memory upload is treated as damage except
 * the machine running out of resources.
 */
function decodeRejection(error: unknown, maxPixels: number): MediaRejectedError | undefined {
  const opened = openRejection(error, maxPixels);
  if (opened) return opened;
  if (!(error instanceof Error) || RESOURCE_EXHAUSTION.test(error.message)) return undefined;
  return corrupt();
}

function unsupportedType(): MediaRejectedError {
  return new MediaRejectedError('unsupported_type', 'This image format is not supported; upload a JPEG, PNG, WebP, GIF or AVIF image');
}

function corrupt(): MediaRejectedError {
  return new MediaRejectedError('corrupt', 'This image is damaged or incomplete; export it again and upload the new file');
}
