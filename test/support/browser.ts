import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Result as AxeResult } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// Debian's Chromium (.ci/run installs it): playwright-core never downloads a browser of its own.
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Headless Chromium for end-to-end tests and the web benchmark. Each launch gets a fresh profile: Playwright makes a
 * temporary user data directory itself (and refuses a --user-data-dir argument), and removes it on close.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      // Containers run as root, where Chromium's sandbox cannot start.
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      // Nothing but the page under test touches the network: no update checks, component downloads or sync.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Everything a page reports as wrong from now on: console errors (a failed request among them) and uncaught
 * exceptions. The array fills as the page runs; a test ends with `expect(problems).toEqual([])`.
 */
export function pageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    problems.push(`console error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.stack ?? error.message}`));
  return problems;
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

/**
 * A page in a fresh context (its own storage), in Chinese at a laptop's size unless a viewport is given, signed in when
 * given a token; `problems` collects what it reports as wrong (pageProblems).
 */
export async function openPage(
  browser: Browser,
  { token, viewport = { width: 1280, height: 800 } }: { token?: string; viewport?: { width: number; height: number } } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  // Page code as a string: the test transpiler's helpers do not exist in the page.
  if (token) await context.addInitScript(`localStorage.setItem('seedfeed.token', ${JSON.stringify(token)})`);
  const page = await context.newPage();
  return { context, page, problems: pageProblems(page) };
}

const SEVERE = new Set(['serious', 'critical']);

/**
 * The value of `expression` in the page once it is truthy, asked every 50 ms from outside the page.
 * Not page.waitForFunction: it polls with eval inside the page, which the app's content security
 * policy forbids, as it should.
 */
export async function waitInPage<T>(page: Page, expression: string, timeoutMs = 30_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 50))) {
    const value = await page.evaluate<T>(expression);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${expression.slice(0, 120)} did not hold within ${timeoutMs / 1000} s`);
  }
}

/** axe-core's serious and critical accessibility violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeResult[]> {
  // Evaluated from outside rather than added as a script tag, which the content security policy refuses.
  await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  // A string, not a function: test transpilers add helpers to functions that do not exist in the page.
  const results = await page.evaluate<{ violations: AxeResult[] }>('axe.run(document, { resultTypes: ["violations"] })');
  return results.violations.filter((violation) => SEVERE.has(violation.impact ?? ''));
}

/** One line per violation and element, for an assertion message worth reading. */
export function describeViolations(violations: AxeResult[]): string[] {
  return violations.flatMap((v) => v.nodes.map((node) => `${v.impact} ${v.id}: ${v.help} at ${node.target.join(' ')}`));
}

/**
 * Saves what the page shows as SCREENSHOTS_DIR/<name>.png when that is set (`npm run screenshots` sets it to
 * docs/screenshots, for the README); an ordinary test run leaves the repository as it was.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOTS_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

/** A screenshot at a phone's size (390×844) and at a laptop's (1280×800), the page re-laid out for each. */
export async function screenshots(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOTS_DIR) return;
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await screenshot(page, `${name}-mobile`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForTimeout(300);
  await screenshot(page, `${name}-desktop`);
  if (size) await page.setViewportSize(size);
}
