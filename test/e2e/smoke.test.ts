import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { eventually } from '../support/eventually';
import { axeViolations, describeViolations, launchBrowser, pageProblems } from '../support/browser';
import { startTestApp, type TestApp } from '../support/harness';

// The harness end to end without the real app: a page served by the API that asks the API something and shows the answer.
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <link rel="icon" href="data:,">
    <title>seedfeed harness check</title>
  </head>
  <body>
    <main>
      <h1>Harness check</h1>
      <p id="answer">Asking the API…</p>
    </main>
    <script type="module" src="/check.js"></script>
  </body>
</html>
`;
// A file of its own, as the app's scripts are: the content security policy runs no inline script.
const SCRIPT = `const response = await fetch('/graphql', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: '{ __typename }' }),
});
const { data } = await response.json();
document.getElementById('answer').textContent = 'The API answers ' + data.__typename;
`;

let dist: string;
let app: TestApp;
let base: string;
let browser: Browser;
beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'seedfeed-e2e-'));
  await writeFile(path.join(dist, 'index.html'), PAGE);
  await writeFile(path.join(dist, 'check.js'), SCRIPT);
  app = await startTestApp({ WEB_DIST_DIR: dist });
  base = await app.listen();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await rm(dist, { recursive: true, force: true });
});

it('loads a page of the app from the API origin, which talks to the API, without errors or serious accessibility violations', async () => {
  const page = await browser.newPage();
  const problems = pageProblems(page);
  // A deep link: the API answers it with index.html, as it will the app's note pages.
  await page.goto(`${base}/note/${randomUUID()}`);
  await page.getByText('The API answers Query').waitFor();
  expect(problems).toEqual([]);
  expect(describeViolations(await axeViolations(page))).toEqual([]);
});

it('catches what it is there to catch: console errors, uncaught exceptions and serious violations', async () => {
  const page = await browser.newPage();
  const problems = pageProblems(page);
  await page.setContent(`<!doctype html><html lang="en"><title>broken</title><main><button></button></main>
    <script>console.error('logged'); setTimeout(() => { throw new Error('thrown'); });</script></html>`);
  await eventually(() => problems.length === 2);
  expect(problems[0]).toContain('logged');
  expect(problems[1]).toContain('thrown');
  expect((await axeViolations(page)).map((v) => v.id)).toContain('button-name');
});
