import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Order webhooks are signed like Stripe's: HMAC-SHA256, keyed by the brand's secret, over
 * `${timestamp}.${raw body}`, sent as `X-Seedfeed-Signature: t=<unix seconds>,v1=<hex>`. The
 * timestamp inside the signature stops a captured request from being replayed later.
 */
export const SIGNATURE_HEADER = 'x-seedfeed-signature';
export const SIGNATURE_TOLERANCE_S = 300;

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('hex')}`;
}

export function signWebhook(secret: string, body: string | Buffer, timestampS: number): string {
  return `t=${timestampS},v1=${digest(secret, timestampS, body)}`;
}

export type SignatureVerdict = 'ok' | 'missing' | 'malformed' | 'expired' | 'mismatch';

export function verifyWebhook(secret: string, body: Buffer, header: string | undefined, nowS: number): SignatureVerdict {
  if (!header) return 'missing';
  const parts = new Map(
    header.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const stamp = parts.get('t') ?? '';
  const given = parts.get('v1');
  if (!/^\d{1,12}$/.test(stamp) || !given || !/^[0-9a-f]{64}$/i.test(given)) return 'malformed';
  const t = Number(stamp);
  if (Math.abs(nowS - t) > SIGNATURE_TOLERANCE_S) return 'expired';
  const expected = Buffer.from(digest(secret, t, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex')) ? 'ok' : 'mismatch';
}

function digest(secret: string, timestampS: number, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestampS}.`).update(body).digest('hex');
}
