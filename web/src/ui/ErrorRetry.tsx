import type { CombinedError } from 'urql';
import { useI18n } from '../i18n/i18n';

function timedOut(error: CombinedError): boolean {
  const name = error.networkError?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/** A failed request: what went wrong in words and a way to try again, never an endless spinner. */
export function ErrorRetry({ error, onRetry }: { error: CombinedError; onRetry(): void }) {
  const { t } = useI18n();
  return (
    <div className="error-retry" role="alert">
      <p>{timedOut(error) ? t('error.timeout') : t('error.generic')}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('error.retry')}
      </button>
    </div>
  );
}
