import type { Page } from 'playwright-core';

/**
 * An init script that notes, each frame from the page's start, when `expression` first holds (window.__seen[name]).
 * First loads are timed this way rather than with waitForFunction, whose injected script (a few hundred KB, compiled
 * on the page's main thread as it loads) would compete with the very work being timed.
 */
export function watch(watches: Record<string, string>): string {
  const checks = Object.entries(watches).map(
    ([name, expression]) =>
      `if (seen[${JSON.stringify(name)}] === undefined && (${expression})) seen[${JSON.stringify(name)}] = performance.now();`,
  );
  return `const seen = (window.__seen = {});
    const frame = () => { ${checks.join(' ')} if (Object.keys(seen).length < ${checks.length}) requestAnimationFrame(frame); };
    requestAnimationFrame(frame);`;
}

/** When the watch (see `watch`) called `name` saw its expression hold, in the page's clock, asked from outside the page. */
export async function seenAt(page: Page, name: string, timeout: number, failure: string): Promise<number> {
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    const at = await page.evaluate<number | undefined>(`window.__seen?.[${JSON.stringify(name)}]`);
    if (at !== undefined) return at;
  }
  throw new Error(`${failure} within ${timeout / 1000} s`);
}
