import { startTestApp, type TestApp } from '../support/harness';
import { createNote, createProduct, errorCode, IMAGE, signUp, type Account } from '../support/factories';

const CREATE = `mutation($input: CreateNoteInput!) { createNote(input: $input) { note { id status sponsored sponsor { name } topics productTags { product { id title price { formatted } } imageIndex x y } media { url } author { id } } error { code field message } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateNoteInput!) { updateNote(id: $id, input: $input) { note { id title } error { code field } } }`;
const NOTE = `query($id: ID!) { note(id: $id) { id title status } }`;

let app: TestApp;
let brand: Account;
let creator: Account;
let other: Account;
let viewer: Account;
let productId: string;

beforeAll(async () => {
  app = await startTestApp();
  [brand, creator, other, viewer] = await Promise.all([signUp(app, 'BRAND'), signUp(app, 'CREATOR'), signUp(app, 'CREATOR'), signUp(app)]);
  productId = await createProduct(app, brand);
});
afterAll(() => app.close());

describe('notes', () => {
  it('creates a sponsored image note with product tags pinned on an image', async () => {
    const brandRow = await app.gql('{ viewer { brand { id } } }', {}, brand.token);
    const res = await app.gql(
      CREATE,
      {
        input: {
          kind: 'IMAGE',
          title: '秋冬必备口红 #beauty',
          body: '三支日常色号，黄皮友好。Three everyday shades.',
          topics: ['#Beauty', 'lipstick', 'beauty'],
          media: [IMAGE, IMAGE],
          productTags: [{ productId, imageIndex: 1, x: 0.4, y: 0.6 }],
          sponsorBrandId: brandRow.body.data?.viewer.brand.id,
          publish: true,
        },
      },
      creator.token,
    );
    const note = res.body.data?.createNote.note;
    expect(res.body.data?.createNote.error).toBeNull();
    expect(note).toMatchObject({ status: 'PUBLISHED', sponsored: true, topics: ['beauty', 'lipstick'], author: { id: creator.id } });
    expect(note.productTags).toEqual([
      { product: { id: productId, title: '丝绒雾面口红 Velvet Lipstick', price: { formatted: '¥199.00' } }, imageIndex: 1, x: 0.4, y: 0.6 },
    ]);
    expect(note.media).toHaveLength(2);
    const author = await app.gql(`query($id: ID!) { user(id: $id) { noteCount } }`, { id: creator.id });
    expect(author.body.data?.user.noteCount).toBe(1);
  });

  it('validates media against the kind and product tags against the catalogue', async () => {
    const tenImages = await app.gql(CREATE, { input: { kind: 'IMAGE', title: 't', media: Array(10).fill(IMAGE) } }, creator.token);
    expect(tenImages.body.data?.createNote.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'media' });
    const videoWithoutDuration = await app.gql(CREATE, { input: { kind: 'VIDEO', title: 't', media: [IMAGE] } }, creator.token);
    expect(videoWithoutDuration.body.data?.createNote.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'media' });
    const missingProduct = await app.gql(
      CREATE,
      { input: { kind: 'IMAGE', title: 't', media: [IMAGE], productTags: [{ productId: '00000000-0000-4000-8000-000000000000' }] } },
      creator.token,
    );
    expect(missingProduct.body.data?.createNote.error.code).toBe('NOT_FOUND');
    const tagOffImage = await app.gql(
      CREATE,
      { input: { kind: 'IMAGE', title: 't', media: [IMAGE], productTags: [{ productId, imageIndex: 3 }] } },
      creator.token,
    );
    expect(tagOffImage.body.data?.createNote.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'productTags.0.imageIndex' });
    const longTitle = await app.gql(CREATE, { input: { kind: 'IMAGE', title: 'x'.repeat(101), media: [IMAGE] } }, creator.token);
    expect(longTitle.body.data?.createNote.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
  });

  it('takes files by URL only from the hosts MEDIA_URL_HOSTS vouches for: others must be uploaded', async () => {
    for (const url of ['https://tracker.example.net/a.jpg', 'https://img.example.com.evil.net/a.jpg']) {
      const linked = await app.gql(CREATE, { input: { kind: 'IMAGE', title: 't', media: [IMAGE, { ...IMAGE, url }] } }, creator.token);
      expect(linked.body.data?.createNote.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'media.1.url' });
    }
    const id = (await app.gql(CREATE, { input: { kind: 'IMAGE', title: 't', media: [IMAGE] } }, creator.token)).body.data?.createNote.note
      .id;
    const update = await app.gql(UPDATE, { id, input: { media: [{ ...IMAGE, url: 'https://tracker.example.net/b.jpg' }] } }, creator.token);
    expect(update.body.data?.updateNote.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'media.0.url' });
  });

  it('keeps drafts private until published, and lets only the author change a note', async () => {
    const id = await createNote(app, creator, { publish: false, title: 'draft' });
    expect(errorCode(await app.gql(NOTE, { id }))).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(NOTE, { id }, other.token))).toBe('NOT_FOUND');
    expect((await app.gql(NOTE, { id }, creator.token)).body.data?.note.status).toBe('DRAFT');

    const hijack = await app.gql(UPDATE, { id, input: { title: 'mine now' } }, other.token);
    expect(hijack.body.data?.updateNote.error.code).toBe('FORBIDDEN');
    const anonymous = await app.gql(UPDATE, { id, input: { title: 'x' } });
    expect(anonymous.body.data?.updateNote.error.code).toBe('UNAUTHENTICATED');

    const edit = await app.gql(UPDATE, { id, input: { title: 'edited' } }, creator.token);
    expect(edit.body.data?.updateNote.note.title).toBe('edited');
    const published = await app.gql(`mutation($id: ID!) { publishNote(id: $id) { note { status publishedAt } } }`, { id }, creator.token);
    expect(published.body.data?.publishNote.note.status).toBe('PUBLISHED');
    expect((await app.gql(NOTE, { id })).body.data?.note).toMatchObject({ title: 'edited', status: 'PUBLISHED' });
  });

  it('refuses note creation to viewers and deletes notes for their author only', async () => {
    const res = await app.gql(CREATE, { input: { kind: 'IMAGE', title: 't', media: [IMAGE] } }, viewer.token);
    expect(res.body.data?.createNote.error.code).toBe('FORBIDDEN');

    const id = await createNote(app, creator);
    const foreign = await app.gql(`mutation($id: ID!) { deleteNote(id: $id) { deletedId error { code } } }`, { id }, other.token);
    expect(foreign.body.data?.deleteNote.error.code).toBe('FORBIDDEN');
    const own = await app.gql(`mutation($id: ID!) { deleteNote(id: $id) { deletedId error { code } } }`, { id }, creator.token);
    expect(own.body.data?.deleteNote.deletedId).toBe(id);
    expect(errorCode(await app.gql(NOTE, { id }))).toBe('NOT_FOUND');
  });

  it('answers malformed and unknown ids with distinct codes', async () => {
    expect(errorCode(await app.gql(NOTE, { id: 'not-a-uuid' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await app.gql(NOTE, { id: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
    expect(errorCode(await app.gql(`query($id: ID!) { user(id: $id) { id } }`, { id: "1' OR '1'='1" }))).toBe('BAD_USER_INPUT');
  });

  it('lists a user’s notes and a topic’s notes page by page', async () => {
    const author = await signUp(app, 'CREATOR');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push(await createNote(app, author, { title: `note ${i}`, topics: ['pagetest'] }));
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page += 1) {
      const res = await app.gql(
        `query($id: ID!, $after: String) { notesByUser(userId: $id, first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { id: author.id, after },
      );
      const conn = res.body.data?.notesByUser;
      seen.push(...conn.edges.map((e: { node: { id: string } }) => e.node.id));
      after = conn.pageInfo.endCursor;
      if (!conn.pageInfo.hasNextPage) break;
    }
    expect(seen).toEqual([...ids].reverse());
    const topic = await app.gql(`{ topic(name: "#PageTest") { name noteCount notes(first: 10) { edges { node { id } } } } }`);
    expect(topic.body.data?.topic).toMatchObject({ name: 'pagetest', noteCount: 5 });
    expect(topic.body.data?.topic.notes.edges).toHaveLength(5);
  });

  it('suggests the topics that start with what a creator types, the most used first', async () => {
    const author = await signUp(app, 'CREATOR');
    for (const topics of [['suggestcamp', 'suggestcafe'], ['suggestcamp'], ['suggest_x']]) await createNote(app, author, { topics });
    await createNote(app, author, { topics: ['suggestdraft'], publish: false });
    const suggest = async (prefix: string) =>
      (await app.gql(`query($p: String) { topics(prefix: $p, first: 5) { name noteCount } }`, { p: prefix })).body.data?.topics;
    expect(await suggest('#SuggestC')).toEqual([
      { name: 'suggestcamp', noteCount: 2 },
      { name: 'suggestcafe', noteCount: 1 },
    ]);
    // LIKE's wildcards are what they look like.
    expect(await suggest('suggest_')).toEqual([{ name: 'suggest_x', noteCount: 1 }]);
    expect(await suggest('suggestd')).toEqual([]);
  });
});

describe('products', () => {
  const UPDATE_PRODUCT = `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { product { price { amountMinor } stock inStock } error { code field } } }`;

  it('lets only brands create products, and only their own to update', async () => {
    const res = await app.gql(
      `mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } error { code } } }`,
      { input: { title: 'x', priceMinor: 100, currency: 'CNY', category: 'beauty', stock: 1, buyUrl: 'https://a.example' } },
      creator.token,
    );
    expect(res.body.data?.createProduct.error.code).toBe('FORBIDDEN');
    const rival = await signUp(app, 'BRAND');
    const foreign = await app.gql(UPDATE_PRODUCT, { id: productId, input: { stock: 0 } }, rival.token);
    expect(foreign.body.data?.updateProduct.error.code).toBe('FORBIDDEN');
    const own = await app.gql(UPDATE_PRODUCT, { id: productId, input: { stock: 0, priceMinor: 25900 } }, brand.token);
    expect(own.body.data?.updateProduct.product).toEqual({ price: { amountMinor: 25900 }, stock: 0, inStock: false });
  });

  it('refuses invalid prices, currencies and URLs', async () => {
    for (const [input, field] of [
      [{ priceMinor: -1 }, 'priceMinor'],
      [{ priceMinor: 0 }, 'priceMinor'],
      [{ priceMinor: 2_000_000_000 }, 'priceMinor'],
      [{ currency: 'XXX' }, 'currency'],
      [{ buyUrl: 'javascript:alert(1)' }, 'buyUrl'],
      [{ stock: -5 }, 'stock'],
    ] as const) {
      const res = await app.gql(UPDATE_PRODUCT, { id: productId, input }, brand.token);
      expect(res.body.data?.updateProduct.error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const fractional = await app.gql(UPDATE_PRODUCT, { id: productId, input: { priceMinor: 19.9 } }, brand.token);
    expect(fractional.status).toBe(400);
    expect(errorCode(fractional)).toBe('BAD_USER_INPUT');
  });
});

describe('sponsorship', () => {
  it('names the sponsoring brand only once that brand confirms; another brand cannot answer for it', async () => {
    const brandId = (await app.gql('{ viewer { brand { id } } }', {}, brand.token)).body.data?.viewer.brand.id;
    const brandName = (await app.gql('{ viewer { brand { name } } }', {}, brand.token)).body.data?.viewer.brand.name;
    const otherBrand = await signUp(app, 'BRAND');
    const SHOW = `query($id: ID!) { note(id: $id) { sponsored sponsor { name } sponsorStatus } }`;
    const RESPOND = `mutation($id: ID!, $accept: Boolean!) { respondToSponsorship(noteId: $id, accept: $accept) { sponsorStatus sponsor { name } } }`;
    const REQUESTS = `{ sponsorshipRequests { id } }`;

    const claimed = await createNote(app, creator, { sponsorBrandId: brandId });
    expect((await app.gql(SHOW, { id: claimed })).body.data?.note).toEqual({ sponsored: true, sponsor: null, sponsorStatus: 'PENDING' });
    expect((await app.gql(REQUESTS, {}, brand.token)).body.data?.sponsorshipRequests).toContainEqual({ id: claimed });
    expect((await app.gql(REQUESTS, {}, otherBrand.token)).body.data?.sponsorshipRequests).toEqual([]);
    expect(errorCode(await app.gql(RESPOND, { id: claimed, accept: true }, otherBrand.token))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(RESPOND, { id: claimed, accept: true }, creator.token))).toBe('FORBIDDEN');
    const DEAL = `mutation($input: SponsorDealInput!) { setSponsorDeal(input: $input) { error { code } } }`;
    const deal = { input: { noteId: claimed, costMinor: 100, currency: 'CNY' } };
    expect((await app.gql(DEAL, deal, brand.token)).body.data?.setSponsorDeal.error).toEqual({ code: 'FORBIDDEN' });

    const accepted = await app.gql(RESPOND, { id: claimed, accept: true }, brand.token);
    expect(accepted.body.data?.respondToSponsorship).toEqual({ sponsorStatus: 'ACCEPTED', sponsor: { name: brandName } });
    expect((await app.gql(SHOW, { id: claimed })).body.data?.note.sponsor).toEqual({ name: brandName });
    expect((await app.gql(REQUESTS, {}, brand.token)).body.data?.sponsorshipRequests).not.toContainEqual({ id: claimed });
    expect((await app.gql(DEAL, deal, brand.token)).body.data?.setSponsorDeal.error).toBeNull();

    const declined = await createNote(app, creator, { sponsorBrandId: brandId });
    await app.gql(RESPOND, { id: declined, accept: false }, brand.token);
    // The creator's disclosure stays; no brand is named.
    expect((await app.gql(SHOW, { id: declined })).body.data?.note).toEqual({ sponsored: true, sponsor: null, sponsorStatus: 'DECLINED' });
  });
});
