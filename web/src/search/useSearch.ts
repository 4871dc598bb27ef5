import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQuery, type CombinedError } from 'urql';
import type { NoteCardFieldsFragment, SearchProductFieldsFragment, SearchQuery as SearchData } from '../gql/graphql';
import { SearchQuery } from './searchQueries';

const PAGE_SIZE = 20;

type Page = SearchData['search'];

export interface SearchResults {
  notes: NoteCardFieldsFragment[];
  products: SearchProductFieldsFragment[];
  fetching: boolean;
  error: CombinedError | undefined;
  hasMore: boolean;
  loadMore(): void;
  retry(): void;
}

/**
 * One query's results, page after page. The pages are kept here rather than merged by Graphcache:
 * the suggestions ask the same field with other arguments, and a merged list would mix the two.
 */
export function useSearch(query: string): SearchResults {
  const [after, setAfter] = useState<string | null>(null);
  const [pages, setPages] = useState<{ after: string | null; page: Page }[]>([]);
  const [result, reexecute] = useQuery({ query: SearchQuery, variables: { query, first: PAGE_SIZE, after }, pause: query === '' });

  const page = result.data?.search;
  useEffect(() => {
    if (page) setPages((before) => [...before.filter((p) => p.after !== after), { after, page }]);
  }, [page, after]);

  const { notes, products } = useMemo(() => {
    const seen = new Set<string>();
    const found = { notes: [] as NoteCardFieldsFragment[], products: [] as SearchProductFieldsFragment[] };
    // The page just answered counts at once, not one render later when the effect has stored it.
    const all = page ? [...pages.filter((p) => p.after !== after), { after, page }] : pages;
    for (const { node } of all.flatMap((p) => p.page.edges)) {
      const key = `${node.__typename}:${node.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (node.__typename === 'Note') found.notes.push(node);
      else found.products.push(node);
    }
    return found;
  }, [pages, page, after]);

  const last = (page ?? pages.at(-1)?.page)?.pageInfo;
  const endCursor = last?.endCursor ?? null;
  const hasMore = Boolean(last?.hasNextPage && endCursor);
  const fetching = result.fetching;
  const error = result.error;
  const loadMore = useCallback(() => {
    if (hasMore && !fetching && !error && endCursor !== after) setAfter(endCursor);
  }, [hasMore, fetching, error, endCursor, after]);
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return { notes, products, fetching, error, hasMore, loadMore, retry };
}
