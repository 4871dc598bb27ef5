import { randomBytes } from 'node:crypto';
import type { TestApp } from './harness';

export interface Account {
  id: string;
  token: string;
  handle: string;
}

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id handle } error { code message field } } }`;

export async function signUp(
  app: TestApp,
  role: 'VIEWER' | 'CREATOR' | 'BRAND' = 'VIEWER',
  extra: Record<string, unknown> = {},
): Promise<Account> {
  const handle = `u_${randomBytes(5).toString('hex')}`;
  const input = {
    handle,
    password: 'correct horse',
    displayName: `User ${handle}`,
    role,
    ...(role === 'BRAND' ? { brandName: `Brand ${handle}` } : {}),
    ...extra,
  };
  const res = await app.gql(SIGN_UP, { input });
  const payload = res.body.data?.signUp;
  if (!payload?.token) throw new Error(`sign-up failed: ${JSON.stringify(res.body)}`);
  return { id: payload.user.id, token: payload.token, handle };
}

/** Pays a pending in-app order with the test provider's approved card; returns the order's status after. */
export async function payOrder(app: TestApp, buyer: Account, orderId: string, method = 'test_card'): Promise<string> {
  const res = await app.gql(
    `mutation($input: PayOrderInput!) { payOrder(input: $input) { order { status } error { code message } } }`,
    { input: { orderId, method } },
    buyer.token,
  );
  const status = res.body.data?.payOrder?.order?.status;
  if (!status) throw new Error(`payOrder failed: ${JSON.stringify(res.body)}`);
  return status;
}

export async function createProduct(app: TestApp, brand: Account, input: Record<string, unknown> = {}): Promise<string> {
  const res = await app.gql(
    `mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } error { code message } } }`,
    {
      input: {
        title: '丝绒雾面口红 Velvet Lipstick',
        priceMinor: 19900,
        currency: 'CNY',
        category: 'beauty',
        stock: 10,
        buyUrl: 'https://shop.example.com/p/1',
        ...input,
      },
    },
    brand.token,
  );
  const id = res.body.data?.createProduct?.product?.id;
  if (!id) throw new Error(`createProduct failed: ${JSON.stringify(res.body)}`);
  return id;
}

export const IMAGE = { url: 'https://img.example.com/a.jpg', width: 1080, height: 1440 };

export async function createNote(app: TestApp, author: Account, input: Record<string, unknown> = {}): Promise<string> {
  const res = await app.gql(
    `mutation($input: CreateNoteInput!) { createNote(input: $input) { note { id } error { code message field } } }`,
    {
      input: {
        kind: 'IMAGE',
        title: '秋冬口红分享',
        body: 'My favourite lipsticks this autumn',
        topics: ['beauty'],
        media: [IMAGE],
        publish: true,
        ...input,
      },
    },
    author.token,
  );
  const id = res.body.data?.createNote?.note?.id;
  if (!id) throw new Error(`createNote failed: ${JSON.stringify(res.body)}`);
  return id;
}

export function errorCode(res: { body: { errors?: { extensions?: { code?: string } }[] } }): string | undefined {
  return res.body.errors?.[0]?.extensions?.code;
}
