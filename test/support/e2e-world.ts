import { rm } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import type { JobRuntime } from '../../jobs/runtime';
import type { Account } from './factories';
import { eventually } from './eventually';
import type { TestApp } from './harness';

const UPLOAD = `query($id: ID!) { upload(id: $id) { status images { name url } } }`;
const CREATE = `mutation($input: CreateNoteInput!) { createNote(input: $input) { note { id } error { code message } } }`;

/** Uploads a file as `account` through POST /uploads and waits for the workers to make it READY; its id and large image's URL. */
export async function uploadReady(app: TestApp, account: Account, file: string): Promise<{ id: string; url: string }> {
  const res = await app.http.post('/uploads').set('authorization', `Bearer ${account.token}`).attach('file', file);
  if (res.status !== 201) throw new Error(`upload refused: ${JSON.stringify(res.body)}`);
  const id = res.body.id as string;
  let url = '';
  await eventually(async () => {
    const upload = (await app.gql(UPLOAD, { id }, account.token)).body.data?.upload;
    url = upload?.images?.find((image: { name: string }) => image.name === 'large')?.url ?? upload?.images?.[0]?.url ?? '';
    return upload?.status === 'READY';
  }, 60_000);
  return { id, url };
}

/** A published note of `creator` (an image note about beauty unless `input` says otherwise); its id. */
export async function postNote(app: TestApp, creator: Account, input: Record<string, unknown>): Promise<string> {
  const res = await app.gql(
    CREATE,
    { input: { kind: 'IMAGE', body: 'Seen in the app', topics: ['beauty'], publish: true, ...input } },
    creator.token,
  );
  const id = res.body.data?.createNote?.note?.id as string | undefined;
  if (!id) throw new Error(`createNote failed: ${JSON.stringify(res.body)}`);
  return id;
}

/** An end-to-end test file's teardown: the browser, then the workers, then the app, then its files; whichever were started. */
export async function closeWorld(world: { browser?: Browser; worker?: JobRuntime; app?: TestApp; dir?: string }): Promise<void> {
  await world.browser?.close();
  await world.worker?.stop();
  await world.app?.close();
  if (world.dir) await rm(world.dir, { recursive: true, force: true });
}
