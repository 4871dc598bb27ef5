import { createPaymentProvider } from '../../commerce/payments';
import { buildSchema, Kind, parse } from 'graphql';
import { MAX_VARIABLE_VALUES, operationDepth, operationGuard, readVariables } from '../../api/limits';
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

  it('measures each fragment once, however many paths lead to it', () => {
    // Each fragment spreads the one below twice: 65,536 paths down to F0.
    const levels = Array.from({ length: 16 }, (_, i) => `fragment F${i + 1} on T { ...F${i} ...F${i} }`).join(' ');
    const document = parse(`{ a { ...F16 } } fragment F0 on T { b { c } } ${levels}`);
    const bottom = document.definitions.find((def) => def.kind === Kind.FRAGMENT_DEFINITION && def.name.value === 'F0');
    let reads = 0;
    const { selectionSet } = bottom as { selectionSet: unknown };
    Object.defineProperty(bottom, 'selectionSet', {
      get: () => {
        reads += 1;
        return selectionSet;
      },
    });
    expect(operationDepth(document)).toBe(3);
    expect(reads).toBe(1);
  });
});

describe('readVariables', () => {
  const nested = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

  it('takes variables 32 levels deep and refuses 33, or 100,000, without recursing', () => {
    expect(readVariables({ v: nested(32), s: 'text', n: null }).refusal).toBeUndefined();
    expect(readVariables({ v: nested(33) }).refusal).toBe('Variables are nested more than 32 levels deep');
    expect(readVariables({ v: nested(100_000) }).refusal).toBe('Variables are nested more than 32 levels deep');
    expect(readVariables(JSON.parse('{"__proto__": {"a": [1, 2]}}'))).toEqual({ values: 4 });
  });

  it('refuses more values than the limit, however shallow', () => {
    expect(readVariables({ v: Array.from({ length: MAX_VARIABLE_VALUES - 1 }, () => 0) })).toEqual({ values: MAX_VARIABLE_VALUES });
    expect(readVariables({ v: Array.from({ length: MAX_VARIABLE_VALUES }, () => 0) }).refusal).toBe(
      `Variables hold more than ${MAX_VARIABLE_VALUES} values`,
    );
  });
});

describe('operationGuard', () => {
  const schema = buildSchema('type Query { ping: Boolean }');
  const limits = {
    GRAPHQL_MAX_DEPTH: 8,
    GRAPHQL_MAX_COMPLEXITY: 1000,
    GRAPHQL_MAX_TOKENS: 2000,
    GRAPHQL_MAX_ALIASES: 30,
    GRAPHQL_MAX_DIRECTIVES: 30,
    isProduction: false,
  };

  it('refuses an operationName that names no operation, and an open choice, without tainting the operation it names', () => {
    const guard = operationGuard(limits);
    const single = parse('{ ping }');
    expect(guard(schema, single, 'Nope', {})?.message).toBe('The document has no operation named "Nope"');
    expect(guard(schema, single, '', {})?.extensions.code).toBe('BAD_USER_INPUT');
    expect(guard(schema, single, undefined, {})).toBeUndefined();
    expect(guard(schema, single, null, {})).toBeUndefined();
    const two = parse('query A { ping } query B { ping }');
    expect(guard(schema, two, undefined, {})?.message).toBe('The document has several operations; say which one to run in operationName');
    expect(guard(schema, two, 'B', {})).toBeUndefined();
  });

  it('refuses variables too deep to key or coerce as bad input instead of throwing', () => {
    const refusal = operationGuard(limits)(schema, parse('{ ping }'), undefined, {
      v: JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    });
    expect(refusal?.extensions).toEqual({ code: 'BAD_USER_INPUT', http: { status: 400 } });
  });

  it('refuses variables of the wrong type as bad input, and leaves the items of a long list to the executor', () => {
    const guard = operationGuard(limits);
    const typed = buildSchema('type Query { sum(xs: [Int!]!, first: Int): Int }');
    const document = parse('query Sum($xs: [Int!]!, $first: Int) { sum(xs: $xs, first: $first) }');
    const refused = guard(typed, document, undefined, { xs: [1, 2, 'three'] });
    expect(refused?.extensions.code).toBe('BAD_USER_INPUT');
    expect(refused?.message).toContain('Int cannot represent non-integer value: "three"');
    expect(guard(typed, document, undefined, { xs: 'three', first: 'four' })?.extensions.code).toBe('BAD_USER_INPUT');
    const batch = Array.from({ length: 500 }, (_, i) => i);
    expect(guard(typed, document, undefined, { xs: [...batch, 'three'] })).toBeUndefined();
    expect(guard(typed, document, undefined, { xs: batch, first: 'four' })?.extensions.code).toBe('BAD_USER_INPUT');
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

  it('stays unique within one millisecond, across refills of its pool of random bytes', () => {
    const ids = Array.from({ length: 1_000 }, () => uuidv7(5_000));
    expect(new Set(ids).size).toBe(1_000);
    expect(ids.every((id) => isUuid(id) && id.startsWith('00000000-1388-7'))).toBe(true);
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
