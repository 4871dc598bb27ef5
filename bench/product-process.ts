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

export async function waitForReady(url: string, timeoutMs = 60_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the product did not become ready at ${url}`);
}

/** SIGTERM, then waits until the product has drained and exited. */
export async function stopProduct(product: ChildProcess): Promise<void> {
  if (product.exitCode !== null) return;
  const exited = new Promise((resolve) => product.once('exit', resolve));
  product.kill('SIGTERM');
  await exited;
}
