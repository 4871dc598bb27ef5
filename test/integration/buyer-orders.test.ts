import { startTestApp, type TestApp } from '../support/harness';
import { createNote, createProduct, signUp, type Account } from '../support/factories';

let app: TestApp;
let brand: Account;
let creator: Account;
let buyer: Account;
let other: Account;
let product: string;

const VIEWER_ORDERS = `query($first: Int, $after: String) { viewerOrders(first: $first, after: $after) {
  edges { node { id quantity amount { amountMinor } product { id } attribution credits { credit } } }
  pageInfo { hasNextPage endCursor } } }`;
const CHECKOUT = `mutation($input: CheckoutInput!) { checkout(input: $input) { order { id } error { code } } }`;

beforeAll(async () => {
  app = await startTestApp();
  [brand, creator, buyer, other] = await Promise.all([signUp(app, 'BRAND'), signUp(app, 'CREATOR'), signUp(app), signUp(app)]);
  product = await createProduct(app, brand, { priceMinor: 5000, stock: 10 });
});
afterAll(() => app.close());

async function buy(account: Account, quantity: number, key: string): Promise<string> {
  const res = await app.gql(CHECKOUT, { input: { productId: product, quantity, idempotencyKey: key } }, account.token);
  const id = res.body.data?.checkout.order?.id;
  if (!id) throw new Error(`checkout failed: ${JSON.stringify(res.body)}`);
  return id;
}

describe('viewerOrders', () => {
  it("lists only the signed-in buyer's orders, newest first, page by page, without the brand's attribution", async () => {
    const first = await buy(buyer, 1, 'a');
    const second = await buy(buyer, 2, 'b');
    const theirs = await buy(other, 3, 'a');

    const page1 = (await app.gql(VIEWER_ORDERS, { first: 1 }, buyer.token)).body.data?.viewerOrders;
    expect(page1.edges).toEqual([
      { node: { id: second, quantity: 2, amount: { amountMinor: 10000 }, product: { id: product }, attribution: null, credits: [] } },
    ]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await app.gql(VIEWER_ORDERS, { first: 1, after: page1.pageInfo.endCursor }, buyer.token)).body.data?.viewerOrders;
    expect(page2.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([first]);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const others = (await app.gql(VIEWER_ORDERS, {}, other.token)).body.data?.viewerOrders;
    expect(others.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([theirs]);
  });

  it('the selling brand still sees the attribution of the same order', async () => {
    const id = await buy(buyer, 1, 'c');
    const res = await app.gql(`query($id: ID!) { order(id: $id) { attribution } }`, { id }, brand.token);
    expect(res.body.data?.order).toEqual({ attribution: 'ORGANIC' });
  });

  it('is refused when signed out, and the buyer cannot open the order as a brand would', async () => {
    const anonymous = await app.gql(VIEWER_ORDERS, {});
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const id = await buy(buyer, 1, 'd');
    const peek = await app.gql(`query($id: ID!) { order(id: $id) { attribution } }`, { id }, other.token);
    expect(peek.body.data?.order ?? null).toBeNull();
  });
});

describe('Product.notes', () => {
  it('lists the published notes that tag the product, newest first', async () => {
    const older = await createNote(app, creator, { productTags: [{ productId: product }] });
    const newer = await createNote(app, creator, { productTags: [{ productId: product }] });
    await createNote(app, creator, { productTags: [{ productId: product }], publish: false });
    await createNote(app, creator);
    const Q = `query($id: ID!, $after: String) { product(id: $id) { notes(first: 1, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } }`;
    const page1 = (await app.gql(Q, { id: product })).body.data?.product.notes;
    expect(page1.edges).toEqual([{ node: { id: newer } }]);
    const page2 = (await app.gql(Q, { id: product, after: page1.pageInfo.endCursor })).body.data?.product.notes;
    expect(page2).toEqual({ edges: [{ node: { id: older } }], pageInfo: { hasNextPage: false, endCursor: expect.any(String) } });
  });
});
