import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useI18n } from '../../i18n/i18n';
import { dateTime } from '../format';
import { ConsoleSampleProductQuery, RotateWebhookSecretMutation } from './queries';
import { curlCommand, signWebhook } from './signature';

interface Secret {
  brandId: string;
  secret: string;
  previousValidUntil: string | null;
}

/**
 * Order webhook settings: a new signing secret, shown once (the API keeps only what verifies it), and a ready-to-run
 * request to the brand's webhook endpoint signed with it in the browser.
 */
export function WebhooksPage() {
  const { t, lang } = useI18n();
  const [{ fetching }, rotate] = useMutation(RotateWebhookSecretMutation);
  const [secret, setSecret] = useState<Secret | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  async function rotateSecret() {
    setProblem(null);
    setCopied(false);
    const payload = (await rotate({})).data?.rotateWebhookSecret;
    if (payload?.secret && payload.brandId)
      setSecret({ brandId: payload.brandId, secret: payload.secret, previousValidUntil: payload.previousSecretValidUntil ?? null });
    else setProblem(payload?.error?.message ?? t('error.generic'));
  }

  async function copy(text: string) {
    await navigator.clipboard.writeText(text);
    setCopied(true);
  }

  return (
    <section aria-labelledby="webhooks-title" data-testid="console-webhooks">
      <h2 id="webhooks-title">{t('console.nav.webhooks')}</h2>
      <p>{t('console.webhooks.intro')}</p>
      <button type="button" className="button primary" disabled={fetching} onClick={() => void rotateSecret()} data-testid="rotate-secret">
        {secret ? t('console.webhooks.rotateAgain') : t('console.webhooks.rotate')}
      </button>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {secret && (
        <div className="secret-box">
          <p className="notice" role="alert">
            {t('console.webhooks.once')}
          </p>
          <label className="field">
            {t('console.webhooks.secret')}
            <span className="copy-row">
              <input className="input mono" readOnly value={secret.secret} data-testid="webhook-secret" />
              <button type="button" className="button" onClick={() => void copy(secret.secret)}>
                {copied ? t('console.webhooks.copied') : t('console.webhooks.copy')}
              </button>
            </span>
          </label>
          {secret.previousValidUntil && (
            <p className="muted small">{t('console.webhooks.previous', { until: `${dateTime(secret.previousValidUntil, lang)} UTC` })}</p>
          )}
          <SampleRequest secret={secret} />
        </div>
      )}
    </section>
  );
}

function SampleRequest({ secret }: { secret: Secret }) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: ConsoleSampleProductQuery });
  const product = data?.viewer?.brand?.products.edges[0]?.node;
  const [signedAt, setSignedAt] = useState(() => Math.floor(Date.now() / 1000));
  const [command, setCommand] = useState<string | null>(null);

  useEffect(() => {
    if (!product) return;
    // A fresh order id each time, so that a second run records a second order rather than a duplicate.
    const body = JSON.stringify({
      type: 'order.paid',
      orderId: `sample-${crypto.randomUUID()}`,
      productId: product.id,
      quantity: 1,
      amountMinor: product.price.amountMinor,
      currency: product.price.currency,
      occurredAt: new Date(signedAt * 1000).toISOString(),
    });
    const url = `${location.origin}/webhooks/orders/${secret.brandId}`;
    let current = true;
    void signWebhook(secret.secret, body, signedAt).then((signature) => current && setCommand(curlCommand(url, body, signature)));
    return () => {
      current = false;
    };
  }, [product, secret, signedAt]);

  if (data && !product) return <p className="muted">{t('console.webhooks.noProduct')}</p>;
  return (
    <section aria-labelledby="sample-title">
      <h3 id="sample-title">{t('console.webhooks.sample')}</h3>
      <p className="muted small">{t('console.webhooks.sampleHint')}</p>
      {command && (
        <pre className="code-block" data-testid="webhook-curl" tabIndex={0}>
          {command}
        </pre>
      )}
      <button type="button" className="button" onClick={() => setSignedAt(Math.floor(Date.now() / 1000))}>
        {t('console.webhooks.signAgain')}
      </button>
    </section>
  );
}
