import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where a deployment without JWT_SECRET keeps the one it made. */
export function jwtSecretFile(dataDir: string): string {
  return path.join(dataDir, 'jwt-secret');
}

/**
 * The token signing secret: JWT_SECRET when set, else one made at random on first start and kept
 * in the data directory (readable by its owner only), so that no two installations share a secret
 * and a published default cannot forge a token. Processes sharing the directory share it: the
 * file appears whole or not at all (linked from a temporary file), and the first to link it wins.
 */
export function resolveJwtSecret(config: { JWT_SECRET?: string; DATA_DIR: string }): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  const file = jwtSecretFile(config.DATA_DIR);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(config.DATA_DIR, { recursive: true });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, randomBytes(32).toString('hex'), { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  return readFileSync(file, 'utf8').trim();
}
