import { monitorEventLoopDelay } from 'node:perf_hooks';
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
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 16 }, () => verifyPassword('correct horse', hash)));
    delay.disable();
    expect(results.every(Boolean)).toBe(true);
    // 16 checks at cost 10 are about a second of CPU; on the event loop they held it for all of it.
    expect(performance.now() - started).toBeGreaterThan(100);
    expect(delay.max / 1e6).toBeLessThan(60);
  });
});
