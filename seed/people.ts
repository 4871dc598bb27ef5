import type { BrandPlan } from './catalog';
import { uniqueHandle } from './handles';
import { DAY_MS, type Person, type UserRow } from './model';
import { PEOPLE, PHRASES, TOPICS, type Lang, type Topic } from './phrases';
import type { Random } from './random';

/** Well-known accounts a demo can log in as (all with the demo password). */
export const DEMO_HANDLES = {
  viewer: 'demo_viewer',
  creator: 'demo_creator',
  brand: 'demo_brand',
  admin: 'demo_admin',
} as const;

// Xiaohongshu skews to beauty, fashion and food.
const TOPIC_WEIGHTS = [0.24, 0.2, 0.2, 0.14, 0.12, 0.1];

export interface Population {
  /** Every account, in users-table order: admin, brand owners, creators, viewers. */
  people: Person[];
  brandOwners: Person[];
  creators: Person[];
  viewers: Person[];
}

export function generatePeople(
  random: Random,
  counts: { creators: number; viewers: number },
  brandPlans: readonly BrandPlan[],
  takenHandles: Set<string>,
  passwordHash: string,
  windowStart: number,
): Population {
  const people: Person[] = [];
  const add = (spec: Omit<Person, 'index' | 'row'> & Pick<UserRow, 'handle' | 'role' | 'displayName' | 'bio'>): Person => {
    // Accounts predate the window so every follow, like and note in it has an existing author.
    const createdAt = windowStart - random.between(5 * DAY_MS, 720 * DAY_MS);
    const id = random.uuidv7(createdAt);
    takenHandles.add(spec.handle);
    const person: Person = {
      index: people.length,
      lang: spec.lang,
      interests: spec.interests,
      activity: spec.activity,
      popularity: spec.popularity,
      row: {
        id,
        handle: spec.handle,
        email: `${spec.handle}@example.com`,
        passwordHash,
        displayName: spec.displayName,
        bio: spec.bio,
        avatarUrl: `https://picsum.photos/seed/avatar-${id}/200/200`,
        avatarMediaId: null,
        role: spec.role,
        interests: spec.interests,
        followerCount: 0,
        followingCount: 0,
        noteCount: 0,
        createdAt: new Date(createdAt),
        tokenGeneration: 0,
      },
    };
    people.push(person);
    return person;
  };

  add({
    handle: DEMO_HANDLES.admin,
    role: 'admin',
    displayName: 'Demo Admin',
    bio: 'Keeps the lights on',
    lang: 'en',
    interests: [],
    activity: 0,
    popularity: 0,
  });

  const brandOwners = brandPlans.map((plan) =>
    add({
      handle: plan.handle,
      role: 'brand',
      displayName: plan.name,
      bio: plan.lang === 'zh' ? `${plan.name}官方账号` : `Official account of ${plan.name}`,
      lang: plan.lang,
      interests: [plan.topic],
      activity: 0,
      popularity: 0.05,
    }),
  );

  // Zipf-like popularity over a random ranking: a few creators draw most of the follows.
  const ranks = random.sample(
    Array.from({ length: counts.creators }, (_, i) => i),
    counts.creators,
  );
  const creators = ranks.map((rank, i) => {
    const lang = pickLang(random);
    const interests = i === 0 ? (['beauty', 'fashion'] as Topic[]) : pickInterests(random);
    const main = interests[0] as Topic;
    return add({
      handle: i === 0 ? DEMO_HANDLES.creator : uniqueHandle(creatorHandleBase(random, main), takenHandles, random),
      role: 'creator',
      displayName: i === 0 ? 'Demo Creator' : displayName(random, lang),
      bio: PHRASES[main].bio[lang],
      lang,
      interests,
      activity: 0.6 * Math.exp(0.9 * random.normal()),
      // The demo creator ranks near the top so its profile and followers look alive.
      popularity: 1 / Math.pow((i === 0 ? 2 : rank) + 1, 0.9),
    });
  });

  const viewers = Array.from({ length: counts.viewers }, (_, i) => {
    const lang = pickLang(random);
    return add({
      handle: i === 0 ? DEMO_HANDLES.viewer : uniqueHandle(viewerHandleBase(random), takenHandles, random),
      role: 'viewer',
      displayName: i === 0 ? 'Demo Viewer' : displayName(random, lang),
      bio: '',
      lang,
      interests: i === 0 ? (['beauty', 'food'] as Topic[]) : pickInterests(random),
      // The demo viewer browses a lot so its feed and history are worth showing.
      activity: i === 0 ? 6 : Math.exp(0.9 * random.normal()),
      popularity: 0,
    });
  });

  return { people, brandOwners, creators, viewers };
}

function pickLang(random: Random): Lang {
  return random.chance(0.7) ? 'zh' : 'en';
}

function pickInterests(random: Random): Topic[] {
  const count = random.weighted([0.4, 0.4, 0.2]) + 1;
  const weights = TOPIC_WEIGHTS.slice();
  const chosen: Topic[] = [];
  while (chosen.length < count) {
    const i = random.weighted(weights);
    weights[i] = 0;
    chosen.push(TOPICS[i] as Topic);
  }
  return chosen;
}

function someName(random: Random): string {
  return random.chance(0.5) ? random.pick(PEOPLE.first) : random.pick(PEOPLE.pinyin);
}

function creatorHandleBase(random: Random, topic: Topic): string {
  const name = someName(random);
  const word = random.pick(PHRASES[topic].handleWords);
  return random.pick([`${name}_${word}`, `${name}${word}`, `${word}_with_${name}`]);
}

function viewerHandleBase(random: Random): string {
  const name = someName(random);
  return random.pick([
    `${name}${random.int(1, 9999)}`,
    `${name}_${random.pick(PEOPLE.last).toLowerCase()}`,
    `${name}_${random.pick(PEOPLE.pinyin)}`,
  ]);
}

function displayName(random: Random, lang: Lang): string {
  if (lang === 'zh') return `${random.pick(PEOPLE.zhPrefix)}${random.pick(PEOPLE.zhName)}${random.pick(PEOPLE.zhSuffix)}`;
  const first = random.pick(PEOPLE.first);
  const last = random.pick(PEOPLE.last);
  return `${first.charAt(0).toUpperCase()}${first.slice(1)} ${random.chance(0.5) ? last : `${last.charAt(0)}.`}`;
}
