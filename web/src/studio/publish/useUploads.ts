import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import type { NoteKind } from '../../gql/graphql';
import type { PlainMessageKey } from '../../i18n/messages';
import { UploadRefused, uploadFile } from '../../profile/upload';
import { UploadProgressSubscription } from '../studio.queries';
import { photoPreview } from './preview';
import type { UploadFailure } from './uploadFailure';

export const MAX_IMAGES = 9;

export type Phase = 'uploading' | 'processing' | 'ready' | 'failed';

/** A file of the note: one being uploaded now, or one the note already has (editing). */
export interface MediaItem {
  key: string;
  kind: NoteKind;
  name: string;
  /** An object URL of the chosen file, or the stored file's URL. */
  preview: string;
  /** Kept for a retry; null for a file the note already had. */
  file: File | null;
  phase: Phase;
  /** The bytes sent while uploading, then the pipeline's progress: 0–100. */
  percent: number;
  uploadId: string | null;
  failure: UploadFailure | null;
  durationMs: number | null;
  /** A file the note names by URL (not uploaded here), which is sent back as it was. */
  stored: { url: string; width: number; height: number; durationMs: number | null } | null;
}

const kindOf = (file: File): NoteKind => (file.type.startsWith('video/') ? 'VIDEO' : 'IMAGE');

/** Why a choice of files cannot be added, or null when it can. */
export function refuseChoice(current: readonly MediaItem[], files: readonly File[]): PlainMessageKey | null {
  const kinds = new Set([...current.map((item) => item.kind), ...files.map(kindOf)]);
  if (kinds.size > 1) return 'studio.media.mixed';
  if (kinds.has('VIDEO') && current.length + files.length > 1) return 'studio.media.oneVideo';
  if (current.length + files.length > MAX_IMAGES) return 'studio.media.tooMany';
  return null;
}

/**
 * The note's files and their uploads: each file is sent on its own (XHR, for its bytes' progress), then followed over
 * the uploadProgress subscription until the workers have made it ready or refused it. The browser streams the file
 * from disk and previews come from object URLs (of a small copy, for a photo), so even a large video is never read
 * into the page's memory.
 */
export function useUploads(initial: MediaItem[]) {
  const client = useClient();
  const [items, setItems] = useState<MediaItem[]>(initial);
  const nextKey = useRef(0);
  const watching = useRef(new Map<string, () => void>());
  const current = useRef(items);
  current.current = items;

  const update = useCallback((key: string, patch: Partial<MediaItem>) => {
    setItems((before) => before.map((item) => (item.key === key ? { ...item, ...patch } : item)));
  }, []);

  const stopWatching = useCallback((key: string) => {
    watching.current.get(key)?.();
    watching.current.delete(key);
  }, []);

  const watch = useCallback(
    (key: string, id: string) => {
      stopWatching(key);
      const { unsubscribe } = client.subscription(UploadProgressSubscription, { id }).subscribe((result) => {
        const upload = result.data?.uploadProgress;
        if (!upload) {
          // The socket gave up reconnecting: the file is on the server, only its news were lost.
          if (result.error) update(key, { phase: 'failed', failure: { status: 0 } });
          return;
        }
        if (upload.status === 'READY')
          update(key, { phase: 'ready', percent: 100, kind: upload.kind, durationMs: upload.durationMs ?? null });
        else if (upload.status === 'FAILED')
          update(key, { phase: 'failed', failure: { reason: upload.failure?.reason ?? 'processing_failed' } });
        else update(key, { phase: 'processing', percent: upload.progress, kind: upload.kind });
      });
      watching.current.set(key, unsubscribe);
    },
    [client, stopWatching, update],
  );

  const showPreview = useCallback(
    async (key: string, file: File) => {
      const small = await photoPreview(file);
      if (!current.current.some((item) => item.key === key)) return;
      update(key, { preview: URL.createObjectURL(small ?? file) });
    },
    [update],
  );

  const send = useCallback(
    (key: string, file: File) => {
      update(key, { phase: 'uploading', percent: 0, failure: null, uploadId: null });
      uploadFile(file, (percent) => {
        if (current.current.some((item) => item.key === key)) update(key, { percent });
      })
        .then(({ id }) => {
          // Removed while its bytes were on their way: nothing is left to follow.
          if (!current.current.some((item) => item.key === key)) return;
          update(key, { phase: 'processing', percent: 0, uploadId: id });
          watch(key, id);
        })
        .catch((error: unknown) => {
          const failure = error instanceof UploadRefused ? { status: error.status, code: error.code, reason: error.reason } : { status: 0 };
          update(key, { phase: 'failed', failure });
        });
    },
    [update, watch],
  );

  const add = useCallback(
    (files: readonly File[]) => {
      const added = files.map<MediaItem>((file) => ({
        key: `file-${(nextKey.current += 1)}`,
        kind: kindOf(file),
        name: file.name,
        // A video plays from the file itself; a photo shows a small copy once made (photoPreview), nothing before.
        preview: kindOf(file) === 'VIDEO' ? URL.createObjectURL(file) : '',
        file,
        phase: 'uploading',
        percent: 0,
        uploadId: null,
        failure: null,
        durationMs: null,
        stored: null,
      }));
      setItems((before) => [...before, ...added]);
      for (const item of added) if (item.file) send(item.key, item.file);
      for (const item of added) if (item.file && item.kind === 'IMAGE') void showPreview(item.key, item.file);
    },
    [send, showPreview],
  );

  const remove = useCallback(
    (key: string) => {
      stopWatching(key);
      const item = current.current.find((candidate) => candidate.key === key);
      if (item?.file && item.preview) URL.revokeObjectURL(item.preview);
      setItems((before) => before.filter((candidate) => candidate.key !== key));
    },
    [stopWatching],
  );

  /** A lost connection after the upload only needs the news again; otherwise the file is sent again. */
  const retry = useCallback(
    (key: string) => {
      const item = current.current.find((candidate) => candidate.key === key);
      if (!item) return;
      if (item.uploadId && item.failure?.status === 0) {
        update(key, { phase: 'processing', failure: null });
        watch(key, item.uploadId);
      } else if (item.file) send(key, item.file);
    },
    [send, update, watch],
  );

  const move = useCallback((key: string, by: number) => {
    setItems((before) => {
      const from = before.findIndex((item) => item.key === key);
      const to = from + by;
      if (from < 0 || to < 0 || to >= before.length) return before;
      const next = [...before];
      const [item] = next.splice(from, 1);
      if (item) next.splice(to, 0, item);
      return next;
    });
  }, []);

  /** The first file is the note's cover. */
  const makeCover = useCallback((key: string) => {
    setItems((before) => {
      const item = before.find((candidate) => candidate.key === key);
      return item ? [item, ...before.filter((candidate) => candidate.key !== key)] : before;
    });
  }, []);

  useEffect(() => {
    const subscriptions = watching.current;
    return () => {
      for (const unsubscribe of subscriptions.values()) unsubscribe();
      for (const item of current.current) if (item.file && item.preview) URL.revokeObjectURL(item.preview);
    };
  }, []);

  return { items, add, remove, retry, move, makeCover };
}
