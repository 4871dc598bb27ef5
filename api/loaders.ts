import DataLoader from 'dataloader';
import type { AttributionRow, RefundRow } from '../models/repositories/commerce.repository';
import type { MediaRow } from '../models/repositories/media.repository';
import type { NoteMediaRow, NoteProductRow, NoteRow } from '../models/repositories/notes.repository';
import type { ProductRow } from '../models/repositories/products.repository';
import type { BrandRow, UserRow } from '../models/repositories/users.repository';
import type { Services } from '../services';

export type Loaders = ReturnType<typeof createLoaders>;

function byKey<T, K extends keyof T>(rows: readonly T[], key: K): Map<T[K], T> {
  return new Map(rows.map((r) => [r[key], r]));
}

function entity<T extends { id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T | undefined> {
  return new DataLoader(async (ids) => {
    const found = byKey(await fetch(ids), 'id');
    return ids.map((id) => found.get(id));
  });
}

function membership(viewerId: string | null, fetch: (viewerId: string, ids: readonly string[]) => Promise<Set<string>>) {
  return new DataLoader<string, boolean>(async (ids) => {
    if (!viewerId) return ids.map(() => false);
    const yes = await fetch(viewerId, ids);
    return ids.map((id) => yes.has(id));
  });
}

function grouped<T extends { orderId: string }>(fetch: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T[]> {
  return new DataLoader(async (ids) => {
    const byOrder = new Map<string, T[]>();
    for (const row of await fetch(ids)) {
      const list = byOrder.get(row.orderId);
      if (list) list.push(row);
      else byOrder.set(row.orderId, [row]);
    }
    return ids.map((id) => byOrder.get(id) ?? []);
  });
}

/** Per-request batching: a page of notes costs one query per kind of thing it shows, not per note. */
export function createLoaders(services: Services, viewerId: string | null) {
  return {
    user: entity<UserRow>((ids) => services.accounts.usersByIds(ids)),
    note: entity<NoteRow>((ids) => services.notes.byIds(ids)),
    upload: entity<MediaRow>((ids) => services.media.byIds(ids)),
    product: entity<ProductRow>((ids) => services.products.byIds(ids)),
    brand: entity<BrandRow>((ids) => services.products.brandsByIds(ids)),
    brandByOwner: new DataLoader<string, BrandRow | undefined>(async (ownerIds) => {
      const found = byKey(await services.products.brandsByOwners(ownerIds), 'ownerId');
      return ownerIds.map((id) => found.get(id));
    }),
    media: new DataLoader<string, NoteMediaRow[]>((noteIds) => services.notes.mediaOf(noteIds)),
    productTags: new DataLoader<string, NoteProductRow[]>((noteIds) => services.notes.productTagsOf(noteIds)),
    orderCredits: grouped<AttributionRow>((ids) => services.orders.attributionsOf(ids)),
    orderRefunds: grouped<RefundRow>((ids) => services.orders.refundsOf(ids)),
    likesAndCollectsReceived: new DataLoader<string, number>(async (authorIds) => {
      const received = await services.notes.likesAndCollectsReceived(authorIds);
      return authorIds.map((id) => received.get(id) ?? 0);
    }),
    viewerLiked: membership(viewerId, (v, ids) => services.social.likedAmong(v, ids)),
    viewerCollected: membership(viewerId, (v, ids) => services.social.collectedAmong(v, ids)),
    viewerFollows: membership(viewerId, (v, ids) => services.social.followedAmong(v, ids)),
  };
}
