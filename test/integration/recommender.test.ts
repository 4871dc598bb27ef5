import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createLogger } from '../../core/logger';
import { repositoriesFor } from '../../models/transaction';
import type { NewEvent } from '../../models/repositories/events.repository';
import { ModelStore } from '../../recommender/serving/model-store';
import { ENGAGEMENT_EVENTS, SCORE_WEIGHTS } from '../../recommender/signals';
import { TRAINER_DEFAULTS, type TrainingOutcome } from '../../recommender/training/trainer';
import { createNote, createProduct, signUp, type Account } from '../support/factories';
import { startTestApp, type TestApp } from '../support/harness';

const FEED = `query($first: Int, $after: String) {
  feed(kind: FOR_YOU, first: $first, after: $after) { edges { node { id reason author { id } } } pageInfo { endCursor } }
}`;
// A larger holdout than the default tenth: this small log's newest tenth holds too few viewers for the
// per-viewer intervals below to tell clearly better or worse from possibly so.
const OPTIONS = { ...TRAINER_DEFAULTS, epochs: 10, seed: 7, holdoutShare: 0.3 };

let app: TestApp;
const topicOf = new Map<string, 'beauty' | 'tech'>();
const creatorsOf: Record<'beauty' | 'tech', Account[]> = { beauty: [], tech: [] };
const notesBy = new Map<string, string[]>();
let beautyFan: Account;
let techFan: Account;
let first: TrainingOutcome | null;
let newcomersNote: string;

/**
 * Two tastes over three days, six creators each (the feed spreads a page over authors): half the viewers read and like beauty notes and scroll past tech
 * ones, the other half the reverse. Nobody chose interests at sign-up, so only the log tells them apart.
 */
beforeAll(async () => {
  app = await startTestApp();
  for (const topic of ['beauty', 'tech'] as const) {
    for (let c = 0; c < 6; c += 1) {
      const creator = await signUp(app, 'CREATOR');
      creatorsOf[topic].push(creator);
      for (let n = 0; n < 4; n += 1) {
        const note = await createNote(app, creator, { title: `${topic} ${c}-${n}`, topics: [topic] });
        topicOf.set(note, topic);
        notesBy.set(creator.id, [...(notesBy.get(creator.id) ?? []), note]);
      }
    }
  }
  const viewers = await Promise.all(Array.from({ length: 24 }, () => signUp(app, 'VIEWER')));
  beautyFan = viewers[0] as Account;
  techFan = viewers[1] as Account;
  const notes = [...topicOf.keys()];
  const events: NewEvent[] = [];
  const start = Date.now() - 3 * 24 * 3_600_000;
  let step = 0;
  const at = () => new Date(start + (step += 1) * 60_000);
  // Round-robin over viewers, so every viewer has events early (training) and late (holdout).
  for (let round = 0; round < 16; round += 1) {
    viewers.forEach((viewer, v) => {
      const taste = v % 2 === 0 ? 'beauty' : 'tech';
      const note = notes[(v * 5 + round * 7) % notes.length] as string;
      const event = (type: NewEvent['type'], value: number | null = null) =>
        events.push({ eventId: randomUUID(), type, userId: viewer.id, noteId: note, value, occurredAt: at() });
      event('impression');
      if (topicOf.get(note) === taste) {
        event('view', 25);
        if (round % 2 === 0) event('like');
      } else {
        event('view', 1);
      }
    });
  }
  await repositoriesFor(app.database.db).events.append(events);
  // Posted last, read by nobody: only exploration can show it.
  newcomersNote = await createNote(app, await signUp(app, 'CREATOR'), { title: 'my very first note', topics: ['tech'] });
  first = await app.services.trainer.run(OPTIONS);
  await app.services.model.store.refresh();
});

afterAll(async () => {
  app.services.model.store.stop();
  await app.close();
});

type Served = { id: string; reason: string | null; author: { id: string } };

async function pages(viewer: Account, count: number, size: number): Promise<Served[][]> {
  const out: Served[][] = [];
  let after: string | null = null;
  for (let p = 0; p < count; p += 1) {
    const res = await app.gql(FEED, { first: size, after }, viewer.token);
    const feed = res.body.data?.feed;
    out.push(feed.edges.map((e: { node: Served }) => e.node));
    after = feed.pageInfo.endCursor;
  }
  return out;
}

describe('the interest model', () => {
  it('is trained from the event log, promoted when none serves, and loaded by the API', () => {
    expect(first).toMatchObject({ promoted: true, servingAuc: null, comparison: { promoted: true, serving: null } });
    expect(first?.holdoutAuc).toBeGreaterThan(0.7);
    // Nobody chose interests, so the heuristic order knows no one's taste: the model beats it per viewer, by more than noise.
    expect(first?.overHeuristic?.low).toBeGreaterThan(0);
    // Each trained head reports its calibration on the holdout.
    expect(Object.keys(first?.calibration ?? {})).toEqual(expect.arrayContaining(['longView', 'like']));
    for (const ece of Object.values(first?.calibration ?? {})) expect(ece).toBeGreaterThanOrEqual(0);
    for (const ece of Object.values(first?.calibration ?? {})) expect(ece).toBeLessThan(0.5);
    expect(app.services.model.store.versionId).toBe(first?.versionId);
  });

  it('gives a viewer who likes beauty notes more beauty notes, of those they have not read yet', async () => {
    const beautyOf = async (viewer: Account) => {
      const [page] = await pages(viewer, 1, 10);
      return (page ?? []).filter((n) => topicOf.get(n.id) === 'beauty').length;
    };
    // The notes each read are never served again (the seen filter), a second note of one creator counts
    // half, one slot explores, and the session's jitter moves close calls: a fan's page holds (nearly) every
    // creator of their taste, and the other taste only in the slots left over.
    const [beauty, techFansBeauty] = [await beautyOf(beautyFan), await beautyOf(techFan)];
    expect(beauty).toBeGreaterThanOrEqual(5);
    expect(techFansBeauty).toBeLessThanOrEqual(3);
  });

  it('proposes notes near the viewer and near what they just liked, before any retraining', async () => {
    const techFan = await signUp(app, 'VIEWER');
    const [before] = await pages(techFan, 1, 20);
    expect((before ?? []).filter((n) => n.reason?.includes('similar'))).toEqual([]);
    const liked = [...topicOf]
      .filter(([, topic]) => topic === 'tech')
      .map(([id]) => id)
      .slice(0, 3);
    for (const id of liked) await app.gql(`mutation($id: ID!) { like(noteId: $id) { id } }`, { id }, techFan.token);
    const [after] = await pages(techFan, 1, 20);
    expect((after ?? []).some((n) => n.reason?.includes('similar'))).toBe(true);
    const nearest = app.services.model.embedding.similarTo(liked, 10);
    expect(nearest.filter((id) => topicOf.get(id) === 'tech').length).toBeGreaterThanOrEqual(7);
    // Co-engagement: what the viewers who liked those notes liked too.
    const alsoLiked = app.services.model.coEngagement.alsoEngaged(liked, 10);
    expect(alsoLiked.length).toBeGreaterThan(0);
    expect(alsoLiked.filter((id) => liked.includes(id))).toEqual([]);
    expect(alsoLiked.filter((id) => topicOf.get(id) === 'tech').length).toBeGreaterThanOrEqual(0.7 * alsoLiked.length);
    const [fan] = await pages(beautyFan, 1, 20);
    expect((fan ?? []).some((n) => n.reason?.includes('embedding'))).toBe(true);
  });

  it('lifts, on the next page, the notes of creators a newcomer just liked, and names the latest like', async () => {
    const [newcomer, control] = await Promise.all([
      signUp(app, 'VIEWER', { interests: ['beauty'] }),
      signUp(app, 'VIEWER', { interests: ['beauty'] }),
    ]);
    // Two notes of each of four tech creators; their other two notes are what the likes should lift.
    const creators = creatorsOf.tech.slice(0, 4);
    const liked = creators.flatMap((creator) => (notesBy.get(creator.id) ?? []).slice(0, 2));
    const others = creators.flatMap((creator) => (notesBy.get(creator.id) ?? []).slice(2));
    for (const id of liked) await app.gql(`mutation($id: ID!) { like(noteId: $id) { id } }`, { id }, newcomer.token);
    const rows = await repositoriesFor(app.database.db).notes.candidatesByIds(others);
    const viewer = { interests: new Set(['beauty']), followed: new Set<string>() };
    const mean = (scores: Float32Array | null) => (scores ? scores.reduce((a, b) => a + b, 0) / scores.length : NaN);
    // The same notes for a newcomer who liked nothing: what the likes changed is the difference.
    const lifted = mean(await app.services.model.scorer.score(newcomer.id, viewer, rows));
    expect(lifted).toBeGreaterThan(mean(await app.services.model.scorer.score(control.id, viewer, rows)));
    const [page] = await pages(newcomer, 1, 10);
    const title = (await app.gql(`query($id: ID!) { note(id: $id) { title } }`, { id: liked.at(-1) })).body.data?.note.title;
    expect((page ?? []).some((n) => n.reason?.includes(`liked “${title}”`))).toBe(true);
  });

  it('serves related notes from the model’s neighbours first, never a hidden creator’s', async () => {
    const note = [...topicOf].find(([, topic]) => topic === 'tech')?.[0] as string;
    const neighbours = new Set([
      ...app.services.model.coEngagement.alsoEngaged([note], 100),
      ...app.services.model.embedding.similarTo([note], 100),
    ]);
    const reader = await signUp(app, 'VIEWER');
    const hidden = creatorsOf.tech[1] as Account;
    await app.gql(`mutation($id: ID!) { hideCreator(userId: $id) }`, { id: hidden.id }, reader.token);
    const res = await app.gql(
      `query($id: ID!) { relatedNotes(noteId: $id, first: 10) { edges { node { id author { id } } } } }`,
      { id: note },
      reader.token,
    );
    const related = (res.body.data?.relatedNotes.edges as { node: Served }[]).map((e) => e.node);
    expect(related).toHaveLength(10);
    expect(related.every((n) => neighbours.has(n.id) && n.id !== note && n.author.id !== hidden.id)).toBe(true);
    expect(related.filter((n) => topicOf.get(n.id) === 'tech').length).toBeGreaterThanOrEqual(7);
  });

  it('shows a new creator’s first note through an exploration slot', async () => {
    // A viewer new to the feed: the others may have been served the note already, and a new session avoids that.
    const [page] = await pages(await signUp(app, 'VIEWER', { interests: ['beauty'] }), 1, 20);
    const shown = (page ?? []).find((n) => n.id === newcomersNote);
    expect(shown?.reason).toContain('fresh');
  });

  it('never repeats a note across 20 pages and never shows a hidden creator', async () => {
    const hidden = creatorsOf.beauty[0] as Account;
    const hide = await app.gql(`mutation($id: ID!) { hideCreator(userId: $id) }`, { id: hidden.id }, beautyFan.token);
    expect(hide.body.data?.hideCreator).toBe(true);
    const served = (await pages(beautyFan, 20, 2)).flat();
    expect(served.length).toBeGreaterThan(30);
    expect(new Set(served.map((n) => n.id)).size).toBe(served.length);
    expect(served.filter((n) => n.author.id === hidden.id)).toEqual([]);
  });

  it('scores with an experiment arm’s weights and falls back to the promoted version for an unknown pinned one', async () => {
    const notes = await repositoriesFor(app.database.db).notes.candidatesByIds([...topicOf.keys()]);
    const viewer = { interests: new Set<string>(), followed: new Set<string>() };
    const base = await app.services.model.scorer.score(beautyFan.id, viewer, notes);
    const likesOnly = await app.services.model.scorer.score(beautyFan.id, viewer, notes, {
      arm: { weights: { longView: 0, like: 1, collect: 0, productClick: 0, purchase: 0 }, modelVersion: null },
    });
    expect(base).not.toBeNull();
    expect(likesOnly).not.toEqual(base);
    const unknownPin = await app.services.model.scorer.score(beautyFan.id, viewer, notes, {
      arm: { weights: SCORE_WEIGHTS, modelVersion: randomUUID() },
    });
    // Equal but for freshness moving on between the two calls.
    expect(Math.max(...(unknownPin ?? []).map((score, i) => Math.abs(score - (base?.[i] ?? NaN))))).toBeLessThan(1e-3);
  });

  it('ranks a new note of a creator the viewer engaged with above an otherwise equal creator’s', async () => {
    // Two creators who joined after training, so the version knows neither: their new notes' vectors are
    // both beauty's, and only the viewer's like of the first creator's earlier note tells them apart.
    const [liked, other, viewer] = await Promise.all([signUp(app, 'CREATOR'), signUp(app, 'CREATOR'), signUp(app, 'VIEWER')]);
    const earlier = await createNote(app, liked, { title: 'swatches', topics: ['beauty'] });
    await app.gql(`mutation($id: ID!) { like(noteId: $id) { id } }`, { id: earlier }, viewer.token);
    const ids = [
      await createNote(app, liked, { title: 'new shades', topics: ['beauty'] }),
      await createNote(app, other, { title: 'new shades', topics: ['beauty'] }),
    ];
    const rows = await repositoriesFor(app.database.db).notes.candidatesByIds(ids);
    rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
    const scores = await app.services.model.scorer.score(viewer.id, { interests: new Set(), followed: new Set() }, rows);
    expect(scores?.[0]).toBeGreaterThan(scores?.[1] ?? Infinity);
  });

  it('ranks a brand-new note with no events by its content: its creator’s and its topics’ learnt vectors', async () => {
    // Posted after training by creators the beauty fan never engaged with: every feature reads the same for
    // the two, so only the notes' vectors can tell a beauty note from a tech one.
    const beautyNote = await createNote(app, creatorsOf.beauty[4] as Account, { title: 'first look', topics: ['beauty'] });
    const techNote = await createNote(app, creatorsOf.tech[0] as Account, { title: 'first look', topics: ['tech'] });
    const rows = await repositoriesFor(app.database.db).notes.candidatesByIds([beautyNote, techNote]);
    rows.sort((a, b) => (a.id === beautyNote ? -1 : b.id === beautyNote ? 1 : 0));
    const viewer = { interests: new Set<string>(), followed: new Set<string>() };
    const [beauty, tech] = (await app.services.model.scorer.score(beautyFan.id, viewer, rows)) ?? [];
    expect(beauty).toBeGreaterThan((tech ?? Infinity) + 0.05);
    const [techForTechFan, beautyForTechFan] = (await app.services.model.scorer.score(techFan.id, viewer, [...rows].reverse())) ?? [];
    expect(techForTechFan).toBeGreaterThan(beautyForTechFan ?? Infinity);
  });

  it('retrieves a brand-new note with no events by its content vector, nearer the viewers of its taste', async () => {
    const fresh = {
      beauty: await createNote(app, creatorsOf.beauty[2] as Account, { title: 'just posted', topics: ['beauty'] }),
      tech: await createNote(app, creatorsOf.tech[2] as Account, { title: 'just posted', topics: ['tech'] }),
    };
    await app.services.model.tower.catchUp();
    const rankFor = async (viewer: Account) => {
      const found = await app.services.model.tower.nearest(viewer.id, null, 100, new Set());
      return { beauty: found.indexOf(fresh.beauty), tech: found.indexOf(fresh.tech) };
    };
    const [ofBeautyFan, ofTechFan] = [await rankFor(beautyFan), await rankFor(techFan)];
    for (const rank of [ofBeautyFan, ofTechFan]) expect(Math.min(rank.beauty, rank.tech)).toBeGreaterThanOrEqual(0);
    expect(ofBeautyFan.beauty).toBeLessThan(ofTechFan.beauty);
    expect(ofTechFan.tech).toBeLessThan(ofBeautyFan.tech);
  });

  it('raises the share of a topic a viewer did not choose once they like 8 of its notes, with reasons naming the likes', async () => {
    // Three viewers who chose beauty and liked 8 tech notes, against three who chose beauty and liked nothing:
    // each scroll session's jitter moves close calls, and the page's topic spread caps any one topic's share.
    const signUps = Array.from({ length: 6 }, () => signUp(app, 'VIEWER', { interests: ['beauty'] }));
    const [fans, controls] = [await Promise.all(signUps.slice(0, 3)), await Promise.all(signUps.slice(3))];
    const liked = creatorsOf.tech.slice(2, 6).flatMap((creator) => (notesBy.get(creator.id) ?? []).slice(1, 3));
    for (const fan of fans) for (const id of liked) await app.gql(`mutation($id: ID!) { like(noteId: $id) { id } }`, { id }, fan.token);
    const scrolled = async (viewers: Account[]) => (await Promise.all(viewers.map((viewer) => pages(viewer, 2, 10)))).flat(2);
    const techShare = (served: Served[]) => served.filter((n) => topicOf.get(n.id) === 'tech').length / served.length;
    const [after, unliked] = [await scrolled(fans), await scrolled(controls)];
    // Measured over six runs: 0.52–0.57 against 0.43–0.48.
    expect(techShare(after)).toBeGreaterThan(techShare(unliked));
    const title = (await app.gql(`query($id: ID!) { note(id: $id) { title } }`, { id: liked.at(-1) })).body.data?.note.title;
    expect(after.some((n) => n.reason?.includes('tower') && n.reason.includes(`close to “${title}”`))).toBe(true);
  });

  it('reads a viewer’s engagements with each note’s author and distinct product categories', async () => {
    const brand = await signUp(app, 'BRAND');
    const productTags = [];
    for (const category of ['beauty', 'beauty', 'fashion']) productTags.push({ productId: await createProduct(app, brand, { category }) });
    const creator = creatorsOf.tech[5] as Account;
    const tagged = await createNote(app, creator, { title: 'haul', topics: ['beauty'], productTags });
    const shopper = await signUp(app, 'VIEWER');
    await app.gql(`mutation($id: ID!) { like(noteId: $id) { id } }`, { id: tagged }, shopper.token);
    const repo = repositoriesFor(app.database.db).recommender;
    const read = await repo.recentEngagements(shopper.id, ENGAGEMENT_EVENTS, new Date(Date.now() - 3_600_000), 500);
    expect(read.map((e) => ({ ...e, categories: [...e.categories].sort() }))).toEqual([
      { noteId: tagged, authorId: creator.id, categories: ['beauty', 'fashion'], occurredAt: expect.any(Date) },
    ]);
    const trainingNote = (await repo.trainingNotes()).find((n) => n.id === tagged);
    expect(trainingNote?.products.map((p) => p.category)).toEqual(['beauty', 'beauty', 'fashion']);
    expect(trainingNote?.products[0]?.priceMinor).toBe(19900);
  });

  it('trains in a thread of its own: the event loop that serves the API stays mostly idle, and progress comes back', async () => {
    const stages = new Set<string>();
    const before = performance.eventLoopUtilization();
    const outcome = await app.services.trainer.run(OPTIONS, (stage) => stages.add(stage));
    // Trained on this thread, the run kept its event loop busy all along (utilisation 1.0, measured); here
    // it only answers the thread's reads and stores the version (about 0.06).
    expect(performance.eventLoopUtilization(before).utilization).toBeLessThan(0.3);
    expect(outcome?.versionId).toEqual(expect.any(String));
    expect([...stages]).toEqual(expect.arrayContaining(['reading the event log', 'training', 'evaluating']));
    await app.services.model.store.refresh();
  });

  it('refuses to promote a model that does worse on the holdout than the serving one', async () => {
    const serving = await repositoriesFor(app.database.db).recommender.servingVersionId();
    const untrained = await app.services.trainer.run({ ...OPTIONS, epochs: 0 });
    // Both are measured on the same, newest pairs (the log has grown since the first run).
    expect(untrained?.promoted).toBe(false);
    // Pooled AUC is recorded for both, but decides nothing.
    expect(untrained?.holdoutAuc).toEqual(expect.any(Number));
    expect(untrained?.servingAuc).toEqual(expect.any(Number));
    // Refused per viewer: the whole interval of the NDCG difference lies below the margin.
    expect(untrained?.comparison.difference?.high).toBeLessThan(-0.01);
    expect(await repositoriesFor(app.database.db).recommender.servingVersionId()).toBe(serving);
    await app.services.model.store.refresh();
    expect(app.services.model.store.versionId).toBe(serving);
  });

  it('serves no version stored before layouts named their features, and promotes the next retrained one over it', async () => {
    const repo = repositoriesFor(app.database.db).recommender;
    const serving = await repo.servingVersion();
    if (!serving) throw new Error('no serving version');
    const { features: _features, ...layout } = serving.layout;
    const old = { id: randomUUID(), trainExamples: 1, holdoutAuc: 0.99, servingAuc: null, metrics: {}, layout, weights: serving.weights };
    await repo.insertServing(old);
    const starting = new ModelStore({ repo, logger: createLogger('silent') });
    await starting.refresh();
    expect(starting.versionId).toBeNull();
    // A process already serving a version keeps it.
    await app.services.model.store.refresh();
    expect(app.services.model.store.versionId).toBe(serving.id);

    const retrained = await app.services.trainer.run(OPTIONS);
    expect(retrained).toMatchObject({ promoted: true, servingAuc: null });
    await Promise.all([starting.refresh(), app.services.model.store.refresh()]);
    expect([starting.versionId, app.services.model.store.versionId]).toEqual([retrained?.versionId, retrained?.versionId]);
    starting.stop();
  });
});
