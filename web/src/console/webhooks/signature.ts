/**
 * The order webhook's signature as the server verifies it (commerce/webhook-signature.ts): HMAC-SHA256 keyed by the
 * brand's secret over `${timestamp}.${raw body}`, sent as `X-Seedfeed-Signature: t=<unix seconds>,v1=<hex>`. Computed
 * here with WebCrypto, so the secret never leaves the browser to make the sample request.
 */
export const SIGNATURE_HEADER = 'X-Seedfeed-Signature';

export async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(message));
  return [...new Uint8Array(mac)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function signWebhook(secret: string, body: string, timestampS: number): Promise<string> {
  return `t=${timestampS},v1=${await hmacSha256Hex(secret, `${timestampS}.${body}`)}`;
}

/** A shell word in single quotes: what is inside is passed as is (a quote in it closes, escapes and reopens). */
function quoted(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** The sample request: POSTs exactly the signed body, with the signature header. */
export function curlCommand(url: string, body: string, signature: string): string {
  return [
    `curl -X POST ${quoted(url)}`,
    `  -H ${quoted('content-type: application/json')}`,
    `  -H ${quoted(`${SIGNATURE_HEADER}: ${signature}`)}`,
    `  --data-raw ${quoted(body)}`,
  ].join(' \\\n');
}
