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

/**
 * How long a picked photo may go without the server's processed copy before the page makes a preview of its own.
 * Decoding a 12-megapixel photo costs the CPU the upload and the server's processing (on the same machine, or the same
 * phone) need; on a good connection the server's copy comes within about that time anyway.
 */
const OWN_PREVIEW_AFTER_MS = 1_000;
/** The processed copy a photo is previewed with: as wide as the pinning stage needs (see preview.ts). */
const PREVIEW_VARIANT = 'large';

/** A file of the note: one being uploaded now, or one the note already has (editing). */
export interface MediaItem {
  key: string;
  kind: NoteKind;
  name: string;
  /** An object URL of (a small copy of) the chosen file, the server's processed copy, or the stored file's URL; '' until one is known. */
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

const isObjectUrl = (url: string) => url.startsWith('blob:');

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
 * from disk, a video previews from an object URL of the file and a photo from the server's processed copy (or a small
 * copy of its own, see OWN_PREVIEW_AFTER_MS), so even a large video is never read into the page's memory.
 */
export function useUploads(initial: MediaItem[]) {
  const client = useClient();
  const [items, setItems] = useState<MediaItem[]>(initial);
  const nextKey = useRef(0);
  const watching = useRef(new Map<string, () => void>());
  const previewTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
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
        if (upload.status === 'READY') {
          const item = current.current.find((candidate) => candidate.key === key);
          const processed = upload.images.find((image) => image.name === PREVIEW_VARIANT) ?? upload.images[0];
          const preview = item && !item.preview && upload.kind === 'IMAGE' && processed ? { preview: processed.url } : {};
          update(key, { phase: 'ready', percent: 100, kind: upload.kind, durationMs: upload.durationMs ?? null, ...preview });
        } else if (upload.status === 'FAILED')
          update(key, { phase: 'failed', failure: { reason: upload.failure?.reason ?? 'processing_failed' } });
        else update(key, { phase: 'processing', percent: upload.progress, kind: upload.kind });
      });
      watching.current.set(key, unsubscribe);
    },
    [client, stopWatching, update],
  );

  /** The page's own preview of a photo, unless the server's copy has come first (or comes while decoding). */
  const showPreview = useCallback(
    async (key: string, file: File) => {
      const waiting = () => current.current.find((item) => item.key === key)?.preview === '';
      if (!waiting()) return;
      const small = await photoPreview(file);
      if (waiting()) update(key, { preview: URL.createObjectURL(small ?? file) });
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
        // A video plays from the file itself; a photo shows the server's processed copy, or its own small copy when
        // that is slow to come (showPreview), nothing before.
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
      for (const item of added) {
        const file = item.file;
        if (!file || item.kind !== 'IMAGE') continue;
        const timer = setTimeout(() => {
          previewTimers.current.delete(item.key);
          void showPreview(item.key, file);
        }, OWN_PREVIEW_AFTER_MS);
        previewTimers.current.set(item.key, timer);
      }
    },
    [send, showPreview],
  );

  const remove = useCallback(
    (key: string) => {
      stopWatching(key);
      clearTimeout(previewTimers.current.get(key));
      previewTimers.current.delete(key);
      const item = current.current.find((candidate) => candidate.key === key);
      if (item && isObjectUrl(item.preview)) URL.revokeObjectURL(item.preview);
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
    const timers = previewTimers.current;
    return () => {
      for (const unsubscribe of subscriptions.values()) unsubscribe();
      for (const timer of timers.values()) clearTimeout(timer);
      for (const item of current.current) if (isObjectUrl(item.preview)) URL.revokeObjectURL(item.preview);
    };
  }, []);

  return { items, add, remove, retry, move, makeCover };
}
