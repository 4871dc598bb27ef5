import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');

/**
 * The node flags of `npm start`, read from package.json so that a benchmark measures the product
 * as it is run, not a differently tuned copy.
 */
export function productNodeFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = scripts.start.split(/\s+/);
  if (words[0] !== 'node' || words.at(-1) !== 'main.ts') throw new Error(`unexpected start script: ${scripts.start}`);
  return words.slice(1, -1);
}

/** Runs the product (main.ts) as `npm start` does, with the given environment on top of this process's. */
export function spawnProduct(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [...productNodeFlags(), path.join(ROOT, 'main.ts')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
