import { newWebhookSecret, signWebhook, SIGNATURE_TOLERANCE_S, verifyWebhook } from '../../commerce/webhook-signature';

const secret = 'whsec_test_secret';
const body = '{"type":"order.paid","orderId":"ord_1","amountMinor":1299}';
const now = 1_700_000_000;
const hex64 = 'a'.repeat(64);

describe('webhook signatures', () => {
  it('verifies what it signed', () => {
    const header = signWebhook(secret, body, now);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhook(secret, Buffer.from(body), header, now)).toBe('ok');
  });

  it('signs a Buffer body the same as its string', () => {
    expect(signWebhook(secret, Buffer.from(body), now)).toBe(signWebhook(secret, body, now));
  });

  it('accepts whitespace around the parts of the header', () => {
    const [t, v1] = signWebhook(secret, body, now).split(',');
    expect(verifyWebhook(secret, Buffer.from(body), ` ${t} , ${v1} `, now)).toBe('ok');
  });

  it('rejects a body with one byte changed', () => {
    const header = signWebhook(secret, body, now);
    const tampered = Buffer.from(body);
    tampered[tampered.length - 2] = (tampered[tampered.length - 2] as number) ^ 1;
    expect(verifyWebhook(secret, tampered, header, now)).toBe('mismatch');
  });

  it('rejects a signature made with another secret', () => {
    const header = signWebhook('whsec_other_secret', body, now);
    expect(verifyWebhook(secret, Buffer.from(body), header, now)).toBe('mismatch');
  });

  it('rejects a signature whose timestamp was changed', () => {
    const v1 = signWebhook(secret, body, now).split(',')[1];
    expect(verifyWebhook(secret, Buffer.from(body), `t=${now + 1},${v1}`, now)).toBe('mismatch');
  });

  it('reports a missing header', () => {
    expect(verifyWebhook(secret, Buffer.from(body), undefined, now)).toBe('missing');
    expect(verifyWebhook(secret, Buffer.from(body), '', now)).toBe('missing');
  });

  it.each([
    ['v1=zz'],
    [`t=abc,v1=${hex64}`],
    [`t=${now},v1=zz`],
    [`t=${now}`],
    [`v1=${hex64}`],
    [`t=${now},v1=${'a'.repeat(63)}`],
    [`t=${now},v1=${'a'.repeat(66)}`],
    [`t=${now},v1=${'g'.repeat(64)}`],
    [`t=${now}.5,v1=${hex64}`],
    ['garbage'],
  ])('reports a malformed header: %s', (header) => {
    expect(verifyWebhook(secret, Buffer.from(body), header, now)).toBe('malformed');
  });

  it('reports a header with an empty timestamp as malformed', () => {
    expect(verifyWebhook(secret, Buffer.from(body), `t=,v1=${hex64}`, now)).toBe('malformed');
    expect(verifyWebhook(secret, Buffer.from(body), `t= ,v1=${hex64}`, now)).toBe('malformed');
  });

  it('rejects a timestamp more than the tolerance in the past or the future', () => {
    const past = now - SIGNATURE_TOLERANCE_S - 1;
    const future = now + SIGNATURE_TOLERANCE_S + 1;
    expect(verifyWebhook(secret, Buffer.from(body), signWebhook(secret, body, past), now)).toBe('expired');
    expect(verifyWebhook(secret, Buffer.from(body), signWebhook(secret, body, future), now)).toBe('expired');
  });

  it('accepts a timestamp exactly at the tolerance, either way', () => {
    const past = now - SIGNATURE_TOLERANCE_S;
    const future = now + SIGNATURE_TOLERANCE_S;
    expect(verifyWebhook(secret, Buffer.from(body), signWebhook(secret, body, past), now)).toBe('ok');
    expect(verifyWebhook(secret, Buffer.from(body), signWebhook(secret, body, future), now)).toBe('ok');
  });
});

describe('newWebhookSecret', () => {
  it('has the whsec_ prefix and 32 random bytes in hex', () => {
    expect(newWebhookSecret()).toMatch(/^whsec_[0-9a-f]{64}$/);
  });

  it('differs between calls', () => {
    const secrets = new Set(Array.from({ length: 20 }, () => newWebhookSecret()));
    expect(secrets.size).toBe(20);
  });

  it('works as a signing key', () => {
    const fresh = newWebhookSecret();
    expect(verifyWebhook(fresh, Buffer.from(body), signWebhook(fresh, body, now), now)).toBe('ok');
    expect(verifyWebhook(newWebhookSecret(), Buffer.from(body), signWebhook(fresh, body, now), now)).toBe('mismatch');
  });
});
