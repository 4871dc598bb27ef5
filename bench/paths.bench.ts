import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { createNote, createProduct, signUp } from '../test/support/factories';
import { startTestApp } from '../test/support/harness';

// How much of the code three everyday requests run: a signed-in For-You page, a like, and a brand's
// funnel. V8's precise coverage counts the calls of every function; a project file counts when any
// function of it ran during the one measured request (after a warm-up request of the same kind). It
// is a measure of how many places a change to that path may have to touch, not of speed.
const ROOT = path.resolve(__dirname, '..');

const FEED = `{ feed(kind: FOR_YOU, first: 10) { edges { node { id title reason author { handle }
  productTags { product { title price { formatted } } } viewerHasLiked } } pageInfo { endCursor } } }`;
const LIKE = `mutation($id: ID!) { like(noteId: $id) { id likeCount viewerHasLiked } }`;
const FUNNEL = `query($s: AnalyticsScope!, $r: DateRange!) { analyticsFunnel(scope: $s, range: $r) {
  impressions reads productClicks ctr positionBasedGmv { formatted } sales { orders } } }`;

async function main(): Promise<void> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });

  const app = await startTestApp();
  const brand = await signUp(app, 'BRAND');
  const brandId = (await app.gql('{ viewer { brand { id } } }', {}, brand.token)).body.data?.viewer?.brand?.id as string;
  const product = await createProduct(app, brand);
  const creator = await signUp(app, 'CREATOR');
  const notes: string[] = [];
  for (let i = 0; i < 25; i += 1) {
    notes.push(
      await createNote(app, creator, { title: `note ${i}`, productTags: [{ productId: product, imageIndex: 0, x: 0.5, y: 0.5 }] }),
    );
  }
  const viewer = await signUp(app, 'VIEWER', { interests: ['beauty'] });
  const range = { from: new Date(Date.now() - 7 * 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
  let liked = 0;
  const paths = {
    feed: () => app.gql(FEED, {}, viewer.token),
    like: () => app.gql(LIKE, { id: notes[liked++] }, viewer.token),
    funnel: () => app.gql(FUNNEL, { s: { kind: 'BRAND', id: brandId }, r: range }, brand.token),
  };

  const figures: Record<string, number> = {};
  for (const [name, run] of Object.entries(paths)) {
    const warm = await run();
    if (warm.body.errors) throw new Error(`${name}: ${JSON.stringify(warm.body.errors)}`);
    await session.post('Profiler.takePreciseCoverage');
    await run();
    const { result } = await session.post('Profiler.takePreciseCoverage');
    const files = result
      .filter((script) => script.url.startsWith(`file://${ROOT}/`) && !/\/(node_modules|test|bench)\//.test(script.url))
      // The first function of a script is the module itself, which ran when it was loaded.
      .filter((script) => script.functions.some((fn, i) => i > 0 && (fn.ranges[0]?.count ?? 0) > 0))
      .map((script) => script.url.slice(`file://${ROOT}/`.length))
      .sort();
    figures[`${name}_files`] = files.length;
    figures[`${name}_folders`] = new Set(files.map((f) => path.dirname(f))).size;
    console.log(`${name}: ${files.length} files\n  ${files.join('\n  ')}`);
  }
  await app.close();
  session.disconnect();

  mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  writeFileSync(path.join(__dirname, 'results', 'paths.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(figures);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
