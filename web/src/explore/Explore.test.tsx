import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter } from 'react-router';
import { AuthProvider, useAuth } from '../account/auth';
import { createClient } from '../client';
import { EventsProvider } from '../events/context';
import { EventTracker } from '../events/tracker';
import { I18nProvider } from '../i18n/i18n';
import { HiddenProvider } from '../ui/hidden';
import { ToastProvider } from '../ui/toast';
import { NoteOpenerProvider } from '../note/opener';
import { Explore } from './Explore';

function card(i: number) {
  return {
    __typename: 'Note',
    id: `n${i}`,
    kind: i % 3 === 0 ? 'VIDEO' : 'IMAGE',
    title: `Note ${i}`,
    likeCount: 10,
    viewerHasLiked: false,
    reason: 'trending: trending now',
    author: { __typename: 'User', id: `u${i}`, displayName: `Author ${i}`, avatarUrl: null },
    media: [{ __typename: 'Media', url: `https://img.test/${i}.jpg`, width: 1080, height: 1440, upload: null }],
  };
}

function feedPage(from: number, count: number) {
  return {
    data: {
      feed: {
        __typename: 'NoteConnection',
        edges: Array.from({ length: count }, (_, k) => ({ __typename: 'NoteEdge', node: card(from + k) })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: true, endCursor: `c${from + count}` },
      },
    },
  };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function Notice() {
  const { notice, signedIn } = useAuth();
  return <output data-testid="auth">{`${signedIn}:${notice ?? ''}`}</output>;
}

function renderExplore() {
  const tracker = new EventTracker({ send: async () => {} });
  return render(
    <I18nProvider initial="en">
      <MemoryRouter>
        <AuthProvider makeClient={(options) => createClient({ ...options, url: 'http://localhost/graphql' })}>
          <ToastProvider>
            <HiddenProvider>
              <EventsProvider tracker={tracker}>
                <NoteOpenerProvider>
                  <Notice />
                  <Explore />
                </NoteOpenerProvider>
              </EventsProvider>
            </HiddenProvider>
          </ToastProvider>
        </AuthProvider>
      </MemoryRouter>
    </I18nProvider>,
  );
}

describe('Explore', () => {
  beforeEach(() => {
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(private readonly callback: ResizeObserverCallback) {}
        observe() {
          this.callback([{ contentRect: { width: 390 } } as ResizeObserverEntry], this as unknown as ResizeObserver);
        }
        disconnect() {}
      },
    );
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  it('lays out the first page as cards with covers, video badges and like toggles', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(feedPage(0, 6))),
    );
    renderExplore();
    await waitFor(() => expect(screen.getAllByTestId('note-card')).toHaveLength(6));
    const first = screen.getAllByTestId('note-card')[0];
    expect(first?.dataset.noteId).toBe('n0');
    // n0 is a video hosted elsewhere, without a poster: its tint stands in for a cover.
    expect(screen.getAllByTestId('note-cover')[0]?.getAttribute('src')).toBe('https://img.test/1.jpg');
    expect(screen.getAllByLabelText('Video').length).toBe(2);
    expect(screen.getAllByTestId('like-toggle')).toHaveLength(6);
  });

  it('counts a like at once, before the API answers', async () => {
    localStorage.setItem('seedfeed.token', 'token-1');
    let answerLike: (response: Response) => void = () => {};
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        const body = JSON.parse(String(init.body)) as { operationName?: string; query: string };
        if (body.query.includes('mutation Like')) return new Promise<Response>((resolve) => (answerLike = resolve));
        if (body.query.includes('query Viewer')) return json({ data: { viewer: null } });
        return json(feedPage(0, 2));
      }),
    );
    renderExplore();
    await waitFor(() => expect(screen.getAllByTestId('like-toggle')).toHaveLength(2));
    fireEvent.click(screen.getAllByTestId('like-toggle')[0]!);
    await waitFor(() => expect(screen.getAllByTestId('like-count')[0]?.textContent).toBe('11'));
    expect(screen.getAllByTestId('like-toggle')[0]?.getAttribute('aria-pressed')).toBe('true');
    await act(async () => answerLike(json({ data: { like: { __typename: 'Note', id: 'n0', likeCount: 11, viewerHasLiked: true } } })));
  });

  it('signs out with a notice when the API refuses the token', async () => {
    localStorage.setItem('seedfeed.token', 'expired');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        const authorized = new Headers(init.headers).get('authorization');
        if (authorized) return json({ errors: [{ message: 'Invalid token', extensions: { code: 'UNAUTHENTICATED' } }] }, 401);
        return json(feedPage(0, 3));
      }),
    );
    renderExplore();
    await waitFor(() => expect(screen.getByTestId('auth').textContent).toBe('false:error.sessionExpired'));
    expect(localStorage.getItem('seedfeed.token')).toBeNull();
    await waitFor(() => expect(screen.getAllByTestId('note-card')).toHaveLength(3));
  });
});
