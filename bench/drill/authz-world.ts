import { randomBytes, randomUUID } from 'node:crypto';
import { loadSdlSchema } from './sdl';
import { createAdmin, gqlOk, signUp, sleep, uploadImage, type Account, type DrillTarget } from './drill-kit';

export const ACTORS = ['anonymous', 'viewer', 'creator', 'otherCreator', 'brand', 'otherBrand', 'admin'] as const;
export type ActorName = (typeof ACTORS)[number];
export type SignedIn = Exclude<ActorName, 'anonymous'>;

/**
 * Who is who, and what each owns: the creator's notes, board and upload, the brand's product (tagged
 * and sponsored by the creator's note), and the viewer's paid order of that product, clicked from that note.
 * The "other" creator and brand own the same kinds of things, so that each rule is tried against its owner
 * and against a stranger of the same role.
 */
export interface World {
  /** A suffix that keeps this run's handles and names apart from another run's. */
  run: string;
  accounts: Record<SignedIn, Account>;
  brandId: string;
  otherBrandId: string;
  productId: string;
  otherProductId: string;
  /** The creator's published note: tags the brand's product, sponsored by the brand (which accepted, where it is asked). */
  noteId: string;
  /** The creator's published note naming the brand as sponsor, which the brand has not answered. */
  pendingSponsoredId: string;
  /** The creator's draft. */
  draftId: string;
  /** A note the creator deleted. */
  removedId: string;
  otherNoteId: string;
  /** The creator's board, holding nothing. */
  boardId: string;
  /** The creator's image upload, processed (READY) when a worker runs. */
  uploadId: string;
  /** The viewer's paid order of the brand's product, credited to the creator's note by a click. */
  orderId: string;
  /** The last week, in whole UTC days. */
  range: { from: string; to: string };
  token(actor: ActorName): string | undefined;
  /** Resources a case consumes (publishing, deleting, paying, refunding): one each time. */
  fresh: {
    draft(): Promise<string>;
    publishedNote(): Promise<string>;
    pendingOrder(): Promise<string>;
    paidOrder(): Promise<string>;
  };
}

const NOTE_MUTATION = `mutation DrillNote($input: CreateNoteInput!) { createNote(input: $input) { note { id status } error { code message } } }`;

export async function buildWorld(target: DrillTarget, log: (line: string) => void): Promise<World> {
  const run = randomBytes(3).toString('hex');
  const handle = (role: string) => `dz${run}_${role}`.slice(0, 30);
  log(`world: signing up the actors (run ${run})`);
  const [viewer, creator, otherCreator, brand, otherBrand] = await Promise.all([
    signUp(target, handle('viewer'), 'VIEWER'),
    signUp(target, handle('creator'), 'CREATOR'),
    signUp(target, handle('creator2'), 'CREATOR'),
    signUp(target, handle('brand'), 'BRAND'),
    signUp(target, handle('brand2'), 'BRAND'),
  ]);
  log('world: making the administrator with npm run admin:create');
  const admin = await createAdmin(target, handle('admin'));
  const accounts: Record<SignedIn, Account> = { viewer, creator, otherCreator, brand, otherBrand, admin };
  if (!brand.brandId || !otherBrand.brandId) throw new Error('a brand account came without its brand');
  const brandId = brand.brandId;

  const createProduct = async (owner: Account, title: string) => {
    const data = await gqlOk(
      target,
      `mutation DrillProduct($input: CreateProductInput!) { createProduct(input: $input) { product { id } error { code message } } }`,
      {
        input: {
          title,
          description: 'A product of the authorization drill',
          priceMinor: 19_900,
          currency: 'CNY',
          category: 'beauty',
          stock: 1_000_000,
          buyUrl: 'https://shop.example.com/drill',
        },
      },
      owner.token,
    );
    return (data.createProduct as { product: { id: string } }).product.id;
  };
  const productId = await createProduct(brand, `Drill serum ${run}`);
  const otherProductId = await createProduct(otherBrand, `Drill lipstick ${run}`);

  const createNote = async (author: Account, publish: boolean, extra: Record<string, unknown> = {}) => {
    const data = await gqlOk(
      target,
      NOTE_MUTATION,
      {
        input: {
          kind: 'IMAGE',
          title: `Drill note ${run}`,
          body: 'Written by the authorization drill',
          topics: ['drill'],
          media: [{ url: 'https://img.example.com/drill.jpg', width: 1080, height: 1440 }],
          publish,
          ...extra,
        },
      },
      author.token,
    );
    const note = (data.createNote as { note: { id: string; status: string } }).note;
    const expected = publish ? 'PUBLISHED' : 'DRAFT';
    if (note.status !== expected) throw new Error(`a drill note is ${note.status}, not ${expected}`);
    return note.id;
  };
  log('world: products, notes, a board, an upload and a paid order');
  const noteId = await createNote(creator, true, { productTags: [{ productId }], sponsorBrandId: brandId });
  const pendingSponsoredId = await createNote(creator, true, { sponsorBrandId: brandId });
  if (loadSdlSchema().getMutationType()?.getFields().respondToSponsorship) {
    // Where brands confirm sponsorships, the brand confirms the note's, so that it may record its deal.
    await gqlOk(
      target,
      `mutation DrillSponsorship($noteId: ID!) { respondToSponsorship(noteId: $noteId, accept: true) { id } }`,
      { noteId },
      brand.token,
    );
  }
  const draftId = await createNote(creator, false);
  const otherNoteId = await createNote(otherCreator, true, { productTags: [{ productId: otherProductId }] });
  const board = await gqlOk(
    target,
    `mutation DrillBoard($name: String!) { createBoard(name: $name) { id } }`,
    { name: 'Drill board' },
    creator.token,
  );
  const boardId = (board.createBoard as { id: string }).id;
  const removedId = await createNote(creator, true);
  await gqlOk(
    target,
    `mutation DrillDelete($id: ID!) { deleteNote(id: $id) { deletedId error { code message } } }`,
    { id: removedId },
    creator.token,
  );
  const uploadId = await uploadImage(target, creator.token);
  const uploadStatus = await awaitUpload(target, creator.token, uploadId);
  if (uploadStatus !== 'READY') log(`world: warning: the creator's upload is ${uploadStatus}, not READY (is a worker running?)`);

  const checkout = async (clickEventId?: string) => {
    const data = await gqlOk(
      target,
      `mutation DrillCheckout($input: CheckoutInput!) { checkout(input: $input) { order { id status } error { code message } } }`,
      { input: { productId, quantity: 1, ...(clickEventId ? { clickEventId } : {}) } },
      viewer.token,
    );
    return (data.checkout as { order: { id: string } }).order.id;
  };
  const pay = async (orderId: string) => {
    const data = await gqlOk(
      target,
      `mutation DrillPay($input: PayOrderInput!) { payOrder(input: $input) { order { id status } error { code message } } }`,
      { input: { orderId, method: 'test_card' } },
      viewer.token,
    );
    const status = (data.payOrder as { order: { status: string } }).order.status;
    if (status !== 'PAID') throw new Error(`a drill order is ${status} after payOrder`);
    return orderId;
  };
  const clickEventId = randomUUID();
  await gqlOk(
    target,
    `mutation DrillClick($input: ProductClickInput!) { clickProduct(input: $input) { clickId error { code message } } }`,
    { input: { eventId: clickEventId, productId, noteId } },
    viewer.token,
  );
  const orderId = await pay(await checkout(clickEventId));

  const day = 24 * 3600 * 1000;
  const tomorrow = Math.ceil(Date.now() / day) * day;
  return {
    run,
    accounts,
    brandId,
    otherBrandId: otherBrand.brandId,
    productId,
    otherProductId,
    noteId,
    pendingSponsoredId,
    draftId,
    removedId,
    otherNoteId,
    boardId,
    uploadId,
    orderId,
    range: { from: new Date(tomorrow - 8 * day).toISOString(), to: new Date(tomorrow).toISOString() },
    token: (actor) => (actor === 'anonymous' ? undefined : accounts[actor].token),
    fresh: {
      draft: () => createNote(creator, false),
      publishedNote: () => createNote(creator, true),
      pendingOrder: () => checkout(),
      paidOrder: async () => pay(await checkout()),
    },
  };
}

/** Waits for an upload to be processed (READY or FAILED), for at most a minute; returns its last status. */
async function awaitUpload(target: DrillTarget, token: string, id: string): Promise<string> {
  let status = 'PROCESSING';
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    const data = await gqlOk(target, `query DrillUpload($id: ID!) { upload(id: $id) { status } }`, { id }, token);
    status = (data.upload as { status: string }).status;
    if (status !== 'PROCESSING') break;
    await sleep(250);
  }
  return status;
}
