import { describe, expect, it } from 'vitest';
import { curlCommand, hmacSha256Hex, signWebhook } from './signature';

describe('webhook signatures', () => {
  it('are HMAC-SHA256 in hex (RFC 4231, test case 2)', async () => {
    expect(await hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('sign "<t>.<body>" and say t and v1 as the server reads them', async () => {
    const header = await signWebhook('Jefe', 'what do ya want for nothing?', 42);
    expect(header).toBe(`t=42,v1=${await hmacSha256Hex('Jefe', '42.what do ya want for nothing?')}`);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });

  it('quote the body for the shell so that curl sends it byte for byte', () => {
    const command = curlCommand('http://localhost/webhooks/orders/b', `{"reason":"it's"}`, 't=1,v1=ab');
    expect(command).toContain(`--data-raw '{"reason":"it'\\''s"}'`);
    expect(command).toContain(`-H 'X-Seedfeed-Signature: t=1,v1=ab'`);
  });
});
