import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMediaRejected, type RejectionReason } from '../../media/errors';
import { IMAGE_VARIANTS, probeImage, processImage, type ProcessedImage } from '../../media/image';
import {
  inspectImage,
  PHOTO_COLOUR,
  writeAnimatedGif,
  writePhonePhoto,
  writePixelBomb,
  writePng,
  writeTruncatedCopy,
} from '../support/image-fixtures';

const MAX_PIXELS = 50_000_000;
const options = { maxPixels: MAX_PIXELS, avif: false };

let dir: string;
const fixture = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'media-image-'));
  await writePhonePhoto(fixture('photo.jpg'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rejectionReason(promise: Promise<unknown>): Promise<RejectionReason> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!isMediaRejected(error)) throw new Error(`expected a MediaRejectedError, got ${String(error)}`);
  return error.reason;
}

function hexDistance(hex: string, { r, g, b }: { r: number; g: number; b: number }): number {
  const [hr, hg, hb] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return Math.max(Math.abs(hr! - r), Math.abs(hg! - g), Math.abs(hb! - b));
}

describe('probeImage', () => {
  it('reports the displayed size of a photo stored sideways', async () => {
    const fixtureMetadata = await inspectImage(fixture('photo.jpg'));
    expect(fixtureMetadata).toMatchObject({ width: 1600, height: 1200, orientation: 6, hasGps: true, hasIcc: true, hasXmp: true });

    expect(await probeImage(fixture('photo.jpg'), MAX_PIXELS)).toEqual({ format: 'jpeg', width: 1200, height: 1600 });
  });

  it('refuses files that are not images, and formats outside the allow-list', async () => {
    await writeFile(fixture('notes.txt'), 'not an image\n');
    await writeFile(fixture('drawing.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');

    expect(await rejectionReason(probeImage(fixture('notes.txt'), MAX_PIXELS))).toBe('unsupported_type');
    expect(await rejectionReason(probeImage(fixture('drawing.svg'), MAX_PIXELS))).toBe('unsupported_type');
    expect(await rejectionReason(processImage(fixture('drawing.svg'), fixture('svg-out'), options))).toBe('unsupported_type');
  });

  it('lets errors that are not about the upload through unchanged', async () => {
    await expect(probeImage(fixture('missing.jpg'), MAX_PIXELS)).rejects.toThrow('Input file is missing');
  });
});

describe('processImage', () => {
  let processed: ProcessedImage;

  beforeAll(async () => {
    processed = await processImage(fixture('photo.jpg'), fixture('photo-out'), options);
  });

  it('orients the photo and writes WebP variants at the configured widths', async () => {
    expect(processed).toMatchObject({ width: 1200, height: 1600, aspectRatio: 0.75 });
    expect(processed.variants.map(({ name, format, width, height }) => ({ name, format, width, height }))).toEqual([
      { name: 'large', format: 'webp', width: 1080, height: 1440 },
      { name: 'medium', format: 'webp', width: 540, height: 720 },
      { name: 'thumb', format: 'webp', width: 320, height: 427 },
    ]);
    for (const variant of processed.variants) {
      expect(variant.file).toBe(join(dir, 'photo-out', `${variant.name}.webp`));
      expect((await stat(variant.file)).size).toBe(variant.bytes);
    }
  });

  it('strips every piece of metadata, GPS included', async () => {
    for (const variant of processed.variants) {
      expect(await inspectImage(variant.file)).toEqual({
        format: 'webp',
        width: variant.width,
        height: variant.height,
        orientation: undefined,
        hasExif: false,
        hasIcc: false,
        hasXmp: false,
        hasIptc: false,
        hasGps: false,
      });
    }
  });

  it('describes a placeholder: dominant colour and thumbhash', () => {
    expect(processed.dominantColor).toMatch(/^#[0-9a-f]{6}$/);
    expect(hexDistance(processed.dominantColor, PHOTO_COLOUR)).toBeLessThanOrEqual(24);
    expect(processed.thumbhash).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(Buffer.from(processed.thumbhash, 'base64').length).toBeGreaterThan(5);
  });

  it('never enlarges a small image', async () => {
    await writePng(fixture('small.png'), 300, 200);

    const small = await processImage(fixture('small.png'), fixture('small-out'), options);

    expect(small.variants).toHaveLength(IMAGE_VARIANTS.length);
    expect(small.variants.every((variant) => variant.width <= 300)).toBe(true);
    expect(small.variants.find((variant) => variant.name === 'thumb')).toMatchObject({ width: 300, height: 200 });
  });

  it('also writes AVIF variants when asked, creating the output directory', async () => {
    await writePng(fixture('avif-source.png'), 640, 480);
    const outDir = fixture('nested/avif-out');

    const result = await processImage(fixture('avif-source.png'), outDir, { ...options, avif: true });

    expect(result.variants.map((variant) => `${variant.name}.${variant.format}`).sort()).toEqual([
      'large.avif',
      'large.webp',
      'medium.avif',
      'medium.webp',
      'thumb.avif',
      'thumb.webp',
    ]);
    for (const variant of result.variants.filter((candidate) => candidate.format === 'avif')) {
      expect(await inspectImage(variant.file)).toMatchObject({ format: 'heif', width: variant.width, hasExif: false });
    }
  });

  it('keeps only the first frame of an animation', async () => {
    await writeAnimatedGif(fixture('animated.gif'));

    const animated = await processImage(fixture('animated.gif'), fixture('gif-out'), options);

    expect(animated).toMatchObject({ width: 200, height: 100, dominantColor: expect.stringMatching(/^#[ef][0-9a-f]0[0-9a-f]0[0-9a-f]$/) });
    expect(await inspectImage(animated.variants[0]!.file)).toMatchObject({ width: 200, height: 100 });
  });

  it('refuses a pixel bomb from its header alone', async () => {
    await writePixelBomb(fixture('bomb.png'), 30_000, 30_000);

    expect(await rejectionReason(probeImage(fixture('bomb.png'), MAX_PIXELS))).toBe('too_many_pixels');
    expect(await rejectionReason(processImage(fixture('bomb.png'), fixture('bomb-out'), options))).toBe('too_many_pixels');
    await expect(processImage(fixture('bomb.png'), fixture('bomb-out'), options)).rejects.toThrow('at most 50 megapixels');
  });

  it('refuses a truncated JPEG as corrupt', async () => {
    await writeTruncatedCopy(fixture('photo.jpg'), fixture('truncated.jpg'));

    expect(await probeImage(fixture('truncated.jpg'), MAX_PIXELS)).toMatchObject({ width: 1200, height: 1600 });
    expect(await rejectionReason(processImage(fixture('truncated.jpg'), fixture('truncated-out'), options))).toBe('corrupt');
  });

  it('lets a failure to write the output through unchanged', async () => {
    const outDir = fixture('blocked-out');
    await mkdir(join(outDir, 'medium.webp'), { recursive: true });

    const error: unknown = await processImage(fixture('photo.jpg'), outDir, options).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(Error);
    expect(isMediaRejected(error)).toBe(false);
  });
});
