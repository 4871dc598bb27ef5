import { readFile, writeFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/** The background of the phone photo fixture; a small block of another colour keeps the dominant colour meaningful. */
export const PHOTO_COLOUR = { r: 208, g: 16, b: 16 };

/**
 * A landscape 1600x1200 JPEG stored sideways with EXIF orientation 6 (so it displays as 1200x1600 portrait), carrying GPS
 * coordinates, XMP and a Display P3 profile: everything a phone attaches that must not survive processing.
 */
export async function writePhonePhoto(file: string): Promise<void> {
  const block = await sharp({ create: { width: 200, height: 150, channels: 3, background: '#1040d0' } })
    .png()
    .toBuffer();
  await sharp({ create: { width: 1600, height: 1200, channels: 3, background: PHOTO_COLOUR } })
    .composite([{ input: block, left: 100, top: 100 }])
    .withIccProfile('p3')
    .withExif({
      IFD0: { Make: 'FixtureCam' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '10/1 0/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '20/1 0/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>')
    .jpeg({ quality: 90 })
    .toFile(file);
}

export async function writePng(file: string, width: number, height: number): Promise<void> {
  await sharp({ create: { width, height, channels: 4, background: { r: 20, g: 160, b: 60, alpha: 1 } } })
    .png()
    .toFile(file);
}

/** A cover that looks like something: a diagonal gradient between two hues picked by `seed`, with a sun, as a PNG. */
export async function writeCover(file: string, width: number, height: number, seed: number): Promise<void> {
  const hue = (seed * 47) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},70%,72%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},65%,45%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width * 0.7}" cy="${height * 0.3}" r="${Math.min(width, height) * 0.15}" fill="hsl(${(hue + 180) % 360},80%,85%)"/>
  </svg>`;
  await sharp(Buffer.from(svg)).png().toFile(file);
}

/** Two frames of 200x100, red then blue, stacked the way sharp represents animation. */
/** Random pixels do not compress: width × height × 3 bytes of PNG, near enough. */
export async function writeNoisePng(file: string, width: number, height: number): Promise<void> {
  await sharp({ create: { width, height, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    .png()
    .toFile(file);
}

export async function writeAnimatedGif(file: string): Promise<void> {
  const frame = (background: string) =>
    sharp({ create: { width: 200, height: 100, channels: 3, background } })
      .raw()
      .toBuffer();
  const frames = Buffer.concat([await frame('#ff0000'), await frame('#0000ff')]);
  await sharp(frames, { raw: { width: 200, height: 200, channels: 3, pageHeight: 100 } })
    .gif({ loop: 0, delay: [100, 100] })
    .toFile(file);
}

/**
 * A PNG of a few dozen bytes whose header declares width x height greyscale pixels: only a header check stands between it and
 * a decoder allocating width * height bytes.
 */
export async function writePixelBomb(file: string, width: number, height: number): Promise<void> {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, standard filtering, not interlaced
  const idat = Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]); // an empty zlib stream
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  await writeFile(file, Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

export async function writeTruncatedCopy(source: string, file: string): Promise<void> {
  const bytes = await readFile(source);
  await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
}

export interface InspectedImage {
  format: string;
  width: number;
  height: number;
  orientation: number | undefined;
  hasExif: boolean;
  hasIcc: boolean;
  hasXmp: boolean;
  hasIptc: boolean;
  /** Whether the EXIF block links a GPS IFD (tag 0x8825, either byte order). */
  hasGps: boolean;
}

export async function inspectImage(file: string): Promise<InspectedImage> {
  const metadata = await sharp(file).metadata();
  const exif = metadata.exif;
  return {
    format: metadata.format,
    width: metadata.width,
    height: metadata.height,
    orientation: metadata.orientation,
    hasExif: exif !== undefined,
    hasIcc: metadata.icc !== undefined,
    hasXmp: metadata.xmp !== undefined,
    hasIptc: metadata.iptc !== undefined,
    hasGps: exif !== undefined && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]))),
  };
}
