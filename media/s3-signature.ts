import { createHash, createHmac } from 'node:crypto';

/** AWS Signature Version 4 for the Authorization header, as S3 (and MinIO, R2, ...) checks it. */

export const EMPTY_PAYLOAD_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service: string;
}

export interface SigV4Request {
  method: string;
  url: URL;
  /** Headers to send and sign. `host`, `x-amz-date` and `x-amz-content-sha256` are added here. */
  headers: Record<string, string>;
  /** Hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`. */
  payloadHash: string;
}

export interface SignedRequest {
  /** The request's headers plus `x-amz-date`, `x-amz-content-sha256` and `authorization`; `host` is left to fetch, which derives the same value from the URL. */
  headers: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function signV4(request: SigV4Request, credentials: SigV4Credentials, now: Date): SignedRequest {
  const amzDate = now.toISOString().replace(/[-:]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${credentials.region}/${credentials.service}/aws4_request`;

  const toSign: Record<string, string> = { host: request.url.host, 'x-amz-date': amzDate, 'x-amz-content-sha256': request.payloadHash };
  for (const [name, value] of Object.entries(request.headers)) toSign[name.toLowerCase()] = value.trim().replace(/ +/g, ' ');
  const names = Object.keys(toSign).sort();
  const signedHeaders = names.join(';');

  const canonicalRequest = [
    request.method,
    canonicalUri(request.url.pathname),
    canonicalQuery(request.url.search),
    names.map((name) => `${name}:${toSign[name]}\n`).join(''),
    signedHeaders,
    request.payloadHash,
  ].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');

  const signingKey = [day, credentials.region, credentials.service, 'aws4_request'].reduce<Buffer>(
    (key, part) => hmac(key, part),
    Buffer.from(`AWS4${credentials.secretAccessKey}`),
  );
  const signature = hmac(signingKey, stringToSign).toString('hex');

  return {
    headers: {
      ...request.headers,
      'x-amz-date': amzDate,
      'x-amz-content-sha256': request.payloadHash,
      authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`,
    },
    canonicalRequest,
    stringToSign,
    signature,
  };
}

/** AWS's URI encoding: every byte but A-Z a-z 0-9 - . _ ~ as %XX (encodeURIComponent also spares ! ' ( ) *). */
function awsUriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

// S3 signs the path encoded exactly once and not normalised, unlike other AWS services.
function canonicalUri(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => awsUriEncode(decodeURIComponent(segment)))
    .join('/');
}

// Parsed by hand rather than with URLSearchParams, which reads '+' as a space.
function canonicalQuery(search: string): string {
  if (search.length <= 1) return '';
  return search
    .slice(1)
    .split('&')
    .map((pair) => {
      const at = pair.indexOf('=');
      const [name, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
      return [awsUriEncode(decodeURIComponent(name)), awsUriEncode(decodeURIComponent(value))] as const;
    })
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function hmac(key: Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}
