import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient, type AnyVariables, type Client, type CombinedError, type OperationResult, type TypedDocumentNode } from 'urql';
import type { NoteCardFieldsFragment } from '../gql/graphql';

export interface Connection {
  edges: { node: NoteCardFieldsFragment }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export interface Pages {
  notes: NoteCardFieldsFragment[];
  fetching: boolean;
  error: CombinedError | undefined;
  hasMore: boolean;
  loadMore(): void;
  retry(): void;
  /** The notes whose cards are near the window now: only their pages, and those past them, follow the cache (a like, a count). */
  shown(noteIds: readonly string[]): void;
}

interface Page<Data> {
  after: string | null;
  policy: 'cache-first' | 'network-only';
  result?: OperationResult<Data>;
}

interface State<Data> {
  client: Client;
  pages: Page<Data>[];
}

/**
 * A cursor chain whose pages are each a query of their own, and whose pages follow the cache only while their cards are
 * near the window. Graphcache reads again every live query that shares an entity (an author, say) with a page that
 * arrives: one list merged by relayPagination, or every page kept live, is read whole each time, which after a few
 * hundred cards is a long task on a phone. A page whose cards have been scrolled past keeps its last result, and is read
 * again (from the cache) when its cards come back near.
 */
export function usePages<Data, Variables extends AnyVariables>(
  query: TypedDocumentNode<Data, Variables>,
  variablesFor: (after: string | null) => Variables,
  connectionOf: (data: Data) => Connection | undefined,
  paused: boolean,
): Pages {
  const client = useClient();
  const firstPage = (): Page<Data> => ({
    after: null,
    policy: 'cache-first',
    // Read at once, so that a first page already in the cache (the prefetch's) is in the very first render.
    result: paused ? undefined : cached(client.readQuery(query, variablesFor(null), { requestPolicy: 'cache-only' })),
  });
  const [state, setState] = useState<State<Data>>(() => ({ client, pages: [firstPage()] }));
  // A new session (sign-in or out) is a new client with its own cache: the chain starts again.
  const current = state.client === client ? state : { client, pages: [firstPage()] };
  if (current !== state) setState(current);
  const { pages } = current;
  const [near, setNear] = useState<ReadonlySet<number>>(() => new Set([0]));

  // How a page's connection is found in its data is the same for a hook's whole life.
  const { notes, pageOf } = useMemo(() => {
    // The same note on two pages would be two cards with one key: the first one stays.
    const pageOf = new Map<string, number>();
    const notes = pages.flatMap((page, index) => {
      const edges = page.result?.data ? (connectionOf(page.result.data)?.edges ?? []) : [];
      return edges.flatMap(({ node }) => (pageOf.has(node.id) ? [] : (pageOf.set(node.id, index), [node])));
    });
    return { notes, pageOf };
  }, [pages]);

  const live = useRef(new Map<number, { unsubscribe(): void }>());
  useEffect(() => {
    const subscriptions = live.current;
    return () => {
      for (const subscription of subscriptions.values()) subscription.unsubscribe();
      subscriptions.clear();
    };
  }, [client, paused]);
  useEffect(() => {
    if (paused) return;
    const farthest = Math.max(-1, ...near);
    pages.forEach((page, index) => {
      // Pages past the window (still to be scrolled to) and a page still waiting for its answer stay live.
      const wanted = near.has(index) || index > farthest || page.result === undefined;
      const subscription = live.current.get(index);
      if (subscription && !wanted) {
        subscription.unsubscribe();
        live.current.delete(index);
      } else if (!subscription && wanted) {
        const source = client.query(query, variablesFor(page.after), { requestPolicy: page.policy });
        live.current.set(
          index,
          source.subscribe((result) =>
            setState((before) =>
              before.client !== client ? before : { client, pages: before.pages.map((p, i) => (i === index ? { ...p, result } : p)) },
            ),
          ),
        );
      }
    });
    // The query and how its variables are made stay the same for a hook's life; each page's cursor is in `pages`.
  }, [client, paused, pages, near]);

  const last = pages[pages.length - 1];
  const lastConnection = last?.result?.data ? connectionOf(last.result.data) : undefined;
  const endCursor = lastConnection?.pageInfo.endCursor ?? null;
  const hasMore = Boolean(lastConnection?.pageInfo.hasNextPage && endCursor);
  const fetching = !paused && last?.result === undefined;
  const error = last?.result?.error;

  const loadMore = useCallback(() => {
    if (!hasMore || fetching || error) return;
    setState((before) =>
      before.pages.some((page) => page.after === endCursor)
        ? before
        : { client: before.client, pages: [...before.pages, { after: endCursor, policy: 'cache-first' }] },
    );
  }, [hasMore, fetching, error, endCursor]);

  const retry = useCallback(() => {
    const index = pages.length - 1;
    live.current.get(index)?.unsubscribe();
    live.current.delete(index);
    setState((before) => ({
      client: before.client,
      pages: before.pages.map((page, i) => (i === index ? { after: page.after, policy: 'network-only' } : page)),
    }));
  }, [pages.length]);

  const shown = useCallback(
    (noteIds: readonly string[]) => {
      const indices = new Set(noteIds.flatMap((id) => pageOf.get(id) ?? []));
      setNear((before) => (sameSet(before, indices) ? before : indices));
    },
    [pageOf],
  );

  return { notes, fetching, error, hasMore, loadMore, retry, shown };
}

/** A result read from the cache alone, if the cache had the whole of it. */
function cached<Data>(result: OperationResult<Data> | null): OperationResult<Data> | undefined {
  return result?.data && !result.stale ? result : undefined;
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}
