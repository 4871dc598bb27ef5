import { decodeCursor, encodeCursor } from '../../../core/cursor';
import { errors } from '../../../core/errors';
import type { MarkedRow } from '../../../models/repositories/social.repository';

export const MAX_PAGE_SIZE = 50;

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export function pageSize(first: number | null | undefined): number {
  const n = first ?? 20;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    throw errors.badInput(`first: must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
  }
  return n;
}

/** The (time, id) position a keyset cursor encodes, for lists ordered by time then id. */
export function timeCursor(after: string | null | undefined): { at: Date; id: string } | undefined {
  if (!after) return undefined;
  const [ms, id] = decodeCursor(after, ['number', 'string'] as const);
  return { at: new Date(ms), id };
}

/** Builds a connection from `first + 1` fetched rows: the extra row only says a next page exists. */
export function timeConnection<T extends { id: string }>(rows: readonly T[], first: number, timeOf: (row: T) => Date): Connection<T> {
  const edges = rows.slice(0, first).map((node) => ({ cursor: encodeCursor([timeOf(node).getTime(), node.id]), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** A connection over a profile list, whose rows name their nodes by id: the nodes are read in one batch through a loader. */
export async function markedConnection<N>(
  rows: readonly MarkedRow[],
  first: number,
  loader: { load(id: string): Promise<N | undefined> },
): Promise<Connection<N>> {
  const { edges, pageInfo } = timeConnection(rows, first, (row) => row.at);
  const nodes = await Promise.all(edges.map((edge) => loader.load(edge.node.id)));
  return { edges: edges.flatMap((edge, i) => (nodes[i] === undefined ? [] : [{ cursor: edge.cursor, node: nodes[i] }])), pageInfo };
}
