import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Interaction } from '../../events/interactions-csv';
import { replay, REPLAY_DEFAULTS } from '../../recommender/training/replay';

// A world with two tastes: even users engage with "beauty" items, odd users with "tech" items, and
// every user has already seen some items (impressions and hides included).
function world(): Interaction[] {
  const log: Interaction[] = [];
  let ts = 1_700_000_000;
  for (let u = 0; u < 60; u += 1) {
    const taste = u % 2 === 0 ? 'beauty' : 'tech';
    for (let n = 0; n < 12; n += 1) {
      const item = `${taste}-${(u * 7 + n * 3) % 40}`;
      log.push({ user: `u${u}`, item, event: 'view', ts: (ts += 60), value: null });
      if (n % 3 === 0) log.push({ user: `u${u}`, item, event: 'like', ts: (ts += 5), value: null });
    }
    log.push({ user: `u${u}`, item: `${taste === 'beauty' ? 'tech' : 'beauty'}-${u % 40}`, event: 'hide', ts: (ts += 5), value: null });
    log.push({ user: `u${u}`, item: `${taste}-${(u + 20) % 40}`, event: 'impression', ts: (ts += 5), value: null });
  }
  return log;
}

const OPTIONS = { ...REPLAY_DEFAULTS, k: 10 };

describe('offline replay', () => {
  it('ranks k items per user, never one the user has any event for, and recommends to their taste', async () => {
    const log = world();
    const users = ['u0', 'u1', 'u2', 'u3'];
    const { rows } = await replay(log, users, OPTIONS);
    for (const user of users) {
      const mine = rows.filter((r) => r.user === user);
      expect(mine.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const scores = mine.map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const seen = new Set(log.filter((e) => e.user === user).map((e) => e.item));
      expect(mine.filter((r) => seen.has(r.item))).toEqual([]);
      const taste = Number(user.slice(1)) % 2 === 0 ? 'beauty' : 'tech';
      const toTaste = mine.slice(0, 5).filter((r) => r.item.startsWith(taste)).length;
      expect(toTaste).toBeGreaterThanOrEqual(4);
    }
  });

  it('gives the same output for the same seed, and popular items to a user it has never seen', async () => {
    const log = world();
    const first = await replay(log, ['u5', 'stranger'], OPTIONS);
    const second = await replay(log, ['u5', 'stranger'], OPTIONS);
    expect(second.rows).toEqual(first.rows);
    const stranger = first.rows.filter((r) => r.user === 'stranger');
    expect(stranger).toHaveLength(10);
    expect(new Set(stranger.map((r) => r.item)).size).toBe(10);
  });

  it('copes with a user who has a single event', async () => {
    const log: Interaction[] = [...world(), { user: 'once', item: 'tech-3', event: 'like', ts: 1_800_000_000, value: null }];
    const { rows } = await replay(log, ['once'], OPTIONS);
    expect(rows).toHaveLength(10);
    expect(rows.some((r) => r.item === 'tech-3')).toBe(false);
  });
});

describe('npm run replay', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'replay-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the interaction CSV and the user list, and writes user,item,rank,score', async () => {
    const train = path.join(dir, 'train.csv');
    const lines = world().map((e) => `${e.user},${e.item},${e.event},${e.ts}`);
    await writeFile(train, `user,item,event,ts\n${lines.join('\n')}\n`);
    const users = path.join(dir, 'users.txt');
    await writeFile(users, 'u0\nu1\nnobody\n');
    const out = path.join(dir, 'out.csv');
    const cli = path.join(__dirname, '..', '..', 'recommender', 'cli', 'replay.ts');
    await promisify(execFile)(process.execPath, ['--import', 'tsx', cli, '--train', train, '--users', users, '--k', '3', '--out', out]);
    const [header, ...rows] = (await readFile(out, 'utf8')).trim().split('\n');
    expect(header).toBe('user,item,rank,score');
    expect(rows).toHaveLength(9);
    for (const row of rows) expect(row).toMatch(/^(u0|u1|nobody),(beauty|tech)-\d+,[123],-?\d+(\.\d+)?(e-?\d+)?$/);
  });

  it('explains its usage and exits 2 when an argument is missing', async () => {
    const cli = path.join(__dirname, '..', '..', 'recommender', 'cli', 'replay.ts');
    await expect(promisify(execFile)(process.execPath, ['--import', 'tsx', cli, '--k', '3'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('usage: npm run replay'),
    });
  });
});
