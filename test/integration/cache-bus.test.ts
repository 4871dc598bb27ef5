import { randomBytes } from 'node:crypto';
import { RedisCacheBus } from '../../core/cache-bus';
import { readTestEnv } from '../../core/config';
import { createLogger } from '../../core/logger';
import { ReadCache } from '../../core/read-cache';
import { createRedisClient, type Redis } from '../../core/redis';
import { eventually } from '../support/eventually';

const logger = createLogger('silent');
let redis: Redis;
let channel: string;
const buses: RedisCacheBus[] = [];

beforeAll(() => {
  redis = createRedisClient(readTestEnv().redisUrl);
});
beforeEach(() => {
  channel = `test-cache-bus-${randomBytes(6).toString('hex')}`;
});
afterEach(async () => {
  await Promise.all(buses.splice(0).map((bus) => bus.close()));
});
afterAll(() => redis.disconnect());

/** A process's bus on this test's channel, subscribed. */
async function processBus(): Promise<RedisCacheBus> {
  const bus = new RedisCacheBus(redis, channel, logger);
  await bus.start();
  buses.push(bus);
  return bus;
}

/** A cache of `name` on `bus` holding a value for each key, read through a loader that counts its calls. */
async function filled(bus: RedisCacheBus, name: string, keys: string[]) {
  const cache = new ReadCache<string>({ max: 100, ttlMs: 600_000, bus }, name);
  const loads: string[][] = [];
  const read = (wanted: string[]) =>
    cache.getMany(wanted, async (missing) => {
      loads.push(missing);
      return new Map(missing.map((key) => [key, `value of ${key}`]));
    });
  await read(keys);
  loads.length = 0;
  return { cache, loads, read };
}

/** A round trip through the channel: whatever was published before has been delivered after it. */
async function settled(bus: RedisCacheBus, probe: ReadCache<string>): Promise<void> {
  const marker = `marker-${randomBytes(4).toString('hex')}`;
  await probe.getMany([marker], async () => new Map([[marker, 'x']]));
  let reloaded = false;
  bus.publish('probe', [marker]);
  await eventually(async () => {
    await probe.getMany([marker], async () => {
      reloaded = true;
      return new Map([[marker, 'x']]);
    });
    return reloaded;
  });
}

describe('RedisCacheBus', () => {
  it('makes every other process forget what one forgot, and only in the cache of that name', async () => {
    const [a, b] = [await processBus(), await processBus()];
    const here = await filled(a, 'cards', ['n1', 'n2']);
    const there = await filled(b, 'cards', ['n1', 'n2']);
    const unrelated = await filled(b, 'users', ['n1']);
    here.cache.forget('n1');
    await eventually(async () => {
      await there.read(['n1', 'n2']);
      return there.loads.length > 0;
    });
    expect(there.loads).toEqual([['n1']]);
    await here.read(['n1', 'n2']);
    expect(here.loads).toEqual([['n1']]);
    await unrelated.read(['n1']);
    expect(unrelated.loads).toEqual([]);
  });

  it('ignores messages it cannot read and names it does not know, and keeps working', async () => {
    const [a, b] = [await processBus(), await processBus()];
    const there = await filled(b, 'cards', ['n1']);
    const probe = new ReadCache<string>({ max: 10, ttlMs: 600_000, bus: b }, 'probe');
    for (const raw of ['not json', 'null', '{"o":"x","c":"cards","k":"n1"}', '{"o":"x","c":"nobody","k":["n1"]}', '[1,2]'])
      await redis.publish(channel, raw);
    a.publish('nobody', ['n1']);
    await settled(a, probe);
    await there.read(['n1']);
    expect(there.loads).toEqual([]);
    a.publish('cards', ['n1']);
    await eventually(async () => {
      await there.read(['n1']);
      return there.loads.length === 1;
    });
  });

  it('refuses two caches of one name in a process', async () => {
    const bus = await processBus();
    new ReadCache<string>({ max: 10, ttlMs: 1000, bus }, 'cards');
    expect(() => new ReadCache<string>({ max: 10, ttlMs: 1000, bus }, 'cards')).toThrow(/two read caches are named cards/);
    expect(() => new ReadCache<string>({ max: 10, ttlMs: 1000, bus })).toThrow(/needs a name/);
  });

  it('clears its caches when its subscription was cut, since it may have missed what others forgot', async () => {
    const bus = await processBus();
    const there = await filled(bus, 'cards', ['n1', 'n2']);
    const clients = (await redis.client('LIST')) as string;
    const line = clients.split('\n').find((l) => l.includes(`name=cache-bus:${channel} `));
    const id = /\bid=(\d+)/.exec(line ?? '')?.[1];
    expect(id).toBeDefined();
    await redis.client('KILL', 'ID', id as string);
    await eventually(async () => {
      await there.read(['n1']);
      return there.loads.length > 0;
    });
    expect(there.loads).toEqual([['n1']]);
  });
});
