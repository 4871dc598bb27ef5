import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { TOPICS } from '../explore/channels';
import { useI18n } from '../i18n/i18n';
import type { PlainMessageKey } from '../i18n/messages';
import { LogInMutation, SignUpMutation } from '../queries';
import { useAuth } from './auth';

interface Outcome {
  token?: string | null;
  error?: { message: string } | null;
}

/** Where a signed-in person goes next: back where the sign-in was asked for, else the feed. */
function useFinish() {
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  return (outcome: Outcome | undefined, networkError: string | undefined): string | null => {
    if (outcome?.token) {
      signIn(outcome.token);
      navigate(from, { replace: true });
      return null;
    }
    return outcome?.error?.message ?? networkError ?? '';
  };
}

function Notice() {
  const { t } = useI18n();
  const location = useLocation();
  const key = (location.state as { notice?: PlainMessageKey } | null)?.notice;
  return key ? (
    <p className="notice" role="status">
      {t(key)}
    </p>
  ) : null;
}

export function LogInPage() {
  const { t } = useI18n();
  const [{ fetching }, logIn] = useMutation(LogInMutation);
  const finish = useFinish();
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await logIn({ input: { login: String(form.get('login')), password: String(form.get('password')) } });
    setError(finish(result.data?.logIn, result.error && t('error.generic')));
  };

  return (
    <main className="auth-page" id="main">
      <form className="auth-card" onSubmit={submit}>
        <h1>{t('auth.loginTitle')}</h1>
        <Notice />
        <label className="field">
          <span>{t('auth.login')}</span>
          <input className="input" name="login" autoComplete="username" required />
        </label>
        <label className="field">
          <span>{t('auth.password')}</span>
          <input className="input" name="password" type="password" autoComplete="current-password" required />
        </label>
        {error !== null && (
          <p className="form-error" role="alert">
            {t('auth.failed', { message: error })}
          </p>
        )}
        <button type="submit" className="button primary" disabled={fetching}>
          {fetching ? t('auth.busy') : t('auth.submitLogin')}
        </button>
        <Link to="/signup" className="auth-switch">
          {t('auth.noAccount')}
        </Link>
      </form>
    </main>
  );
}

export function SignUpPage() {
  const { t } = useI18n();
  const [{ fetching }, signUp] = useMutation(SignUpMutation);
  const finish = useFinish();
  const [interests, setInterests] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const toggle = (topic: string) =>
    setInterests((before) => (before.includes(topic) ? before.filter((x) => x !== topic) : [...before, topic]));
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await signUp({
      input: {
        handle: String(form.get('handle')),
        displayName: String(form.get('displayName')),
        password: String(form.get('password')),
        role: 'VIEWER',
        interests,
      },
    });
    setError(finish(result.data?.signUp, result.error && t('error.generic')));
  };

  return (
    <main className="auth-page" id="main">
      <form className="auth-card" onSubmit={submit}>
        <h1>{t('auth.signupTitle')}</h1>
        <label className="field">
          <span>{t('auth.handle')}</span>
          <input
            className="input"
            name="handle"
            autoComplete="username"
            required
            pattern="[A-Za-z0-9_]{3,30}"
            title={t('auth.handleHint')}
          />
        </label>
        <label className="field">
          <span>{t('auth.displayName')}</span>
          <input className="input" name="displayName" autoComplete="nickname" required maxLength={40} />
        </label>
        <label className="field">
          <span>{t('auth.password')}</span>
          <input className="input" name="password" type="password" autoComplete="new-password" required minLength={8} />
        </label>
        <fieldset className="interests">
          <legend>{t('auth.interests')}</legend>
          <p className="muted small">{t('auth.interestsHint')}</p>
          <div className="chips">
            {TOPICS.map((topic) => (
              <button
                key={topic}
                type="button"
                className="chip"
                data-testid={`interest-${topic}`}
                aria-pressed={interests.includes(topic)}
                onClick={() => toggle(topic)}
              >
                {t(`topic.${topic}`)}
              </button>
            ))}
          </div>
        </fieldset>
        {error !== null && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button primary" disabled={fetching}>
          {fetching ? t('auth.busy') : t('auth.submitSignup')}
        </button>
        <Link to="/login" className="auth-switch">
          {t('auth.haveAccount')}
        </Link>
      </form>
    </main>
  );
}
