import { sql } from 'drizzle-orm';
import { rowsOf } from '../../core/db';
import { uuidv7 } from '../../core/ids';
import { createRedisClient, redisAnswers, resolveRedis } from '../../core/redis';
import { createOverdueChecks } from '../../jobs/handlers';
import { createJobQueue } from '../../jobs/runtime';
import { startTestApp, type TestApp } from '../support/harness';
import { createNote, signUp } from '../support/factories';
import { startTestWorker } from '../support/worker';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function score(id: string): Promise<{ trending: number; likes: number; views: number }> {
  const rows = rowsOf<{ trending: number; likes: number; views: number }>(
    await app.database.db.execute(
      sql`SELECT trending_score AS trending, like_count AS likes, view_count AS views FROM notes WHERE id = ${id}`,
    ),
  );
  return rows[0] ?? { trending: NaN, likes: NaN, views: NaN };
}

describe('background jobs on real Redis', () => {
  it('runs trending.refresh, counters.reconcile and views.apply through BullMQ workers', async () => {
    const creator = await signUp(app, 'CREATOR');
    const fan = await signUp(app);
    const id = await createNote(app, creator);
    await app.gql(`mutation($id: ID!) { like(noteId: $id) { id } }`, { id }, fan.token);
    await app.gql(`mutation($e: [EventInput!]!) { recordEvents(events: $e) { accepted } }`, {
      e: [{ eventId: uuidv7(), type: 'VIEW', noteId: id, value: 1 }],
    });
    await app.database.db.execute(sql`UPDATE notes SET like_count = 42 WHERE id = ${id}`);

    const runtime = await startTestWorker(app, { roles: ['worker', 'trainer'] });
    const queue = createJobQueue(app.config.REDIS_URL, app.config.REDIS_PREFIX);
    try {
      await queue.enqueue('trending.refresh', {});
      await queue.enqueue('counters.reconcile', {});
      await queue.enqueue('views.apply', {});
      const deadline = Date.now() + 20_000;
      let current = await score(id);
      while ((current.trending <= 0 || current.likes !== 1 || current.views !== 1) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        current = await score(id);
      }
      expect(current.likes).toBe(1);
      expect(current.views).toBe(1);
      expect(current.trending).toBeGreaterThan(3);
    } finally {
      await queue.close();
      await runtime.stop();
    }
  });
});

describe('schedules that outlive Redis', () => {
  it('registers the periodic jobs again when Redis loses its data', async () => {
    const runtime = await startTestWorker(app, { roles: ['worker'], scheduleCheckMs: 200 });
    const raw = createRedisClient(app.config.REDIS_URL);
    try {
      expect(await runtime.missingSchedules()).toEqual([]);
      // What a restart of a Redis without persistence leaves: none of this deployment's keys.
      const keys = await raw.keys(`${app.config.REDIS_PREFIX}:*`);
      if (keys.length > 0) await raw.del(...keys);
      expect((await runtime.missingSchedules()).length).toBeGreaterThan(0);
      const deadline = Date.now() + 10_000;
      while ((await runtime.missingSchedules()).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await runtime.missingSchedules()).toEqual([]);
    } finally {
      raw.disconnect();
      await runtime.stop();
    }
  });

  it('trains at once when the database has no model, whatever the schedule in Redis says', async () => {
    const run = jest.spyOn(app.services.trainer, 'run');
    const runtime = await startTestWorker(app, { roles: ['trainer'], overdue: createOverdueChecks({ trainer: app.services.trainer }) });
    try {
      const deadline = Date.now() + 20_000;
      while (run.mock.calls.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(run).toHaveBeenCalled();
    } finally {
      run.mockRestore();
      await runtime.stop();
    }
  });
});

describe('Redis for the embedded default', () => {
  it('starts a private redis-server when nothing answers at REDIS_URL, and stops it', async () => {
    const endpoint = await resolveRedis('redis://127.0.0.1:1');
    expect(endpoint.url).not.toBe('redis://127.0.0.1:1');
    expect(await redisAnswers(endpoint.url)).toBe(true);
    await endpoint.stop();
    expect(await redisAnswers(endpoint.url, 300)).toBe(false);
  });
});
