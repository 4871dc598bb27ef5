import { sql } from 'drizzle-orm';
import { attributionWindows } from '../../commerce/attribution';
import { furnishDemoMedia, needsDemoMedia } from '../../seed/demo-media';
import { seedDatabase } from '../../seed/load';
import { startTestApp, type TestApp } from '../support/harness';

let app: TestApp;
let furnished: { images: number; videos: number };
const stages = new Set<string>();

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await app.database.db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

beforeAll(async () => {
  app = await startTestApp();
  await seedDatabase(app.database, { scale: 0.01, seed: 3, windows: attributionWindows(app.config) });
  expect(await needsDemoMedia(app.database)).toBe(true);
  furnished = await furnishDemoMedia({
    database: app.database,
    media: app.services.media,
    binaries: { ffmpeg: app.config.FFMPEG_PATH, ffprobe: app.config.FFPROBE_PATH },
    onProgress: (_done, _total, stage) => stages.add(stage),
  });
}, 240_000);

afterAll(() => app?.close());

describe('demo media made on the first start', () => {
  it('leaves no row of the demo world pointing at another host, so it needs doing only once', async () => {
    expect(furnished).toEqual(expect.objectContaining({ images: 44, videos: 4 }));
    expect([...stages]).toEqual(['demo covers', 'demo avatars', 'demo videos']);
    const elsewhere = await rows<{ n: number }>(sql`select (
      (select count(*) from note_media where url not like '/media/%' or media_id is null)
      + (select count(*) from users where avatar_url not like '/media/%')
      + (select count(*) from brands where logo_url not like '/media/%')
      + (select count(*) from products where exists (select 1 from unnest(image_urls) u where u not like '/media/%'))
    )::int as n`);
    expect(elsewhere[0]!.n).toBe(0);
    expect(await needsDemoMedia(app.database)).toBe(false);
  });

  it('gives each slot a processed upload of the slot’s own shape, and a note’s pictures are not all the same', async () => {
    const slots = await rows<{ kind: string; width: number; height: number; uw: number; uh: number; status: string }>(sql`
      select m.kind, m.width, m.height, u.width as uw, u.height as uh, u.status
      from note_media m join media u on u.id = m.media_id`);
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of slots) {
      expect(slot.status).toBe('ready');
      expect([slot.width, slot.height]).toEqual([slot.uw, slot.uh]);
    }
    const sameEverywhere = await rows<{ n: number }>(sql`
      select count(*)::int as n from (
        select note_id from note_media where kind = 'image' group by note_id
        having count(*) > 1 and count(distinct media_id) = 1) s`);
    expect(sameEverywhere[0]!.n).toBe(0);
  });

  it('keeps every timed product card of a video within the clip it now plays', async () => {
    const cards = await rows<{ at_ms: number; duration_ms: number }>(sql`
      select p.at_ms, m.duration_ms from note_products p join note_media m on m.note_id = p.note_id and m.kind = 'video'
      where p.at_ms is not null`);
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card.at_ms).toBeLessThanOrEqual(card.duration_ms);
  });

  it('serves the feed’s covers, posters and playlists from this server', async () => {
    const res = await app.gql(`{ feed(kind: TRENDING, first: 40) { edges { node { kind author { avatarUrl }
      media { url upload { posterUrl thumbhash } } } } } }`);
    expect(res.body.errors).toBeUndefined();
    const notes = res.body.data!.feed.edges.map((e: { node: unknown }) => e.node) as {
      kind: string;
      author: { avatarUrl: string };
      media: { url: string; upload: { posterUrl: string | null; thumbhash: string | null } }[];
    }[];
    const image = notes.find((n) => n.kind === 'IMAGE')!;
    const video = notes.find((n) => n.kind === 'VIDEO')!;
    expect(image.media[0]!.upload.thumbhash).toBeTruthy();
    for (const [url, type] of [
      [image.media[0]!.url, /^image\//],
      [image.author.avatarUrl, /^image\//],
      [video.media[0]!.url, /mpegurl/i],
      [video.media[0]!.upload.posterUrl!, /^image\//],
    ] as const) {
      const file = await app.http.get(url);
      expect({ url, status: file.status }).toEqual({ url, status: 200 });
      expect(file.headers['content-type']).toMatch(type);
    }
  });
});
