import bcrypt from 'bcryptjs';
import { hashPassword, verifyPassword } from '../../accounts/passwords';

describe('password hashing', () => {
  it('makes bcrypt hashes that bcrypt accepts, and checks them both ways', async () => {
    const hash = await hashPassword('correct horse', 4);
    expect(bcrypt.compareSync('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('wrong horse', hash)).toBe(false);
    // Hashes made before the worker threads still verify.
    expect(await verifyPassword('old password', bcrypt.hashSync('old password', 4))).toBe(true);
  });

  it('leaves the event loop free while many logins are checked at once', async () => {
    const hash = await hashPassword('correct horse', 10);
    const before = performance.eventLoopUtilization();
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 16 }, () => verifyPassword('correct horse', hash)));
    const loop = performance.eventLoopUtilization(before);
    expect(results.every(Boolean)).toBe(true);
    // 16 checks at cost 10 are about a second of CPU; on the event loop they kept it busy for all of it. The share of
    // the time the loop was busy is the measure, not its longest delay: on two cores shared with other test files the
    // scheduler alone can hold a timer back by tens of milliseconds, which made a bound on the delay fail now and then.
    expect(performance.now() - started).toBeGreaterThan(100);
    expect(loop.utilization).toBeLessThan(0.3);
  });
});
