import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { useAuth, type Viewer } from '../account/auth';
import { TOPICS } from '../explore/channels';
import { useI18n } from '../i18n/i18n';
import { Avatar } from '../ui/Avatar';
import { ErrorRetry } from '../ui/ErrorRetry';
import { ProfileQuery, UpdateInterestsMutation, UpdateProfileMutation, UploadStatusQuery } from './profileQueries';
import { UploadRefused, uploadFile } from './upload';
import './profile.css';

const POLL_MS = 1_000;

type AvatarUpload =
  | { state: 'unchanged' }
  | { state: 'uploading'; percent: number }
  | { state: 'processing'; percent: number }
  | { state: 'ready'; id: string; preview: string }
  | { state: 'failed'; message: string }
  | { state: 'notImage' };

type FieldErrors = Partial<Record<'displayName' | 'bio' | 'avatarUploadId' | 'interests' | 'form', string>>;

/** An error's field as the form names it: the API may give a dotted path (input.displayName). */
function fieldOf(path: string | null | undefined): keyof FieldErrors {
  const name = path?.split('.').at(-1);
  return name === 'displayName' || name === 'bio' || name === 'avatarUploadId' || name === 'interests' ? name : 'form';
}

export function EditProfilePage() {
  const { signedIn, viewer } = useAuth();
  const { t } = useI18n();
  if (!signedIn) return <Navigate to="/login" replace />;
  if (!viewer)
    return (
      <p className="feed-status">
        <span className="spinner" aria-hidden="true" /> {t('feed.loading')}
      </p>
    );
  return <EditProfile viewer={viewer} />;
}

function EditProfile({ viewer }: { viewer: Viewer }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const client = useClient();
  const [{ data, error }, refetch] = useQuery({ query: ProfileQuery, variables: { id: viewer.id }, requestPolicy: 'network-only' });
  const [saving, updateProfile] = useMutation(UpdateProfileMutation);
  const [savingInterests, updateInterests] = useMutation(UpdateInterestsMutation);
  const [avatar, setAvatar] = useState<AvatarUpload>({ state: 'unchanged' });
  const [interests, setInterests] = useState<string[]>(viewer.interests);
  const [errors, setErrors] = useState<FieldErrors>({});
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  // The preview's object URL holds the file in memory until it is revoked.
  const preview = avatar.state === 'ready' ? avatar.preview : null;
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  const user = data?.user;
  if (error && !user) return <ErrorRetry error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!user)
    return (
      <p className="feed-status">
        <span className="spinner" aria-hidden="true" /> {t('feed.loading')}
      </p>
    );

  const chooseAvatar = async (file: File) => {
    setErrors(({ avatarUploadId: _, ...rest }) => rest);
    // The picker asks for images, but a dropped or "all files" choice can still be a video.
    if (!file.type.startsWith('image/')) return setAvatar({ state: 'notImage' });
    setAvatar({ state: 'uploading', percent: 0 });
    try {
      const { id } = await uploadFile(file, (percent) => alive.current && setAvatar({ state: 'uploading', percent }));
      for (;;) {
        if (!alive.current) return;
        const result = await client.query(UploadStatusQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
        const upload = result.data?.upload;
        if (result.error || !upload) throw new UploadRefused(0, 'NETWORK', result.error?.message ?? 'upload not found');
        if (upload.status === 'READY') return setAvatar({ state: 'ready', id, preview: URL.createObjectURL(file) });
        if (upload.status === 'FAILED') return setAvatar({ state: 'failed', message: upload.failure?.message ?? '' });
        setAvatar({ state: 'processing', percent: upload.progress });
        await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
      }
    } catch (failure) {
      if (!alive.current) return;
      setAvatar({ state: 'failed', message: failure instanceof UploadRefused ? failure.message : String(failure) });
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setErrors({});
    const result = await updateProfile({
      input: {
        displayName: String(form.get('displayName')),
        bio: String(form.get('bio')),
        ...(avatar.state === 'ready' ? { avatarUploadId: avatar.id } : {}),
      },
    });
    const problem = result.data?.updateProfile.error;
    if (result.error || problem) {
      setErrors({ [fieldOf(problem?.field)]: problem?.message ?? t('error.generic') });
      return;
    }
    if (interests.join() !== viewer.interests.join()) {
      const next = await updateInterests({ interests });
      const refused = next.data?.updateInterests.error;
      if (next.error || refused) {
        setErrors({ interests: refused?.message ?? t('error.generic') });
        return;
      }
    }
    navigate(`/user/${viewer.id}`);
  };

  const busy = saving.fetching || savingInterests.fetching || avatar.state === 'uploading' || avatar.state === 'processing';
  const describedBy = (field: keyof FieldErrors) => (errors[field] ? `edit-${field}-error` : undefined);
  const fieldError = (field: keyof FieldErrors) =>
    errors[field] && (
      <span id={`edit-${field}-error`} className="form-error" role="alert">
        {errors[field]}
      </span>
    );

  return (
    <form className="edit-form" onSubmit={(event) => void submit(event)}>
      <h1 className="page-heading">{t('edit.title')}</h1>
      <div className="field">
        <span id="edit-avatar-label">{t('edit.avatar')}</span>
        <div className="avatar-field">
          <Avatar user={{ displayName: user.displayName, avatarUrl: preview ?? user.avatarUrl }} size={72} />
          <label className="button small">
            {t('edit.chooseAvatar')}
            <input
              type="file"
              accept="image/*"
              className="visually-hidden"
              aria-labelledby="edit-avatar-label"
              aria-describedby="edit-avatar-status"
              data-testid="avatar-input"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void chooseAvatar(file);
                event.target.value = '';
              }}
            />
          </label>
        </div>
        <span id="edit-avatar-status" role="status" data-testid="avatar-status">
          {avatar.state === 'uploading' && t('edit.uploading', { percent: avatar.percent })}
          {avatar.state === 'processing' && t('edit.processing', { percent: avatar.percent })}
          {avatar.state === 'ready' && t('edit.avatarReady')}
        </span>
        {avatar.state === 'notImage' && (
          <span className="form-error" role="alert">
            {t('edit.notImage')}
          </span>
        )}
        {avatar.state === 'failed' && (
          <span className="form-error" role="alert">
            {t('edit.uploadFailed', { message: avatar.message })}
          </span>
        )}
        {fieldError('avatarUploadId')}
      </div>
      <label className="field">
        <span>{t('auth.displayName')}</span>
        <input
          className="input"
          name="displayName"
          defaultValue={user.displayName}
          required
          maxLength={60}
          aria-invalid={Boolean(errors.displayName)}
          aria-describedby={describedBy('displayName')}
        />
        {fieldError('displayName')}
      </label>
      <label className="field">
        <span>{t('edit.bio')}</span>
        <textarea
          className="input"
          name="bio"
          rows={3}
          defaultValue={user.bio}
          maxLength={200}
          aria-invalid={Boolean(errors.bio)}
          aria-describedby={describedBy('bio') ?? 'edit-bio-hint'}
        />
        <span id="edit-bio-hint" className="muted small">
          {t('edit.bioHint')}
        </span>
        {fieldError('bio')}
      </label>
      <fieldset className="interests" aria-describedby={describedBy('interests')}>
        <legend>{t('edit.interests')}</legend>
        <div className="chips">
          {TOPICS.map((topic) => (
            <button
              key={topic}
              type="button"
              className="chip"
              aria-pressed={interests.includes(topic)}
              onClick={() => setInterests((before) => (before.includes(topic) ? before.filter((x) => x !== topic) : [...before, topic]))}
            >
              {t(`topic.${topic}`)}
            </button>
          ))}
        </div>
        {fieldError('interests')}
      </fieldset>
      {fieldError('form')}
      <div className="avatar-field">
        <button type="submit" className="button primary" disabled={busy}>
          {saving.fetching || savingInterests.fetching ? t('edit.saving') : t('edit.save')}
        </button>
        <Link to={`/user/${viewer.id}`}>{t('edit.cancel')}</Link>
      </div>
    </form>
  );
}
