import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const VITE_CONFIG = path.join('web', 'vite.config.ts');

/** Jest's global setup of the e2e project: builds the web app once (into WEB_DIST_DIR's default) for every test that loads it. */
export default function buildWebApp(): void {
  if (!existsSync(path.join(ROOT, VITE_CONFIG))) {
    console.log(`\ne2e: ${VITE_CONFIG} does not exist yet, so the web app is not built; only tests that bring their own pages can pass.\n`);
    return;
  }
  execFileSync('npx', ['vite', 'build', '--config', VITE_CONFIG], { cwd: ROOT, stdio: 'inherit' });
}
