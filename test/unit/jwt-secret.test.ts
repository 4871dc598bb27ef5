import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jwtSecretFile, resolveJwtSecret } from '../../core/jwt-secret';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jwt-secret-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the token secret', () => {
  it('is made at random once per data directory, readable by its owner only, and kept', async () => {
    const first = resolveJwtSecret({ DATA_DIR: dir });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect((await stat(jwtSecretFile(dir))).mode & 0o777).toBe(0o600);
    expect(resolveJwtSecret({ DATA_DIR: dir })).toBe(first);

    const other = await mkdtemp(path.join(tmpdir(), 'jwt-secret-'));
    try {
      expect(resolveJwtSecret({ DATA_DIR: other })).not.toBe(first);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('is JWT_SECRET when set, and then nothing is written', async () => {
    expect(resolveJwtSecret({ JWT_SECRET: 'a-configured-secret-0123', DATA_DIR: dir })).toBe('a-configured-secret-0123');
    await expect(stat(jwtSecretFile(dir))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
