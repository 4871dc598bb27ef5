import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { authHeaders } from '../session';

/**
 * Admins: the job queues' dashboard (bull-board, served by the API at /admin/queues). A browser tab opened on it sends
 * no bearer token, so the page first trades the token for a cookie that only /admin receives, then opens the board.
 */
export function JobsPage() {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);

  async function open() {
    setProblem(null);
    setOpening(true);
    // Opened before the request, inside the click, so that the browser does not take it for a pop-up.
    const tab = window.open('about:blank', '_blank');
    try {
      const res = await fetch('/admin/session', { method: 'POST', headers: authHeaders(), credentials: 'same-origin' });
      const body = (await res.json()) as { url?: string; error?: { message?: string } };
      if (!res.ok || !body.url) throw new Error(body.error?.message ?? res.statusText);
      if (tab) tab.location.href = body.url;
      else window.location.assign(body.url);
    } catch (error) {
      tab?.close();
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setOpening(false);
    }
  }

  return (
    <section aria-labelledby="jobs-title" data-testid="console-jobs">
      <h2 id="jobs-title">{t('console.jobs.title')}</h2>
      <p className="muted">{t('console.jobs.hint')}</p>
      <button type="button" className="button" onClick={() => void open()} disabled={opening} data-testid="open-jobs">
        {t('console.jobs.open')}
      </button>
      {problem && (
        <p role="alert" className="form-error">
          {t('console.jobs.failed', { message: problem })}
        </p>
      )}
    </section>
  );
}
