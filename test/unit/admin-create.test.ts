import { resolveJwtSecret } from '../../core/jwt-secret';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AccountsService } from '../../accounts/accounts.service';
import { openMigratedDatabase, prepareDatabase } from '../../boot';
import { loadConfig } from '../../core/config';
import { createLogger } from '../../core/logger';
import { isDatabaseEmpty } from '../../seed/load';
import { UsersRepository } from '../../models/repositories/users.repository';

const ROOT = path.join(__dirname, '..', '..');
const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'a-long-production-secret' };

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'seedfeed-admin-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** `npm run admin:create` on the embedded database in dataDir, the password typed on standard input. */
function adminCreate(args: string[], password: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      'npx',
      ['tsx', 'scripts/admin-create.ts', ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH, ...PRODUCTION, DATA_DIR: dataDir } },
      (error, stdout, stderr) => resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr }),
    );
    child.stdin?.end(`${password}\n`);
  });
}

describe('a production database', () => {
  it('is not given the demo world or its accounts on first start', async () => {
    const config = loadConfig({ ...PRODUCTION, DATA_DIR: dataDir });
    const database = await prepareDatabase(config, createLogger('silent'));
    try {
      expect(await isDatabaseEmpty(database)).toBe(true);
    } finally {
      await database.close();
    }
  });

  it('gets its first administrator from npm run admin:create, who can then log in as one', async () => {
    const created = await adminCreate(['--handle', 'root_admin', '--name', 'Root'], 'correct horse battery');
    expect(created.stdout).toMatch(/^Created administrator root_admin/);
    expect(created.code).toBe(0);

    expect(await adminCreate(['--handle', 'root_admin'], 'another password')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('That handle is already taken'),
    });
    expect(await adminCreate(['--handle', 'second_admin'], 'short')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('use at least 8 characters'),
    });
    expect(await adminCreate(['--handle', 'third_admin'], '长'.repeat(25))).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('use at most 72 bytes'),
    });

    const config = loadConfig({ ...PRODUCTION, DATA_DIR: dataDir });
    const database = await openMigratedDatabase(config);
    try {
      const accounts = new AccountsService(
        new UsersRepository(database.db),
        { ...config, jwtSecret: resolveJwtSecret(config) },
        { max: 1, ttlMs: 1 },
      );
      const session = await accounts.logIn({ login: 'root_admin', password: 'correct horse battery' });
      expect(session.user).toMatchObject({ role: 'admin', displayName: 'Root' });
    } finally {
      await database.close();
    }
  });
});
