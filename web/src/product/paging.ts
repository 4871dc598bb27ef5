import { useMemo } from 'react';

interface Connection<N> {
  edges: { node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * The nodes of a connection Graphcache merges page by page (relayPagination), each once, and the
 * cursor of the next page: asking for it with the same query appends to the list.
 */
export function usePages<N extends { id: string }>(connection: Connection<N> | null | undefined) {
  const nodes = useMemo(() => {
    const seen = new Set<string>();
    return (connection?.edges ?? []).flatMap(({ node }) => (seen.has(node.id) ? [] : (seen.add(node.id), [node])));
  }, [connection]);
  const endCursor = connection?.pageInfo.endCursor ?? null;
  const next = connection?.pageInfo.hasNextPage && endCursor ? endCursor : null;
  return { nodes, next };
}
