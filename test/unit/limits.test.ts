import { createPaymentProvider } from '../../commerce/payments';
import { parse } from 'graphql';
import { operationDepth } from '../../api/limits';
import { decodeCursor, encodeCursor } from '../../core/cursor';
import { loadConfig } from '../../core/config';
import { isUuid, uuidv7 } from '../../core/ids';

describe('operationDepth', () => {
  it('counts nested fields, follows fragments once per path and ignores introspection', () => {
    expect(operationDepth(parse('{ a { b { c } } }'))).toBe(3);
    expect(operationDepth(parse('{ a { ...F } } fragment F on T { b { c { d } } }'))).toBe(4);
    expect(operationDepth(parse('{ a { ...F } } fragment F on T { b ...F }'))).toBe(2);
    expect(operationDepth(parse('{ __schema { types { name } } a }'))).toBe(1);
    expect(operationDepth(parse('query A { a } query B { a { b { c } } }'), 'A')).toBe(1);
  });
});

describe('cursors', () => {
  it('round-trips and refuses tampered cursors', () => {
    const cursor = encodeCursor([1700000000000, 'abc']);
    expect(decodeCursor(cursor, ['number', 'string'] as const)).toEqual([1700000000000, 'abc']);
    expect(() => decodeCursor(cursor, ['string', 'number'] as const)).toThrow('cursor');
    expect(() => decodeCursor('%%%not base64', ['number'] as const)).toThrow('cursor');
    expect(() => decodeCursor(encodeCursor([1, 2, 3]), ['number'] as const)).toThrow('cursor');
  });
});

describe('uuidv7', () => {
  it('is a valid, time-ordered UUID', () => {
    const a = uuidv7(1_000);
    const b = uuidv7(2_000);
    expect(isUuid(a)).toBe(true);
    expect(a[14]).toBe('7');
    expect(a < b).toBe(true);
  });
});

describe('config', () => {
  it('applies documented defaults and refuses unknown roles and production without a secret', () => {
    const config = loadConfig({});
    expect(config.ROLES).toEqual(['api', 'worker', 'trainer']);
    expect(config.PORT).toBe(4000);
    expect(() => loadConfig({ ROLES: 'api,cook' })).toThrow('unknown role "cook"');
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow('JWT_SECRET');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-long-production-secret' }).isProduction).toBe(true);
  });

  it('seeds the demo world on first start in development, and in production only when asked', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'a-long-production-secret' };
    expect(loadConfig({}).SEED_ON_START).toBe(true);
    expect(loadConfig({ SEED_ON_START: '0' }).SEED_ON_START).toBe(false);
    expect(loadConfig(production).SEED_ON_START).toBe(false);
    expect(loadConfig({ ...production, SEED_ON_START: '1' }).SEED_ON_START).toBe(true);
  });

  it('takes test-card payments outside production only, unless told otherwise', async () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'a-long-production-secret' };
    expect(loadConfig({}).PAYMENT_PROVIDER).toBe('test');
    expect(loadConfig(production).PAYMENT_PROVIDER).toBe('none');
    expect(loadConfig({ ...production, PAYMENT_PROVIDER: 'test' }).PAYMENT_PROVIDER).toBe('test');
    const shopOnly = createPaymentProvider('none');
    expect(shopOnly.options()).toEqual([]);
    const charge = { orderId: 'o', amountMinor: 100, currency: 'CNY', method: 'test_card' };
    expect((await shopOnly.charge(charge)).status).toBe('declined');
    expect(await createPaymentProvider('test').charge(charge)).toEqual({ status: 'paid', paymentRef: expect.stringMatching(/^test_/) });
  });
});
