import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { NewEvent } from '../../models/repositories/events.repository';
import { repositoriesFor } from '../../models/transaction';
import { armOf } from '../../recommender/experiment';
import { createNote, errorCode, signUp, type Account } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';

const EXPERIMENT = { name: 'purchase-weight', since: '2026-01-01T00:00:00Z', b: { weights: { purchase: 10 } } };
const RATE = `{ viewers mean low high }`;
const REPORT = `{ feedExperiment { name since
  arms { arm users exposed served impressions ctr likeRate purchaseRate perViewer { ctr ${RATE} likeRate ${RATE} purchaseRate ${RATE} } }
  differences { metric difference low high }
  sampleRatio { expectedShareB observedShareB pValue mismatch } } }`;

let app: TestApp;
let admin: Account;

beforeAll(async () => {
  app = await startTestApp({ FEED_EXPERIMENT: JSON.stringify(EXPERIMENT) });
  admin = await signUp(app, 'VIEWER');
  await app.database.db.execute(sql`UPDATE users SET role = 'admin' WHERE id = ${admin.id}`);
});

afterAll(async () => {
  await app.close();
});

describe('the For-You A/B test', () => {
  it('reports each arm’s users and rates from the event log, with the same split the feed uses', async () => {
    const creator = await signUp(app, 'CREATOR');
    const note = await createNote(app, creator);
    const viewers = await Promise.all(Array.from({ length: 8 }, () => signUp(app, 'VIEWER')));
    const byArm = { a: viewers.filter((v) => armOf(EXPERIMENT, v.id) === 'a'), b: viewers.filter((v) => armOf(EXPERIMENT, v.id) === 'b') };
    // Each viewer: 6 served notes, 4 impressions and 2 views; the first viewer of each arm also likes; arm b's first viewer buys.
    const events: NewEvent[] = [];
    const at = new Date('2026-06-01T00:00:00Z');
    const push = (viewer: Account, type: NewEvent['type'], times = 1) => {
      for (let i = 0; i < times; i += 1) events.push({ eventId: randomUUID(), type, userId: viewer.id, noteId: note, occurredAt: at });
    };
    for (const viewer of viewers) {
      push(viewer, 'served', 6);
      push(viewer, 'impression', 4);
      push(viewer, 'view', 2);
    }
    for (const arm of ['a', 'b'] as const) if (byArm[arm][0]) push(byArm[arm][0] as Account, 'like');
    if (byArm.b[0]) push(byArm.b[0], 'purchase');
    // Before the experiment began: not counted.
    events.push({
      eventId: randomUUID(),
      type: 'impression',
      userId: viewers[0]?.id,
      noteId: note,
      occurredAt: new Date('2025-12-31T00:00:00Z'),
    });
    await repositoriesFor(app.database.db).events.append(events);

    const res = await app.gql(REPORT, {}, admin.token);
    expect(res.body.errors).toBeUndefined();
    const report = res.body.data?.feedExperiment;
    expect(report.name).toBe('purchase-weight');
    for (const arm of ['a', 'b'] as const) {
      const n = byArm[arm].length;
      const row = report.arms.find((r: { arm: string }) => r.arm === arm);
      expect(row).toMatchObject({ users: n, exposed: n, served: 6 * n, impressions: 4 * n });
      if (n === 0) continue;
      expect(row.ctr).toBeCloseTo(0.5, 6);
      expect(row.likeRate).toBeCloseTo(1 / (4 * n), 6);
      expect(row.purchaseRate).toBeCloseTo(arm === 'b' ? 1 / (4 * n) : 0, 6);
      // Per viewer: every viewer reads half of what they see, one in n likes a quarter of it.
      expect(row.perViewer.ctr).toMatchObject({ viewers: n, mean: 0.5 });
      expect(row.perViewer.likeRate.mean).toBeCloseTo(0.25 / n, 6);
      if (n >= 2) {
        const sd = Math.sqrt(((n - 1) * (0.25 / n) ** 2 + (0.25 - 0.25 / n) ** 2) / (n - 1));
        expect(row.perViewer.likeRate.high - row.perViewer.likeRate.mean).toBeCloseTo((1.96 * sd) / Math.sqrt(n), 3);
        expect(row.perViewer.likeRate.low).toBeLessThan(row.perViewer.likeRate.mean);
      } else {
        expect(row.perViewer.likeRate).toMatchObject({ low: null, high: null });
      }
    }
    const purchase = report.differences.find((d: { metric: string }) => d.metric === 'purchaseRate');
    expect(purchase.difference).toBeCloseTo(byArm.b.length ? 0.25 / byArm.b.length : 0, 6);
    expect(report.differences.find((d: { metric: string }) => d.metric === 'ctr')).toMatchObject({ difference: 0 });
    expect(report.sampleRatio.observedShareB).toBeCloseTo(byArm.b.length / viewers.length, 6);
    expect(report.sampleRatio.expectedShareB).toBe(0.5);
    expect(report.sampleRatio.mismatch).toBe(report.sampleRatio.pValue < 0.001);
  });

  it('is for admins only', async () => {
    const viewer = await signUp(app, 'VIEWER');
    expect(errorCode(await app.gql(REPORT, {}, viewer.token))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(REPORT))).toBe('UNAUTHENTICATED');
  });
});
