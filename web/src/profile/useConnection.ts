import { useCallback, useMemo, useState } from 'react';
import { useQuery, type AnyVariables, type CombinedError, type TypedDocumentNode } from 'urql';

export const PAGE_SIZE = 20;

interface Connection<Node> {
  edges: { node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export interface Paged<Node> {
  items: Node[];
  fetching: boolean;
  error: CombinedError | undefined;
  hasMore: boolean;
  loadMore(): void;
  retry(): void;
}

/**
 * A Relay connection page after page, like the explore feed: Graphcache's relayPagination (client.ts)
 * merges each page into one list, so asking for the next cursor appends to what is shown.
 */
export function useConnection<Data, Vars extends AnyVariables, Node extends { id: string }>(
  query: TypedDocumentNode<Data, Vars>,
  variables: Omit<Vars, 'first' | 'after'>,
  select: (data: Data) => Connection<Node> | null | undefined,
): Paged<Node> & { data: Data | undefined } {
  const [after, setAfter] = useState<string | null>(null);
  const [result, reexecute] = useQuery<Data, Vars>({
    query,
    variables: { ...variables, first: PAGE_SIZE, after } as unknown as Vars,
    // Follows and likes made elsewhere in the app are not in a cached list: show it, then refresh it.
    requestPolicy: 'cache-and-network',
  });
  const connection = result.data ? select(result.data) : undefined;
  const items = useMemo(() => {
    const seen = new Set<string>();
    return (connection?.edges ?? []).flatMap(({ node }) => (seen.has(node.id) ? [] : (seen.add(node.id), [node])));
  }, [connection]);
  const endCursor = connection?.pageInfo.endCursor ?? null;
  const hasMore = Boolean(connection?.pageInfo.hasNextPage && endCursor);
  const { fetching, error } = result;
  const loadMore = useCallback(() => {
    if (hasMore && !fetching && !error && endCursor !== after) setAfter(endCursor);
  }, [hasMore, fetching, error, endCursor, after]);
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return { data: result.data, items, fetching, error, hasMore, loadMore, retry };
}
