import { activeMoment, type Brand, type Note, type NoteMediaRow, type NoteProductRow, type Person, type Product } from './model';
import type { Population } from './people';
import { PHRASES, TOPICS, type Lang, type Topic } from './phrases';
import { cumulative, drawCumulative, type Random } from './random';
import { composeNote } from './text';

const MINUTE_MS = 60_000;
const IMAGE_WIDTH = 1080;
// Portrait 3:4 dominates Xiaohongshu; square and landscape are the minority.
const IMAGE_HEIGHTS = [1440, 1080, 810];
const IMAGE_HEIGHT_WEIGHTS = [0.6, 0.25, 0.15];
const IMAGE_COUNT_WEIGHTS = [1, 2, 3, 4, 4, 4, 3, 2, 2];

export interface Content {
  notes: Note[];
  media: NoteMediaRow[];
  tags: NoteProductRow[];
}

/** Notes in publication order, with their media and product tags. */
export function generateNotes(
  random: Random,
  count: number,
  population: Population,
  brands: readonly Brand[],
  products: readonly Product[],
  window: { start: number; end: number },
): Content {
  const { creators, brandOwners } = population;
  const byTopic = new Map<Topic, Product[]>(TOPICS.map((t) => [t, products.filter((p) => p.row.category === t)]));
  const byBrand = brands.map((_, i) => products.filter((p) => p.brandIndex === i));
  // Posting volume is heavy-tailed and popular creators post more.
  const postingWeights = cumulative(creators.map((c) => Math.exp(0.8 * random.normal()) * (0.5 + Math.sqrt(c.popularity))));
  const times = Array.from({ length: count }, () => activeMoment(random, window.start, window.end - 10 * MINUTE_MS)).sort((a, b) => a - b);

  const content: Content = { notes: [], media: [], tags: [] };
  times.forEach((publishedAt, index) => {
    const brandIndex = brandOwners.length > 0 && random.chance(0.04) ? random.int(0, brandOwners.length - 1) : -1;
    const brand = brands[brandIndex];
    const author = brand ? (brandOwners[brandIndex] as Person) : (creators[drawCumulative(random, postingWeights)] as Person);
    const main = brand ? brand.topic : random.chance(0.6) ? (author.interests[0] as Topic) : random.pick(author.interests);
    const lang = random.chance(0.9) ? author.lang : otherLang(author.lang);
    const topicKeys: Topic[] = [main];
    if (random.chance(0.2)) {
      const others = TOPICS.filter((t) => t !== main);
      const shared = others.filter((t) => author.interests.includes(t));
      topicKeys.push(random.pick(shared.length > 0 ? shared : others));
    }
    const hashtags = random.chance(0.7) ? [random.pick(PHRASES[main].hashtags[lang])] : [];

    const createdAt = publishedAt - random.between(2 * MINUTE_MS, 40 * MINUTE_MS);
    const id = random.uuidv7(createdAt);
    const isVideo = random.chance(0.25);
    const durationMs = isVideo ? Math.round(Math.min(180_000, Math.max(6_000, Math.exp(Math.log(35_000) + 0.7 * random.normal())))) : null;
    const imageCount = isVideo ? 0 : random.weighted(IMAGE_COUNT_WEIGHTS) + 1;
    content.media.push(...mediaRows(random, id, imageCount, durationMs));

    const pool = brand ? (byBrand[brandIndex] ?? []).filter((p) => p.row.category === main) : (byTopic.get(main) ?? []);
    const tagged = pool.length > 0 && random.chance(brand ? 0.9 : 0.4) ? random.sample(pool, random.weighted([0.6, 0.3, 0.1]) + 1) : [];
    tagged.forEach((product, position) => {
      const atImage = durationMs === null;
      content.tags.push({
        noteId: id,
        productId: product.row.id,
        position,
        imageIndex: atImage ? random.int(0, imageCount - 1) : null,
        x: atImage ? round3(random.between(0.15, 0.85)) : null,
        y: atImage ? round3(random.between(0.15, 0.85)) : null,
        atMs: atImage ? null : random.int(0, Math.max(0, (durationMs ?? 0) - 1000)),
      });
    });
    // Paid partnerships: a creator is paid by the brand of a product the note tags.
    const sponsor = !brand && tagged.length > 0 && random.chance(0.125) ? (tagged[0] as Product).row.brandId : null;

    const { title, body } = composeNote(random, main, lang);
    author.row.noteCount += 1;
    content.notes.push({
      index,
      authorIndex: author.index,
      topicKeys,
      lang,
      durationMs,
      productIndexes: tagged.map((p) => p.index),
      row: {
        id,
        authorId: author.row.id,
        kind: isVideo ? 'video' : 'image',
        title,
        body,
        topics: [...topicKeys, ...hashtags],
        status: 'published',
        sponsored: sponsor !== null,
        sponsorBrandId: sponsor,
        // The demo's sponsorships are the brands' own deals.
        sponsorStatus: sponsor === null ? null : 'accepted',
        likeCount: 0,
        collectCount: 0,
        commentCount: 0,
        shareCount: 0,
        viewCount: 0,
        trendingScore: 0,
        createdAt: new Date(createdAt),
        updatedAt: new Date(publishedAt),
        publishedAt: new Date(publishedAt),
        failureReason: null,
      },
    });
  });
  return content;
}

function mediaRows(random: Random, noteId: string, imageCount: number, durationMs: number | null): NoteMediaRow[] {
  if (durationMs !== null) {
    const portrait = random.chance(0.85);
    return [
      {
        noteId,
        position: 0,
        kind: 'video',
        url: `https://media.example.com/videos/${noteId}.mp4`,
        width: portrait ? 1080 : 1920,
        height: portrait ? 1920 : 1080,
        durationMs,
        mediaId: null,
      },
    ];
  }
  // All images of a note share the first one's aspect ratio, as the app crops them to it.
  const height = IMAGE_HEIGHTS[random.weighted(IMAGE_HEIGHT_WEIGHTS)] ?? IMAGE_WIDTH;
  return Array.from({ length: imageCount }, (_, position) => ({
    noteId,
    position,
    kind: 'image' as const,
    url: `https://picsum.photos/seed/${noteId}-${position}/${IMAGE_WIDTH}/${height}`,
    width: IMAGE_WIDTH,
    height,
    durationMs: null,
    mediaId: null,
  }));
}

function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
