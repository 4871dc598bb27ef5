import { BRAND_STEMS, PHRASES, TOPICS, type Lang, type Topic } from './phrases';
import { DAY_MS, HOUR_MS, type Brand, type Person, type Product } from './model';
import type { Random } from './random';
import { uniqueHandle } from './handles';
import { composeProduct } from './text';

export interface BrandPlan {
  name: string;
  topic: Topic;
  lang: Lang;
  handle: string;
}

/** Brands are planned before accounts exist because each brand's owner account is named after it. */
export function planBrands(random: Random, count: number, takenHandles: Set<string>, firstHandle: string): BrandPlan[] {
  const names = new Set<string>();
  const plans: BrandPlan[] = [];
  for (let i = 0; i < count; i += 1) {
    const topic = TOPICS[i % TOPICS.length] as Topic;
    const lang: Lang = random.chance(0.5) ? 'zh' : 'en';
    let stem = random.pick(BRAND_STEMS[lang]);
    let name = '';
    for (let attempt = 0; attempt < 30 && (name === '' || names.has(name)); attempt += 1) {
      stem = random.pick(BRAND_STEMS[lang]);
      const suffix = random.pick(PHRASES[topic].brandSuffixes[lang]);
      name = lang === 'zh' ? `${stem[0]}${suffix}` : `${stem[0]} ${suffix}`;
    }
    if (names.has(name)) name = `${name} ${i + 1}`;
    names.add(name);
    const handle = i === 0 ? firstHandle : uniqueHandle(`${stem[1]}_${topic}`, takenHandles, random);
    takenHandles.add(handle);
    plans.push({ name, topic, lang, handle });
  }
  return plans;
}

export function buildCatalog(
  random: Random,
  plans: readonly BrandPlan[],
  owners: readonly Person[],
  productCount: number,
  windowStart: number,
): { brands: Brand[]; products: Product[] } {
  const brands: Brand[] = plans.map((plan, i) => {
    const owner = owners[i] as Person;
    const createdAt = owner.row.createdAt.getTime() + random.between(HOUR_MS, DAY_MS);
    const id = random.uuidv7(createdAt);
    return {
      topic: plan.topic,
      lang: plan.lang,
      row: {
        id,
        ownerId: owner.row.id,
        name: plan.name,
        logoUrl: `https://picsum.photos/seed/brand-${id}/200/200`,
        createdAt: new Date(createdAt),
      },
    };
  });
  // A few big brands carry most of the catalogue, as in any marketplace.
  const brandWeights = random.sample(
    brands.map((_, i) => 1 / Math.pow(i + 1, 0.6)),
    brands.length,
  );
  const products: Product[] = [];
  for (let index = 0; index < productCount; index += 1) {
    const brandIndex = index < brands.length ? index : random.weighted(brandWeights);
    const brand = brands[brandIndex] as Brand;
    const { topic } = brand;
    const lang: Lang = random.chance(0.7) ? brand.lang : brand.lang === 'zh' ? 'en' : 'zh';
    const start = brand.row.createdAt.getTime();
    const createdAt = random.between(start, Math.max(start, windowStart - DAY_MS));
    const id = random.uuidv7(createdAt);
    const [minYuan, maxYuan] = PHRASES[topic].priceYuan;
    // Log-uniform prices: cheap items are more common than expensive ones.
    const yuan = Math.round(minYuan * Math.pow(maxYuan / minYuan, random.next()));
    const { title, description } = composeProduct(random, topic, lang, brand.row.name);
    products.push({
      index,
      brandIndex,
      row: {
        id,
        brandId: brand.row.id,
        title,
        description,
        priceMinor: yuan * 100 - (random.chance(0.5) ? 10 : 0),
        currency: 'CNY',
        imageUrls: Array.from({ length: random.int(1, 4) }, (_, k) =>
          k === 0 ? `https://picsum.photos/seed/${id}/800/800` : `https://picsum.photos/seed/${id}-${k}/800/800`,
        ),
        category: topic,
        stock: random.chance(0.05) ? 0 : random.int(10, 5000),
        buyUrl: `https://shop.example.com/p/${id}`,
        createdAt: new Date(createdAt),
        updatedAt: new Date(createdAt),
      },
    });
  }
  return { brands, products };
}
