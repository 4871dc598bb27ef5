import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Provider, type Client, type Operation } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../client';
import type { FeedQueryVariables } from '../gql/graphql';
import { FeedQuery } from '../queries';
import { feedVariables, PAGE_SIZE, useFeed } from './useFeed';

const FOR_YOU = { kind: 'FOR_YOU' } as const;

// Every note by the same author: what makes Graphcache read again every live page that holds one when a page arrives.
function page(after: string | null) {
  const from = after === null ? 0 : Number(after.slice(1));
  return {
    data: {
      feed: {
        __typename: 'NoteConnection',
        edges: Array.from({ length: PAGE_SIZE }, (_, k) => ({
          __typename: 'NoteEdge',
          node: {
            __typename: 'Note',
            id: `n${from + k}`,
            kind: 'IMAGE',
            title: `Note ${from + k}`,
            likeCount: 1,
            viewerHasLiked: false,
            reason: null,
            author: { __typename: 'User', id: 'u0', displayName: 'Author', avatarUrl: null },
            media: [],
          },
        })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: true, endCursor: `c${from + PAGE_SIZE}` },
      },
    },
  };
}

function serveFeed(): Client {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const { variables } = JSON.parse(String(init.body)) as { variables: FeedQueryVariables };
      return new Response(JSON.stringify(page(variables.after ?? null)), { headers: { 'content-type': 'application/json' } });
    }),
  );
  return createClient({ onUnauthenticated: () => undefined, url: 'http://localhost/graphql' });
}

/** The feed's hook in a component of its own; `rendered` gets the number of cards of each render. */
function renderFeed(client: Client, rendered: number[] = []) {
  const wrapper = ({ children }: { children: ReactNode }) => <Provider value={client}>{children}</Provider>;
  return renderHook(
    () => {
      const feed = useFeed(FOR_YOU);
      rendered.push(feed.notes.length);
      return feed;
    },
    { wrapper },
  );
}

/** Scrolls on until the feed holds `pages` pages. */
async function loadPages(feed: ReturnType<typeof renderFeed>, pages: number) {
  for (let cards = feed.result.current.notes.length + PAGE_SIZE; cards <= pages * PAGE_SIZE; cards += PAGE_SIZE) {
    act(() => feed.result.current.loadMore());
    await waitFor(() => expect(feed.result.current.notes).toHaveLength(cards));
  }
}

const cardsOfPage = (index: number) => Array.from({ length: PAGE_SIZE }, (_, k) => `n${index * PAGE_SIZE + k}`);

/** The pages Graphcache read again, by their cursor (null for the first). */
function rereadPages(spy: { mock: { calls: [Operation][] } }): (string | null)[] {
  return spy.mock.calls.map(([operation]) => (operation.variables as FeedQueryVariables).after ?? null);
}

describe('useFeed', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('has a first page already in the cache in its very first render', async () => {
    const client = serveFeed();
    await client.query(FeedQuery, feedVariables(FOR_YOU, null)).toPromise();
    const rendered: number[] = [];
    renderFeed(client, rendered);
    expect(rendered[0]).toBe(PAGE_SIZE);
  });

  it('does not read the pages scrolled past again when a page arrives, but does the pages near the window', async () => {
    const client = serveFeed();
    const feed = renderFeed(client);
    await waitFor(() => expect(feed.result.current.notes).toHaveLength(PAGE_SIZE));
    await loadPages(feed, 4);

    // The cards of the second page are near the window; the first, third and fourth have been scrolled past or not reached.
    act(() => feed.result.current.shown(cardsOfPage(1)));
    const reread = vi.spyOn(client, 'reexecuteOperation');
    await loadPages(feed, 5);

    expect(rereadPages(reread)).toContain('c20');
    expect(rereadPages(reread)).not.toContain(null);
  });
});
