import { useEffect, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import type { MediaInput, NoteKind } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import type { PlainMessageKey } from '../../i18n/messages';
import { CreateNoteMutation, PublishNoteMutation, UpdateNoteMutation } from '../studio.queries';
import { BodyField, topicsOf } from './BodyField';
import { MediaPicker } from './MediaPicker';
import { MediaTiles } from './MediaTiles';
import { NotePreview } from './NotePreview';
import { PinStage } from './PinStage';
import { ProductTags } from './ProductTags';
import { SponsorField } from './SponsorField';
import { tagInputs, type DraftTag, type TaggedProduct } from './tags';
import { refuseChoice, useUploads, type MediaItem } from './useUploads';

/** notes/notes.inputs.ts: a title is 1–100 characters. */
export const MAX_TITLE = 100;

export interface NoteDraft {
  id: string | null;
  status: string | null;
  title: string;
  body: string;
  media: MediaItem[];
  tags: DraftTag[];
  sponsored: boolean;
  sponsorBrandId: string | null;
}

function mediaInput(item: MediaItem): MediaInput {
  return item.uploadId ? { uploadId: item.uploadId } : { ...item.stored };
}

/** Writes a new note or edits one: its files, title, body, product tags and sponsorship; saved as a draft or published. */
export function NoteForm({ draft }: { draft: NoteDraft }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const titleId = useId();
  const { items, add, remove, retry, move, makeCover } = useUploads(draft.media);
  const [refusal, setRefusal] = useState<PlainMessageKey | null>(null);
  const [selected, setSelected] = useState<string | null>(draft.media[0]?.key ?? null);
  const [title, setTitle] = useState(draft.title);
  const [body, setBody] = useState(draft.body);
  const [tags, setTags] = useState<DraftTag[]>(draft.tags);
  const [active, setActive] = useState<string | null>(null);
  const [sponsored, setSponsored] = useState(draft.sponsored);
  const [sponsorBrandId, setSponsorBrandId] = useState(draft.sponsorBrandId);
  // A pending sponsorship's brand is not readable back: it is sent only once the creator changes it.
  const [sponsorTouched, setSponsorTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [creating, create] = useMutation(CreateNoteMutation);
  const [updating, update] = useMutation(UpdateNoteMutation);
  const [publishing, publishNow] = useMutation(PublishNoteMutation);

  const kind: NoteKind = items[0]?.kind ?? 'IMAGE';
  const shown = items.find((item) => item.key === selected) ?? items[0] ?? null;
  const activeTag = tags.find((tag) => tag.product.id === active) ?? null;
  const brands = [...new Map(tags.map((tag) => [tag.product.brand.id, tag.product.brand])).values()];
  const sponsor = sponsored ? (brands.find((brand) => brand.id === sponsorBrandId) ?? brands[0] ?? null) : null;
  const uploading = items.some((item) => item.phase === 'uploading');
  const failedFiles = items.some((item) => item.phase === 'failed');
  // Pressed while files were still on their way: the note is saved the moment the last one is, as a phone app posts.
  const [queued, setQueued] = useState<'publish' | 'draft' | null>(null);
  const busy = creating.fetching || updating.fetching || publishing.fetching || queued !== null;

  const addFiles = (files: File[]) => {
    const why = refuseChoice(items, files);
    setRefusal(why);
    if (!why && files.length > 0) add(files);
  };
  const removeFile = (key: string) => {
    remove(key);
    setTags((before) => before.map((tag) => (tag.mediaKey === key ? { ...tag, mediaKey: null, x: null, y: null } : tag)));
    if (selected === key) setSelected(null);
  };
  const addTag = (product: TaggedProduct) => {
    setTags((before) => [...before, { product, mediaKey: null, x: null, y: null, atMs: null }]);
    setActive(product.id);
  };
  const pin = (productId: string, place: { mediaKey: string; x: number; y: number } | { atMs: number }) =>
    setTags((before) =>
      before.map((tag) => (tag.product.id === productId ? { ...tag, mediaKey: null, x: null, y: null, atMs: null, ...place } : tag)),
    );

  const saveOrQueue = (publish: boolean) => {
    setError(null);
    if (uploading) setQueued(publish ? 'publish' : 'draft');
    else void save(publish);
  };

  const save = async (publish: boolean) => {
    const common = { title, body, topics: topicsOf(body), productTags: tagInputs(tags, items) };
    const sponsorBrand = sponsor?.id ?? null;
    let saved: { note?: { id: string } | null; error?: { message: string } | null } | undefined;
    let failed: Error | undefined;
    if (draft.id) {
      const result = await update({
        id: draft.id,
        input: { ...common, media: items.map(mediaInput), ...(sponsorTouched ? { sponsorBrandId: sponsorBrand } : {}) },
      });
      saved = result.data?.updateNote;
      failed = result.error;
      if (saved?.note && !saved.error && publish && draft.status === 'DRAFT') {
        const published = await publishNow({ id: draft.id });
        saved = published.data?.publishNote;
        failed = published.error;
      }
    } else {
      const result = await create({ input: { ...common, kind, media: items.map(mediaInput), sponsorBrandId: sponsorBrand, publish } });
      saved = result.data?.createNote;
      failed = result.error;
    }
    if (failed || saved?.error || !saved?.note) {
      setError(saved?.error?.message ?? failed?.message ?? '');
      return;
    }
    navigate('/studio', { state: { saved: saved.note.id } });
  };

  useEffect(() => {
    if (queued === null || uploading) return;
    setQueued(null);
    // A file refused on the way keeps the note unsaved: the creator removes it or tries it again, then saves.
    if (!failedFiles) void save(queued === 'publish');
    // Runs on the queue and the uploads alone: save, made anew each render, reads the form as it is when they end.
  }, [queued, uploading, failedFiles]);

  const positionOf = (key: string) => items.findIndex((item) => item.key === key) + 1;

  return (
    <form
      className="note-form"
      onSubmit={(event) => {
        event.preventDefault();
        saveOrQueue(true);
      }}
    >
      <h1>{draft.id ? t('studio.edit.title') : t('studio.new.title')}</h1>
      <div className="note-form-grid">
        <div className="note-form-main">
          <section className="studio-section" aria-labelledby={`${titleId}-media`}>
            <h2 id={`${titleId}-media`}>{t('studio.media.heading')}</h2>
            {items.length < 9 && kind !== 'VIDEO' && <MediaPicker onFiles={addFiles} refusal={refusal} />}
            <MediaTiles
              items={items}
              selected={shown?.key ?? null}
              onSelect={setSelected}
              onMove={move}
              onCover={makeCover}
              onRemove={removeFile}
              onRetry={retry}
            />
            {shown && shown.phase !== 'failed' && (
              <PinStage item={shown} position={positionOf(shown.key)} tags={tags} active={activeTag} onPin={pin} />
            )}
          </section>
          <ProductTags
            tags={tags}
            active={active}
            positionOf={positionOf}
            onAdd={addTag}
            onActivate={setActive}
            onRemove={(productId) => {
              setTags((before) => before.filter((tag) => tag.product.id !== productId));
              if (active === productId) setActive(null);
            }}
          />
        </div>
        <div className="note-form-side">
          <div className="field">
            <label htmlFor={titleId}>{t('studio.noteTitle')}</label>
            <input
              id={titleId}
              className="input"
              value={title}
              maxLength={MAX_TITLE}
              required
              aria-describedby={`${titleId}-count`}
              data-testid="note-title"
              onChange={(event) => setTitle(event.target.value)}
            />
            {/* The counter for the eye; the same in words for a screen reader. */}
            <span className="muted small" aria-hidden="true">
              {title.length}/{MAX_TITLE}
            </span>
            <span id={`${titleId}-count`} className="visually-hidden">
              {t('studio.titleCount', { count: title.length, max: MAX_TITLE })}
            </span>
          </div>
          <BodyField value={body} onChange={setBody} />
          <SponsorField
            brands={brands}
            sponsored={sponsored}
            brandId={sponsor?.id ?? null}
            onSponsored={(next) => {
              setSponsored(next);
              setSponsorTouched(true);
            }}
            onBrand={(id) => {
              setSponsorBrandId(id);
              setSponsorTouched(true);
            }}
          />
          <NotePreview cover={items[0] ?? null} title={title} body={body} sponsor={sponsor} sponsoredPending={sponsored && !sponsor} />
          {error !== null && (
            <p className="form-error" role="alert" data-testid="save-error">
              {t('studio.saveFailed', { message: error })}
            </p>
          )}
          {failedFiles && <p className="muted small">{t('studio.failedFiles')}</p>}
          {queued !== null && (
            <p className="muted small" role="status" data-testid="save-queued">
              {t(queued === 'publish' ? 'studio.publishQueued' : 'studio.draftQueued')}
            </p>
          )}
          <div className="form-actions">
            {draft.status !== 'PUBLISHED' && draft.status !== 'PROCESSING' && (
              <button
                type="button"
                className="button"
                data-testid="save-draft"
                disabled={busy || failedFiles || items.length === 0}
                onClick={() => saveOrQueue(false)}
              >
                {t('studio.saveDraft')}
              </button>
            )}
            <button type="submit" className="button primary" data-testid="publish" disabled={busy || failedFiles || items.length === 0}>
              {draft.status === null || draft.status === 'DRAFT' ? t('studio.publish') : t('studio.saveChanges')}
            </button>
          </div>
        </div>
      </div>
    </form>
  );
}
