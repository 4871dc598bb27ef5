import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { notes } from '../../models/schema';
import { repositoriesFor } from '../../models/transaction';
import type { NewEvent } from '../../models/repositories/events.repository';
import { TrendingTimeline } from '../../recommender/training/trending-timeline';
import { TrendingService } from '../../recommender/trending.service';
import { TRENDING } from '../../recommender/trending-rule';
import { createNote, signUp } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('the trending rule', () => {
  it('gives training, at any moment, the score the refresh job computes in SQL at that moment', async () => {
    const [creator, viewer] = await Promise.all([signUp(app, 'CREATOR'), signUp(app, 'VIEWER')]);
    const ids = [await createNote(app, creator), await createNote(app, creator), await createNote(app, creator)];
    const now = Date.now();
    const ago = (hours: number) => new Date(now - hours * 3_600_000);
    const event = (n: number, type: NewEvent['type'], hours: number, extra: Partial<NewEvent> = {}): NewEvent => ({
      eventId: randomUUID(),
      type,
      userId: viewer.id,
      noteId: ids[n],
      occurredAt: ago(hours),
      ...extra,
    });
    const repos = repositoriesFor(app.database.db);
    for (const hours of [0, 80]) await repos.events.ensurePartition(ago(hours));
    await repos.events.append([
      event(0, 'view', 1),
      event(0, 'like', 5),
      event(0, 'purchase', 30),
      event(0, 'view', 80), // older than the window
      event(0, 'view', 2, { isRepeat: true }), // a repeat view counts nothing
      event(0, 'impression', 1), // nor does an impression
      event(1, 'collect', 12),
      ...Array.from({ length: 6 }, () => event(1, 'view', 3, { userId: null })), // anonymous, capped
      ...Array.from({ length: 20 }, () => event(2, 'share', 0.5, { userId: null })), // anonymous alone: nothing
    ]);

    await new TrendingService(repos.notes).refresh();
    const stored = await app.database.db.select({ id: notes.id, score: notes.trendingScore }).from(notes).where(inArray(notes.id, ids));
    const events = await repos.recommender.trendingEvents(Object.keys(TRENDING.weights) as NewEvent['type'][], ago(100));
    const timeline = new TrendingTimeline(
      events.map((e) => ({ noteId: e.noteId, type: e.type, anonymous: e.anonymous, atMs: e.occurredAt.getTime() })),
      TRENDING,
    );
    const at = Date.now();
    const scores = Object.fromEntries(stored.map((row) => [row.id, row.score]));
    const half = (hours: number) => 2 ** (-hours / TRENDING.halfLifeHours);
    expect(scores[ids[0] as string]).toBeCloseTo(1 * half(1) + 3 * half(5) + 8 * half(30), 3);
    expect(scores[ids[2] as string]).toBe(0);
    for (const id of ids) expect(timeline.at(id, at)).toBeCloseTo(scores[id] as number, 3);
  });
});
