import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { stringifyDocument, useClient } from 'urql';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { authHeaders } from '../session';
import { useToast } from './toast';

const HideNoteMutation = graphql(`
  mutation HideNote($noteId: ID!) {
    hideNote(noteId: $noteId, reason: "not_interested")
  }
`);

const HideCreatorMutation = graphql(`
  mutation HideCreator($userId: ID!) {
    hideCreator(userId: $userId)
  }
`);

interface Hideable {
  id: string;
  author: { id: string };
}

interface Hidden {
  isHidden(note: Hideable): boolean;
  hide(what: 'note' | 'creator', note: Hideable): void;
}

interface Pending {
  what: 'note' | 'creator';
  id: string;
}

const HiddenContext = createContext<Hidden | null>(null);

const UNDO_MS = 5_000;

/**
 * "Not interested": the note (or the creator's notes) leaves the feeds on screen at once, and the
 * API is told only when the undo toast has gone, since the API has no un-hide. A page left before
 * then still sends it, with keepalive.
 */
export function HiddenProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const show = useToast();
  const { t } = useI18n();
  const [notes, setNotes] = useState<ReadonlySet<string>>(new Set());
  const [creators, setCreators] = useState<ReadonlySet<string>>(new Set());
  const pending = useRef(new Map<string, Pending>());

  const commit = useCallback(
    (item: Pending) => {
      if (!pending.current.delete(`${item.what}:${item.id}`)) return;
      if (item.what === 'note') void client.mutation(HideNoteMutation, { noteId: item.id }).toPromise();
      else void client.mutation(HideCreatorMutation, { userId: item.id }).toPromise();
    },
    [client],
  );

  useEffect(() => {
    const flush = () => {
      for (const item of pending.current.values()) {
        const [query, variables] =
          item.what === 'note'
            ? [stringifyDocument(HideNoteMutation), { noteId: item.id }]
            : [stringifyDocument(HideCreatorMutation), { userId: item.id }];
        void fetch('/graphql', {
          method: 'POST',
          keepalive: true,
          headers: { 'content-type': 'application/json', ...authHeaders() },
          body: JSON.stringify({ query, variables }),
        });
      }
      pending.current.clear();
    };
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, []);

  const hide = useCallback(
    (what: 'note' | 'creator', note: Hideable) => {
      const item: Pending = { what, id: what === 'note' ? note.id : note.author.id };
      const set = what === 'note' ? setNotes : setCreators;
      set((before) => new Set(before).add(item.id));
      pending.current.set(`${what}:${item.id}`, item);
      show(t(what === 'note' ? 'note.hiddenNote' : 'note.hiddenCreator'), {
        durationMs: UNDO_MS,
        onExpire: () => commit(item),
        action: {
          label: t('note.undo'),
          run: () => {
            pending.current.delete(`${what}:${item.id}`);
            set((before) => {
              const after = new Set(before);
              after.delete(item.id);
              return after;
            });
          },
        },
      });
    },
    [commit, show, t],
  );

  const value = useMemo<Hidden>(
    () => ({ isHidden: (note) => notes.has(note.id) || creators.has(note.author.id), hide }),
    [notes, creators, hide],
  );
  return <HiddenContext.Provider value={value}>{children}</HiddenContext.Provider>;
}

export function useHidden(): Hidden {
  const value = useContext(HiddenContext);
  if (!value) throw new Error('useHidden outside HiddenProvider');
  return value;
}
