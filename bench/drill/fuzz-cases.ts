import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { GRAPHQL_WS_PROTOCOL, initMessage, type Rng, type WsPlan } from './drill-kit';
import { rootOperations, type RootKind, type RootOperation } from './sdl';

/** Ids and tokens of the fuzz's own accounts and what they own, so that valid calls name real things. */
export interface FuzzWorld {
  tokens: { viewer: string; creator: string; brand: string; admin: string };
  /** Valid signatures, for accounts that do not exist. */
  ghostToken: string;
  expiredToken: string;
  /** Signed with another secret. */
  forgedToken: string;
  ids: Record<IdKind, string[]>;
}

export type IdKind = 'user' | 'note' | 'product' | 'brand' | 'board' | 'order' | 'upload' | 'comment';

export type Actor = 'anonymous' | 'viewer' | 'creator' | 'brand' | 'admin' | 'ghost' | 'expired' | 'forged' | 'garbage';
export type Family = 'valid' | 'invalid' | 'hostile';

/** What one case sends: a GraphQL request (any transport), a raw HTTP request, or raw WebSocket frames. */
export type FuzzRequest =
  | { type: 'graphql'; transport: 'post' | 'get' | 'ws'; payload: Record<string, unknown>; rawVariables?: string }
  | { type: 'http'; method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string | Buffer }
  | { type: 'ws'; plan: WsPlan };

export interface FuzzCase {
  index: number;
  family: Family;
  /** valid.query, invalid.unknown-field, hostile.aliases... */
  kind: string;
  actor: Actor;
  token: string | undefined;
  request: FuzzRequest;
}

const WORDS = ['drill', '口红', 'serum', '护肤', 'travel', 'coffee', 'summer', 'lipstick', '面霜', 'tech', 'home', 'beauty', 'food'];
const CATEGORIES = ['beauty', 'fashion', 'food', 'travel', 'home', 'tech'];
const CURRENCIES = ['CNY', 'USD', 'EUR', 'JPY'];
const DAY = 24 * 3600 * 1000;

/** The string fields a hostile value goes into, as variables of an operation that takes them. */
const STRING_TARGETS: readonly { doc: string; vars: (s: string) => Record<string, unknown> }[] = [
  { doc: 'query Q($s: String!) { search(query: $s) { edges { cursor } } }', vars: (s) => ({ s }) },
  { doc: 'query Q($s: String!) { topic(name: $s) { name noteCount } }', vars: (s) => ({ s }) },
  { doc: 'query Q($s: ID!) { note(id: $s) { id } }', vars: (s) => ({ s }) },
  { doc: 'query Q($s: ID!) { user(id: $s) { id handle } }', vars: (s) => ({ s }) },
  { doc: 'query Q($s: String) { feed(first: 3, after: $s) { edges { cursor } } }', vars: (s) => ({ s }) },
  { doc: 'query Q($s: String) { viewerOrders(first: 3, after: $s) { edges { cursor } } }', vars: (s) => ({ s }) },
  {
    doc: 'query Q($s: String) { analyticsFunnel(scope: {kind: BRAND, id: "00000000-0000-4000-8000-000000000000"}, range: {from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z"}, currency: $s) { impressions } }',
    vars: (s) => ({ s }),
  },
  {
    doc: 'mutation M($i: SignUpInput!) { signUp(input: $i) { token error { code field } } }',
    vars: (s) => ({ i: { handle: s, password: 'drill-password-1', displayName: s, email: `${s}@example.com`, brandName: s } }),
  },
  {
    doc: 'mutation M($i: SignUpInput!) { signUp(input: $i) { token error { code field } } }',
    vars: (s) => ({ i: { handle: `h${Date.now() % 1e9}`, password: s, displayName: s, role: 'BRAND', brandName: s } }),
  },
  { doc: 'mutation M($i: LogInInput!) { logIn(input: $i) { token error { code } } }', vars: (s) => ({ i: { login: s, password: s } }) },
  { doc: 'mutation M($s: String!) { createBoard(name: $s) { id } }', vars: (s) => ({ s }) },
  {
    doc: 'mutation M($i: UpdateProfileInput!) { updateProfile(input: $i) { error { code } } }',
    vars: (s) => ({ i: { displayName: s, bio: s } }),
  },
  { doc: 'mutation M($s: [String!]!) { updateInterests(interests: $s) { error { code } } }', vars: (s) => ({ s: [s] }) },
  {
    doc: 'mutation M($i: CreateNoteInput!) { createNote(input: $i) { note { id } error { code } } }',
    vars: (s) => ({
      i: { kind: 'IMAGE', title: s, body: s, topics: [s], media: [{ url: `https://img.example.com/${s}`, width: 10, height: 10 }] },
    }),
  },
  {
    doc: 'mutation M($i: CreateProductInput!) { createProduct(input: $i) { error { code } } }',
    vars: (s) => ({
      i: {
        title: s,
        description: s,
        priceMinor: 100,
        currency: s,
        category: s,
        stock: 1,
        buyUrl: `https://x.example.com/${s}`,
        images: [s],
      },
    }),
  },
  {
    doc: 'mutation M($e: [EventInput!]!) { recordEvents(events: $e) { accepted rejected { code } error { code } } }',
    vars: (s) => ({ e: [{ eventId: s, type: 'VIEW', noteId: s, productId: s, sessionId: s }] }),
  },
  {
    doc: 'mutation M($i: CheckoutInput!) { checkout(input: $i) { error { code } } }',
    vars: (s) => ({ i: { productId: s, quantity: 1, idempotencyKey: s } }),
  },
  { doc: 'mutation M($i: PayOrderInput!) { payOrder(input: $i) { error { code } } }', vars: (s) => ({ i: { orderId: s, method: s } }) },
  {
    doc: 'mutation M($i: RefundInput!) { refundOrder(input: $i) { error { code } } }',
    vars: (s) => ({ i: { orderId: s, reason: s, idempotencyKey: s } }),
  },
  {
    doc: 'mutation M($i: SponsorDealInput!) { setSponsorDeal(input: $i) { error { code } } }',
    vars: (s) => ({ i: { noteId: s, costMinor: 1, currency: s } }),
  },
  { doc: 'mutation M($n: ID!, $s: String) { share(noteId: $n, channel: $s) { id } }', vars: (s) => ({ n: s, s }) },
  { doc: 'mutation M($n: ID!, $s: String) { hideNote(noteId: $n, reason: $s) }', vars: (s) => ({ n: s, s }) },
  {
    doc: 'mutation M($i: CommentInput!) { comment(input: $i) { error { code } } }',
    vars: (s) => ({ i: { noteId: s, body: s, parentId: s } }),
  },
];

/**
 * Deterministic cases: case `index` of seed `seed` is the same whatever order the workers take them in. Valid
 * operations are generated from the schema's SDL; invalid ones break a valid one in one way; hostile ones attack
 * the parser, validation, limits, transports and the string and number handling of the services behind them.
 */
export class CaseGenerator {
  private readonly operations: RootOperation[];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly world: FuzzWorld,
  ) {
    this.operations = rootOperations(schema);
  }

  generate(index: number, rng: Rng): FuzzCase {
    const family = rng.weighted({ valid: 40, invalid: 25, hostile: 35 });
    const actor = rng.weighted<Actor>({
      anonymous: 35,
      viewer: 16,
      creator: 16,
      brand: 12,
      admin: 8,
      ghost: 5,
      expired: 3,
      forged: 3,
      garbage: 2,
    });
    const token = this.tokenOf(actor, rng);
    const made = family === 'valid' ? this.valid(rng) : family === 'invalid' ? this.invalid(rng) : this.hostile(rng, token);
    const request: FuzzRequest = made.request ?? this.transportFor(rng, made.payload ?? {}, made.rootKind, made.rawVariables);
    return { index, family, kind: made.kind, actor, token, request };
  }

  private tokenOf(actor: Actor, rng: Rng): string | undefined {
    switch (actor) {
      case 'anonymous':
        return undefined;
      case 'ghost':
        return this.world.ghostToken;
      case 'expired':
        return this.world.expiredToken;
      case 'forged':
        return this.world.forgedToken;
      case 'garbage':
        return rng.pick(['x', 'a.b.c', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', '\u00ff\u00fe', 'A'.repeat(rng.int(100, 6000))]);
      default:
        return this.world.tokens[actor];
    }
  }

  /** A GraphQL payload over POST (most), GET (queries), or WebSocket (subscriptions always, others sometimes). */
  private transportFor(rng: Rng, payload: Record<string, unknown>, rootKind: RootKind | undefined, rawVariables?: string): FuzzRequest {
    const transport =
      rootKind === 'subscription' && rng.chance(0.8) ? 'ws' : rng.weighted({ post: 72, get: rootKind === 'mutation' ? 3 : 10, ws: 18 });
    return { type: 'graphql', transport, payload, ...(rawVariables !== undefined ? { rawVariables } : {}) };
  }

  // -------------------------------------------------------------------------------------------
  // Valid operations, from the schema.

  private valid(rng: Rng): Made {
    const rootKind = rng.weighted<RootKind>({ query: 62, mutation: 30, subscription: 8 });
    const op = this.pickOperation(rng, rootKind);
    const built = this.operationText(rng, op, {});
    return { kind: `valid.${rootKind}`, rootKind, payload: built };
  }

  private pickOperation(rng: Rng, kind: RootKind, where: (op: RootOperation) => boolean = () => true): RootOperation {
    const candidates = this.operations.filter((op) => op.kind === kind && where(op));
    return rng.pick(candidates.length > 0 ? candidates : this.operations.filter((op) => op.kind === 'query'));
  }

  /** `<kind> Name($v0: T, ...) { field(args) { selection } }` with its variables. */
  private operationText(
    rng: Rng,
    op: RootOperation,
    breakage: Breakage,
  ): { query: string; variables: Record<string, unknown>; operationName?: string } {
    const variables: Record<string, unknown> = {};
    const definitions: string[] = [];
    const args: string[] = [];
    let n = 0;
    for (const arg of op.field.args) {
      const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
      if (breakage.dropRequired === true && required) continue;
      if (!required && !rng.chance(0.5)) continue;
      const value = this.valueFor(rng, arg.type, arg.name, op.name);
      if (rng.chance(0.5)) {
        const name = `v${n++}`;
        const declared = breakage.varTypeMismatch ? 'Boolean' : String(arg.type);
        definitions.push(`$${name}: ${declared}`);
        if (!breakage.omitVariableValue) variables[name] = value;
        args.push(`${arg.name}: $${name}`);
      } else {
        args.push(`${arg.name}: ${literal(breakage.wrongArgType ? wrongValue(rng, arg) : value)}`);
      }
    }
    if (breakage.unknownArg) args.push(`bogusArgument${rng.int(0, 99)}: 1`);
    if (breakage.undeclaredVariable) args.push(`${op.field.args[0]?.name ?? 'bogus'}: $undeclared`);
    const selection = this.selectionFor(rng, op.field.type, rng.int(1, 4), breakage);
    const name = rng.chance(0.6) ? `Fuzz${rng.int(0, 9999)}` : '';
    const head = `${op.kind} ${name}${definitions.length > 0 ? `(${definitions.join(', ')})` : ''}`;
    const query = `${head} { ${op.name}${args.length > 0 ? `(${args.join(', ')})` : ''}${selection} }`;
    return { query, variables, ...(name && rng.chance(0.7) ? { operationName: name } : {}) };
  }

  /** A random selection of real fields, `depth` levels down at most; never empty on an object type. */
  private selectionFor(rng: Rng, type: GraphQLOutputType, depth: number, breakage: Breakage = {}): string {
    const named = getNamedType(type);
    if (isLeafType(named)) return breakage.leafSelection ? ' { nothingHere }' : '';
    if (breakage.missingSelection) return '';
    if (isUnionType(named)) {
      const parts = named.getTypes().map((member) => `... on ${member.name}${this.selectionFor(rng, member, depth - 1)}`);
      return ` { __typename ${parts.join(' ')} }`;
    }
    if (!isObjectType(named)) return ' { __typename }';
    const fields = Object.values((named as GraphQLObjectType).getFields());
    const chosen = new Set<GraphQLField<unknown, unknown>>();
    const count = rng.int(1, Math.min(5, fields.length));
    for (let i = 0; i < count * 2 && chosen.size < count; i += 1) {
      const field = rng.pick(fields);
      if (depth <= 1 && !isLeafType(getNamedType(field.type))) continue;
      chosen.add(field);
    }
    const parts: string[] = [];
    for (const field of chosen) {
      const args = field.args.filter((a) => (isNonNullType(a.type) && a.defaultValue === undefined) || rng.chance(0.3));
      const argText = args.map((a) => `${a.name}: ${literal(this.valueFor(rng, a.type, a.name, field.name))}`);
      const alias = rng.chance(0.15) ? `a${rng.int(0, 99)}: ` : '';
      parts.push(
        `${alias}${field.name}${argText.length > 0 ? `(${argText.join(', ')})` : ''}${this.selectionFor(rng, field.type, depth - 1)}`,
      );
    }
    if (parts.length === 0 || rng.chance(0.1)) parts.push('__typename');
    if (breakage.unknownField)
      parts.splice(rng.int(0, parts.length), 0, rng.pick(['bogusField', 'passwordHash', 'email', '__proto__', 'secret']));
    return ` { ${parts.join(' ')} }`;
  }

  /** A valid-looking value for an argument or input field, from its type and name. */
  private valueFor(rng: Rng, type: GraphQLInputType, name: string, context: string): unknown {
    if (isNonNullType(type)) return this.valueFor(rng, type.ofType, name, context);
    if (isListType(type)) {
      return Array.from({ length: rng.int(1, 3) }, () => this.valueFor(rng, type.ofType as GraphQLInputType, singular(name), context));
    }
    if (isEnumType(type)) return new EnumValue(rng.pick(type.getValues()).name);
    if (isInputObjectType(type)) {
      if (type.name === 'DateRange') return this.range(rng);
      const value: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        const required = isNonNullType(field.type) && field.defaultValue === undefined;
        if (required || rng.chance(0.4)) value[field.name] = this.valueFor(rng, field.type, field.name, `${context}.${type.name}`);
      }
      return value;
    }
    switch (type.name) {
      case 'ID':
        return this.idFor(rng, name, context);
      case 'Int':
        return intFor(rng, name);
      case 'Float':
        return Math.round(rng.float() * 1000) / 1000;
      case 'Boolean':
        return rng.chance(0.5);
      case 'DateTime':
        return new Date(Date.now() - rng.int(0, 6) * DAY).toISOString();
      default:
        return stringFor(rng, name);
    }
  }

  private idFor(rng: Rng, name: string, context: string): string {
    const roll = rng.float();
    if (roll < 0.08) return rng.uuid();
    if (roll < 0.12) return rng.pick(['1', 'abc', '', 'null', '00000000-0000-0000-0000-000000000000']);
    if (name === 'eventId' || name === 'clickEventId') return rng.uuid();
    if (name === 'method') return rng.pick(['test_card', 'test_card_declined', 'cash']);
    const byName: Record<string, IdKind> = {
      noteId: 'note',
      userId: 'user',
      productId: 'product',
      boardId: 'board',
      orderId: 'order',
      uploadId: 'upload',
      avatarUploadId: 'upload',
      sponsorBrandId: 'brand',
      parentId: 'comment',
    };
    const byContext: Record<string, IdKind> = {
      note: 'note',
      updateNote: 'note',
      publishNote: 'note',
      deleteNote: 'note',
      user: 'user',
      product: 'product',
      updateProduct: 'product',
      board: 'board',
      order: 'order',
      upload: 'upload',
      uploadProgress: 'upload',
    };
    const kind = byName[name] ?? byContext[context] ?? rng.pick<IdKind>(['note', 'user', 'product', 'brand']);
    const pool = this.world.ids[kind];
    return pool.length > 0 ? rng.pick(pool) : rng.uuid();
  }

  private range(rng: Rng): { from: string; to: string } {
    const to = Math.ceil(Date.now() / DAY) * DAY;
    const days = rng.pick([1, 7, 30, 400, 401]);
    const hourly = rng.chance(0.2);
    return {
      from: new Date(to - days * DAY + (hourly ? 3600_000 : 0)).toISOString(),
      to: new Date(to).toISOString(),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Invalid: a valid operation broken in one way.

  private invalid(rng: Rng): Made {
    const kind = rng.weighted({
      'unknown-field': 10,
      'unknown-argument': 8,
      'wrong-argument-type': 10,
      'missing-required-argument': 8,
      'leaf-selection': 5,
      'missing-selection': 5,
      'undeclared-variable': 5,
      'variable-type-mismatch': 6,
      'missing-variable-value': 6,
      'unknown-operation-name': 5,
      syntax: 14,
      'bad-payload-shape': 8,
      'malformed-json': 6,
      'bad-content-type': 4,
    });
    const rootKind = rng.weighted<RootKind>({ query: 65, mutation: 30, subscription: 5 });
    const withArgs = (op: RootOperation) => op.field.args.length > 0;
    const requiredArgs = (op: RootOperation) => op.field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    const objectType = (op: RootOperation) => !isLeafType(getNamedType(op.field.type));
    const build = (breakage: Breakage, where?: (op: RootOperation) => boolean) =>
      this.operationText(rng, this.pickOperation(rng, rootKind, where), breakage);
    const made = (payload: Record<string, unknown>): Made => ({ kind: `invalid.${kind}`, rootKind, payload });
    switch (kind) {
      case 'unknown-field':
        return made(build({ unknownField: true }, objectType));
      case 'unknown-argument':
        return made(build({ unknownArg: true }));
      case 'wrong-argument-type':
        return made(build({ wrongArgType: true }, withArgs));
      case 'missing-required-argument':
        return made(build({ dropRequired: true }, requiredArgs));
      case 'leaf-selection':
        return made(build({ leafSelection: true }, (op) => !objectType(op)));
      case 'missing-selection':
        return made(build({ missingSelection: true }, objectType));
      case 'undeclared-variable':
        return made(build({ undeclaredVariable: true }, withArgs));
      case 'variable-type-mismatch':
        return made(build({ varTypeMismatch: true }, withArgs));
      case 'missing-variable-value':
        return made(build({ omitVariableValue: true }, requiredArgs));
      case 'unknown-operation-name':
        return made({ ...build({}), operationName: rng.pick(['Nope', '', 'constructor', '__proto__']) });
      case 'syntax': {
        const valid = build({});
        return made({ ...valid, query: breakSyntax(rng, valid.query) });
      }
      case 'bad-payload-shape':
        return made(
          rng.pick<Record<string, unknown>>([
            {},
            { query: null },
            { query: 42 },
            { query: ['{ ping }'] },
            { query: { ping: true } },
            { query: '' },
            { query: '   ' },
            { query: '{ ping }', variables: '{"a":1}' },
            { query: '{ ping }', variables: [1, 2] },
            { query: '{ ping }', variables: 7 },
            { query: '{ ping }', operationName: 12 },
            { query: '{ ping }', operationName: { a: 1 } },
            { query: '{ ping }', extensions: 'x' },
            { query: '{ ping }', extensions: { persistedQuery: { version: 1, sha256Hash: 'deadbeef' } } },
            { extensions: { persistedQuery: { version: 1, sha256Hash: rng.uuid().replace(/-/g, '') } } },
            { extensions: { persistedQuery: { version: 99, sha256Hash: 'x' } } },
            { query: '{ ping }', extensions: { persistedQuery: { version: 1, sha256Hash: { $ne: 1 } } } },
          ]),
        );
      case 'malformed-json':
        return {
          kind: `invalid.${kind}`,
          request: {
            type: 'http',
            method: 'POST',
            path: '/graphql',
            headers: { 'content-type': 'application/json' },
            body: rng.pick([
              '',
              '{',
              '{"query": "{ ping }"',
              '{"query": "{ ping }",}',
              "{'query': '{ ping }'}",
              '\ufeff{"query": "{ ping }"}',
              'null',
              'true',
              '"{ ping }"',
              '123',
              '[]',
              '{"query": "{ ping }", "variables": {"a": 1e99999}}',
              '{"query": "{ ping }", "query": "{ viewer { id } }"}',
              '{"query": "{ ping }"}garbage',
              '{"__proto__": {"query": "{ ping }"}}',
              '{"constructor": {"prototype": {"query": "{ ping }"}}, "query": "{ ping }"}',
            ]),
          },
        };
      case 'bad-content-type':
        return {
          kind: `invalid.${kind}`,
          request: {
            type: 'http',
            method: 'POST',
            path: '/graphql',
            headers: {
              'content-type': rng.pick([
                'text/plain',
                'application/x-www-form-urlencoded',
                'application/graphql',
                'application/json; charset=utf-16',
                'application/json; charset=latin1',
                'multipart/form-data; boundary=x',
                'application/xml',
                '',
              ]),
            },
            body: rng.chance(0.5) ? '{"query": "{ ping }"}' : 'query=%7B%20ping%20%7D',
          },
        };
    }
  }

  // -------------------------------------------------------------------------------------------
  // Hostile.

  private hostile(rng: Rng, token: string | undefined): Made {
    const kind = rng.weighted({
      'deep-nesting': 8,
      'deep-fragments': 4,
      'wide-selection': 5,
      aliases: 8,
      'expensive-aliases': 3,
      'huge-string': 3,
      'nul-bytes': 10,
      'lone-surrogates': 7,
      'invalid-utf8': 3,
      'wrong-variable-types': 8,
      'enormous-numbers': 8,
      'fragment-cycle': 5,
      'fragment-explosion': 3,
      'many-operations': 5,
      batch: 3,
      directives: 4,
      introspection: 3,
      'deep-json-variables': 3,
      'huge-list': 3,
      'prototype-names': 5,
      'get-abuse': 4,
      'odd-headers': 3,
      'subscription-over-http': 2,
      ws: 14,
    });
    const made = (payload: Record<string, unknown>, rootKind: RootKind = 'query'): Made => ({ kind: `hostile.${kind}`, rootKind, payload });
    const someId = () => rng.pick(this.world.ids.user.length > 0 ? this.world.ids.user : [rng.uuid()]);
    switch (kind) {
      case 'deep-nesting': {
        const depth = rng.pick([9, 10, 11, 12, 20, 50, 200, 1000]);
        let inner = 'id';
        for (let i = 0; i < depth; i += 1) inner = `followers(first: 2) { edges { node { ${inner} } } }`;
        return made({ query: `query Deep($id: ID!) { user(id: $id) { ${inner} } }`, variables: { id: someId() } });
      }
      case 'deep-fragments': {
        const depth = rng.pick([10, 11, 30, 100, 300]);
        const fragments = Array.from(
          { length: depth },
          (_, i) => `fragment F${i} on User { following(first: 1) { edges { node { ${i + 1 < depth ? `...F${i + 1}` : 'id'} } } } }`,
        );
        return made({ query: `query Q($id: ID!) { user(id: $id) { ...F0 } } ${fragments.join(' ')}`, variables: { id: someId() } });
      }
      case 'wide-selection': {
        const width = rng.pick([100, 500, 1500, 1999, 2500, 10_000]);
        const field = rng.pick(['ping', '__typename', 'viewer { id }', 'paymentOptions { method }']);
        return made({ query: `{ ${Array.from({ length: width }, () => field).join(' ')} }` });
      }
      case 'aliases': {
        const count = rng.pick([29, 30, 31, 100, 1000, 5000]);
        const field = rng.pick(['ping', 'viewer { id }', 'topic(name: "drill") { name }']);
        return made({ query: `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }` });
      }
      case 'expensive-aliases': {
        const count = rng.pick([5, 15, 30]);
        const field = rng.pick([
          'feed(first: 50) { edges { node { id title author { handle } productTags { product { title } } } } }',
          'search(query: "drill", first: 50) { edges { cursor node { __typename } } }',
          'feed(kind: TRENDING, first: 50) { edges { node { id comments(first: 50) { edges { node { body } } } } } }',
        ]);
        return made({ query: `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }` });
      }
      case 'huge-string': {
        const size = rng.pick([10_000, 100_000, 1_000_000, 3_500_000, 5_000_000]);
        const text = rng.pick(['a', '字', 'é', '\u0000', '🎉']).repeat(Math.ceil(size / 2));
        if (rng.chance(0.3)) return made({ query: `{ search(query: ${JSON.stringify(text)}) { edges { cursor } } }` });
        const target = rng.pick(STRING_TARGETS);
        return made({ query: target.doc, variables: target.vars(text) }, target.doc.startsWith('mutation') ? 'mutation' : 'query');
      }
      case 'nul-bytes':
      case 'lone-surrogates': {
        const bad =
          kind === 'nul-bytes'
            ? rng.pick(['\u0000', 'a\u0000b', 'drill\u0000', '\u0000'.repeat(50), '00000000-0000-4000-8000-00000000000\u0000'])
            : rng.pick(['\ud800', 'a\udfffb', '\udc00\ud800', 'drill\ud83d', '\ud83d\ude00\ud800']);
        const target = rng.pick(STRING_TARGETS);
        if (rng.chance(0.25)) {
          // In the document itself, as GraphQL string escapes.
          const escaped = JSON.stringify(bad);
          return made({ query: `{ search(query: ${escaped}) { edges { cursor } } topic(name: ${escaped}) { name } }` });
        }
        return made({ query: target.doc, variables: target.vars(bad) }, target.doc.startsWith('mutation') ? 'mutation' : 'query');
      }
      case 'invalid-utf8': {
        const bytes = rng.pick([
          Buffer.from([0xff, 0xfe]),
          Buffer.from([0xc3]),
          Buffer.from([0xed, 0xa0, 0x80]),
          Buffer.from([0xf4, 0x90, 0x80, 0x80]),
        ]);
        const where = rng.pick(['query', 'variable']);
        const body =
          where === 'query'
            ? Buffer.concat([Buffer.from('{"query": "{ search(query: \\"'), bytes, Buffer.from('\\") { edges { cursor } } }"}')])
            : Buffer.concat([
                Buffer.from('{"query": "query Q($s: String!) { topic(name: $s) { name } }", "variables": {"s": "'),
                bytes,
                Buffer.from('"}}'),
              ]);
        return {
          kind: `hostile.${kind}`,
          request: { type: 'http', method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body },
        };
      }
      case 'wrong-variable-types': {
        const target = rng.pick(STRING_TARGETS);
        const wrong = rng.pick<unknown>([
          { a: 1 },
          [1, 2, 3],
          true,
          1.5,
          null,
          -1,
          { __proto__: { polluted: true } },
          JSON.parse('{"__proto__": {"polluted": true}}'),
          { constructor: { prototype: { polluted: true } } },
          [[[]]],
          { kind: 'BRAND', id: { $gt: '' } },
        ]);
        const base = target.vars('x');
        const key = rng.pick(Object.keys(base));
        const variables: Record<string, unknown> = { ...base, [key]: wrong };
        if (rng.chance(0.3)) {
          const inner = base[key];
          if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) {
            const field = rng.pick(Object.keys(inner));
            variables[key] = { ...inner, [field]: wrong, extraField: 'x' };
          }
        }
        return made({ query: target.doc, variables }, target.doc.startsWith('mutation') ? 'mutation' : 'query');
      }
      case 'enormous-numbers': {
        const number = rng.pick([
          '2147483648',
          '-2147483649',
          '9007199254740993',
          '1e308',
          '1e400',
          '-1e400',
          '1.5',
          '-0',
          '0.0000001',
          '1e-400',
          '99999999999999999999999999',
        ]);
        const shape = rng.pick([
          ['query Q($n: Int) { feed(first: $n) { edges { cursor } } }', 'n'],
          [
            'query Q($n: Int) { productTopNotes(productId: "00000000-0000-4000-8000-000000000000", range: {from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z"}, first: $n) { funnel { impressions } } }',
            'n',
          ],
          ['mutation M($i: CheckoutInput!) { checkout(input: $i) { error { code } } }', 'i.quantity'],
          ['mutation M($i: CreateProductInput!) { createProduct(input: $i) { error { code } } }', 'i.priceMinor'],
          ['mutation M($i: RefundInput!) { refundOrder(input: $i) { error { code } } }', 'i.amountMinor'],
          ['mutation M($i: SponsorDealInput!) { setSponsorDeal(input: $i) { error { code } } }', 'i.costMinor'],
          ['mutation M($e: [EventInput!]!) { recordEvents(events: $e) { accepted rejected { code } } }', 'e.value'],
          ['mutation M($i: CreateNoteInput!) { createNote(input: $i) { error { code } } }', 'i.width'],
        ] as const);
        const [doc, path] = shape;
        const [variable, field] = path.split('.') as [string, string | undefined];
        if (rng.chance(0.35)) {
          // In the document, as a literal.
          return made(
            {
              query: doc
                .replace(/\(\$\w+: [^)]*\)/, '')
                .replace(`$${variable}`, field ? `{${literalInputFor(field, number, this, rng)}}` : number),
            },
            doc.startsWith('mutation') ? 'mutation' : 'query',
          );
        }
        const holder = field ? literalJsonFor(field, this, rng) : undefined;
        // The number as JSON text, so that 1e400 and 2^53+1 reach the server as written.
        const raw = field
          ? `{"${variable}": ${variable === 'e' ? '[' : ''}${holder?.replace('"__NUMBER__"', number) ?? ''}${variable === 'e' ? ']' : ''}}`
          : `{"${variable}": ${number}}`;
        return {
          kind: `hostile.${kind}`,
          rootKind: doc.startsWith('mutation') ? 'mutation' : 'query',
          payload: { query: doc },
          rawVariables: raw,
        };
      }
      case 'fragment-cycle': {
        return made({
          query: rng.pick([
            'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
            'query { ...A } fragment A on Query { ping ...A }',
            'query Q($id: ID!) { user(id: $id) { ...U } } fragment U on User { followers { edges { node { ...U } } } }',
            'query { ...A } fragment A on Query { viewer { ...B } } fragment B on User { notes { edges { node { author { ...B } } } } }',
            'query { ...A ...A ...A } fragment A on Query { ping ...A }',
          ]),
          variables: { id: someId() },
        });
      }
      case 'fragment-explosion': {
        const levels = rng.pick([10, 20, 40]);
        const fragments = Array.from({ length: levels }, (_, i) =>
          i === 0 ? 'fragment F0 on Query { ping viewer { id } }' : `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`,
        );
        return made({ query: `query { ...F${levels - 1} } ${fragments.join(' ')}` });
      }
      case 'many-operations': {
        const count = rng.pick([2, 10, 100, 400]);
        const ops = Array.from({ length: count }, (_, i) => `query Q${i} { ping }`);
        if (rng.chance(0.2)) ops.push('{ ping }');
        const name = rng.pick([undefined, 'Q0', `Q${count - 1}`, 'Missing']);
        return made({ query: ops.join(' '), ...(name ? { operationName: name } : {}) });
      }
      case 'batch': {
        const count = rng.pick([2, 10, 500]);
        const body = JSON.stringify(Array.from({ length: count }, () => ({ query: '{ ping viewer { id } }' })));
        return {
          kind: `hostile.${kind}`,
          request: { type: 'http', method: 'POST', path: '/graphql', headers: this.jsonHeaders(token), body },
        };
      }
      case 'directives': {
        const count = rng.pick([5, 30, 31, 200]);
        const directive = rng.pick([
          '@include(if: true)',
          '@skip(if: false)',
          '@deprecated',
          '@fuzz',
          '@include(if: $b)',
          '@specifiedBy(url: "x")',
        ]);
        const all = Array.from({ length: count }, () => directive).join(' ');
        return made({
          query: `query Q($b: Boolean = true) { ping ${all} viewer ${rng.chance(0.5) ? all : ''} { id } }`,
          variables: rng.chance(0.5) ? { b: rng.pick<unknown>([true, 'yes', 1, null, { a: 1 }]) } : {},
        });
      }
      case 'introspection':
        return made({
          query: rng.pick([
            '{ __schema { types { name fields { name } } } }',
            '{ __type(name: "User") { fields { name type { name ofType { name ofType { name ofType { name } } } } } } }',
            'query { __schema { queryType { name } } }',
            '{ a: __typename b: __typename }',
            '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
          ]),
        });
      case 'deep-json-variables': {
        const depth = rng.pick([1000, 10_000, 100_000]);
        const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
        const doc = rng.pick([
          'query Q($v: [ID!]) { ping }',
          '{ ping }',
          'mutation M($v: [String!]!) { updateInterests(interests: $v) { error { code } } }',
          'query Q($v: String!) { search(query: $v) { edges { cursor } } }',
        ]);
        return {
          kind: `hostile.${kind}`,
          rootKind: doc.startsWith('mutation') ? 'mutation' : 'query',
          payload: { query: doc },
          rawVariables: `{"v": ${deep}}`,
        };
      }
      case 'huge-list': {
        const count = rng.pick([501, 5000, 100_000]);
        if (rng.chance(0.5)) {
          const noteId = this.world.ids.note[0] ?? rng.uuid();
          const events = Array.from({ length: count }, (_, i) => ({
            eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
            type: 'IMPRESSION',
            noteId,
          }));
          return made(
            {
              query: 'mutation M($e: [EventInput!]!) { recordEvents(events: $e) { accepted rejected { code } error { code } } }',
              variables: { e: events },
            },
            'mutation',
          );
        }
        return made(
          {
            query: 'mutation M($s: [String!]!) { updateInterests(interests: $s) { error { code } } }',
            variables: { s: Array.from({ length: count }, () => 'beauty') },
          },
          'mutation',
        );
      }
      case 'prototype-names': {
        const name = rng.pick([
          '__proto__',
          'constructor',
          'prototype',
          'toString',
          'hasOwnProperty',
          'valueOf',
          '__defineGetter__',
          'then',
        ]);
        return made({
          query: rng.pick([
            `{ ${name}: ping }`,
            `{ ${name}: viewer { ${name}: id } }`,
            `query ${name} { ping }`,
            `query Q($${name}: ID!) { note(id: $${name}) { id } }`,
            `query Q { ...${name} } fragment ${name} on Query { ping }`,
            `{ a: feed(first: 2) { ${name}: edges { ${name}: cursor } } }`,
          ]),
          variables: JSON.parse(`{"${name}": "${this.world.ids.note[0] ?? rng.uuid()}"}`) as Record<string, unknown>,
          operationName: rng.chance(0.5) ? name : undefined,
        });
      }
      case 'get-abuse': {
        const variant = rng.pick(['mutation', 'no-preflight', 'huge-url', 'bad-variables', 'no-query']);
        const params = new URLSearchParams();
        if (variant === 'mutation') params.set('query', 'mutation { ping }');
        else if (variant === 'huge-url')
          params.set('query', `{ search(query: "${'a'.repeat(rng.pick([10_000, 70_000]))}") { edges { cursor } } }`);
        else if (variant === 'bad-variables') {
          params.set('query', 'query Q($id: ID!) { note(id: $id) { id } }');
          params.set('variables', rng.pick(['{', 'null', '[1]', '"x"', '{"id": {"a": 1}}']));
        } else if (variant !== 'no-query') params.set('query', '{ ping }');
        const headers: Record<string, string> = variant === 'no-preflight' ? {} : { 'apollo-require-preflight': 'true' };
        if (token) headers.authorization = `Bearer ${token}`;
        return { kind: `hostile.${kind}`, request: { type: 'http', method: 'GET', path: `/graphql?${params.toString()}`, headers } };
      }
      case 'odd-headers': {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        const variant = rng.pick(['huge-authorization', 'basic-auth', 'lowercase-bearer', 'two-spaces', 'huge-header', 'x-forwarded-for']);
        if (variant === 'huge-authorization') headers.authorization = `Bearer ${'a'.repeat(rng.pick([8000, 20_000]))}`;
        if (variant === 'basic-auth') headers.authorization = 'Basic ZHJpbGw6ZHJpbGw=';
        if (variant === 'lowercase-bearer') headers.authorization = `bearer ${token ?? 'x'}`;
        if (variant === 'two-spaces') headers.authorization = `Bearer  ${token ?? 'x'} extra`;
        if (variant === 'huge-header') headers['x-fuzz'] = 'b'.repeat(rng.pick([10_000, 40_000]));
        if (variant === 'x-forwarded-for') headers['x-forwarded-for'] = Array.from({ length: 50 }, () => '10.0.0.1').join(', ');
        return {
          kind: `hostile.${kind}`,
          request: { type: 'http', method: 'POST', path: '/graphql', headers, body: JSON.stringify({ query: '{ viewer { id } ping }' }) },
        };
      }
      case 'subscription-over-http': {
        const id = this.world.ids.upload[0] ?? rng.uuid();
        return {
          kind: `hostile.${kind}`,
          request: {
            type: 'graphql',
            transport: rng.chance(0.8) ? 'post' : 'get',
            payload: { query: `subscription { uploadProgress(id: "${id}") { id status } }` },
          },
        };
      }
      case 'ws':
        return { kind: `hostile.ws`, request: { type: 'ws', plan: this.hostileWs(rng, token) } };
    }
  }

  private jsonHeaders(token: string | undefined): Record<string, string> {
    return { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  }

  /** Frames no well-behaved graphql-ws client sends. */
  private hostileWs(rng: Rng, token: string | undefined): WsPlan {
    const subscribe = (id: unknown, payload: unknown) => JSON.stringify({ id, type: 'subscribe', payload });
    const upload = this.world.ids.upload[0] ?? rng.uuid();
    const progress = { query: `subscription { uploadProgress(id: "${upload}") { id status progress } }` };
    const variant = rng.pick([
      'invalid-json',
      'unknown-type',
      'subscribe-before-init',
      'double-init',
      'duplicate-id',
      'binary',
      'huge-frame',
      'odd-init-payload',
      'bad-subscribe',
      'many-subscriptions',
      'pong-storm',
      'complete-unknown',
      'legacy-protocol',
      'mutation-over-ws',
      'deep-over-ws',
    ]);
    const plan = (frames: (string | Buffer)[], extra: Partial<WsPlan> = {}): WsPlan => ({ token, frames, waitMs: 600, ...extra });
    switch (variant) {
      case 'invalid-json':
        return plan([rng.pick(['{', 'not json', '{"type": }', '\u0000', ''])]);
      case 'unknown-type':
        return plan([
          JSON.stringify({ type: rng.pick(['start', 'stop', 'connection_terminate', 'data', 'next', 'fuzz', 42, null]), id: '1' }),
        ]);
      case 'subscribe-before-init':
        return plan([subscribe('1', progress)], { init: null });
      case 'double-init':
        return plan([JSON.stringify(initMessage(token))]);
      case 'duplicate-id':
        return plan([subscribe('1', progress), subscribe('1', progress)]);
      case 'binary':
        return plan([
          Buffer.from([0x00, 0xff, 0x10, 0x80]),
          Buffer.from(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ ping }' } })),
        ]);
      case 'huge-frame':
        return plan([
          subscribe('1', { query: `{ search(query: "${'a'.repeat(rng.pick([1_000_000, 5_000_000]))}") { edges { cursor } } }` }),
        ]);
      case 'odd-init-payload':
        return plan([subscribe('1', { query: '{ viewer { id } }' })], {
          init: JSON.stringify({
            type: 'connection_init',
            payload: rng.pick<unknown>([
              [1, 2],
              'x',
              7,
              { authorization: 12 },
              { authorization: 'Bearer garbage' },
              { authorization: `Bearer ${'a'.repeat(100_000)}` },
              { authorization: ['Bearer x'] },
              null,
            ]),
          }),
        });
      case 'bad-subscribe':
        return plan([
          rng.pick([
            subscribe('', { query: '{ ping }' }),
            subscribe(1, { query: '{ ping }' }),
            subscribe('1', null),
            subscribe('1', { query: 12 }),
            subscribe('1', { query: '{ ping }', variables: 'x' }),
            subscribe('1', { query: '{ ping }', extensions: [] }),
            subscribe('x'.repeat(100_000), { query: '{ ping }' }),
            subscribe('1', { query: '{ ping', operationName: 7 }),
            JSON.stringify({ type: 'subscribe' }),
          ]),
        ]);
      case 'many-subscriptions':
        return plan(
          Array.from({ length: rng.pick([50, 300]) }, (_, i) => subscribe(String(i), rng.chance(0.5) ? progress : { query: '{ ping }' })),
        );
      case 'pong-storm':
        return plan(Array.from({ length: 500 }, () => JSON.stringify({ type: rng.pick(['ping', 'pong']), payload: { x: 1 } })));
      case 'complete-unknown':
        return plan([JSON.stringify({ id: 'never-subscribed', type: 'complete' })]);
      case 'legacy-protocol':
        return plan([subscribe('1', { query: '{ ping }' })], {
          protocol: rng.pick<string | string[]>(['graphql-ws', 'fuzz', [GRAPHQL_WS_PROTOCOL, 'graphql-ws'], []]),
        });
      case 'mutation-over-ws':
        return plan([subscribe('1', { query: 'mutation { ping createBoard(name: "ws board") { id } }' })]);
      default: {
        let inner = 'id';
        for (let i = 0; i < rng.pick([11, 40, 400]); i += 1) inner = `followers { edges { node { ${inner} } } }`;
        return plan([subscribe('1', { query: `{ viewer { ${inner} } }` })]);
      }
    }
  }

  /** For enormous-numbers: a valid input object of the operation's argument, with "__NUMBER__" where the number goes. */
  inputWithPlaceholder(field: string, rng: Rng): Record<string, unknown> {
    const product = this.world.ids.product[0] ?? rng.uuid();
    const note = this.world.ids.note[0] ?? rng.uuid();
    const order = this.world.ids.order[0] ?? rng.uuid();
    const base: Record<string, Record<string, unknown>> = {
      quantity: { productId: product, quantity: 1 },
      priceMinor: { title: 'x', priceMinor: 1, currency: 'CNY', category: 'home', stock: 1, buyUrl: 'https://x.example.com' },
      amountMinor: { orderId: order, amountMinor: 1 },
      costMinor: { noteId: note, costMinor: 1, currency: 'CNY' },
      value: { eventId: rng.uuid(), type: 'VIEW', noteId: note, value: 1 },
      width: { kind: 'IMAGE', title: 'x', media: [{ url: 'https://img.example.com/x.jpg', width: 1, height: 1 }] },
    };
    const input = { ...(base[field] ?? {}) };
    if (field === 'width') input.media = [{ url: 'https://img.example.com/x.jpg', width: '__NUMBER__', height: 10 }];
    else input[field] = '__NUMBER__';
    return input;
  }
}

interface Made {
  kind: string;
  rootKind?: RootKind;
  payload?: Record<string, unknown>;
  rawVariables?: string;
  request?: FuzzRequest;
}

interface Breakage {
  unknownField?: boolean;
  unknownArg?: boolean;
  wrongArgType?: boolean;
  dropRequired?: boolean;
  leafSelection?: boolean;
  missingSelection?: boolean;
  undeclaredVariable?: boolean;
  varTypeMismatch?: boolean;
  omitVariableValue?: boolean;
}

/** An enum value, printed bare in a document and as its name in JSON variables. */
class EnumValue {
  constructor(readonly name: string) {}

  toJSON(): string {
    return this.name;
  }
}

/** A value as a GraphQL literal. */
function literal(value: unknown): string {
  if (value instanceof EnumValue) return value.name;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => literal(v)).join(', ')}]`;
  if (typeof value === 'object') {
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${literal(v)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(String(value));
}

/** The literal input object of enormous-numbers, with the number written as is. */
function literalInputFor(field: string, number: string, generator: CaseGenerator, rng: Rng): string {
  const input = generator.inputWithPlaceholder(field, rng);
  return literal(input)
    .slice(1, -1)
    .replace('"__NUMBER__"', number)
    .replace(/type: "(\w+)"/, 'type: $1')
    .replace(/kind: "(\w+)"/, 'kind: $1');
}

function literalJsonFor(field: string, generator: CaseGenerator, rng: Rng): string {
  return JSON.stringify(generator.inputWithPlaceholder(field, rng));
}

/** A value of another kind than the argument's type takes. */
function wrongValue(rng: Rng, arg: GraphQLArgument): unknown {
  const named = getNamedType(arg.type);
  if (isEnumType(named)) return rng.pick(['FOR_YOU', 'NOT_A_VALUE', 3]);
  if (isInputObjectType(named)) return rng.pick(['{}', 42, [1]]);
  if (named.name === 'Int' || named.name === 'Float') return rng.pick(['12', true, [1], 1.5]);
  if (named.name === 'Boolean') return rng.pick(['true', 1]);
  return rng.pick([true, 1.5, [1], new EnumValue('BARE_ENUM')]);
}

function intFor(rng: Rng, name: string): number {
  switch (name) {
    case 'first':
      return rng.int(1, 50);
    case 'quantity':
      return rng.int(1, 3);
    case 'priceMinor':
    case 'costMinor':
      return rng.int(100, 100_000);
    case 'amountMinor':
      return rng.int(1, 500);
    case 'stock':
      return rng.int(0, 1000);
    case 'width':
    case 'height':
      return rng.int(100, 2000);
    case 'imageIndex':
      return rng.int(0, 8);
    case 'durationMs':
    case 'atMs':
      return rng.int(1, 60_000);
    default:
      return rng.int(0, 100);
  }
}

function stringFor(rng: Rng, name: string): string {
  const word = () => rng.pick(WORDS);
  switch (name) {
    case 'handle':
    case 'login':
      return `fz_${rng.int(0, 1e9).toString(36)}`;
    case 'password':
      return 'drill-password-1';
    case 'email':
      return `fz${rng.int(0, 1e9)}@example.com`;
    case 'currency':
      return rng.pick(CURRENCIES);
    case 'category':
    case 'interest':
      return rng.pick(CATEGORIES);
    case 'url':
    case 'buyUrl':
    case 'image':
      return `https://img.example.com/${word()}.jpg`;
    case 'after':
      return rng.pick(['', 'eyJ4IjoxfQ', 'WzEsIngiXQ', 'bm90IGEgY3Vyc29y', '!!!']);
    case 'method':
      return rng.pick(['test_card', 'test_card_declined']);
    case 'channel':
      return rng.pick(['wechat', 'weibo', 'link']);
    default:
      return rng.chance(0.5) ? word() : `${word()} ${word()}`;
  }
}

function singular(name: string): string {
  if (name === 'interests') return 'interest';
  if (name === 'images') return 'image';
  if (name === 'topics') return 'topic';
  return name;
}

/** A document with one syntax error: cut short, a stray character, an unbalanced brace or a bad token. */
function breakSyntax(rng: Rng, query: string): string {
  const at = rng.int(0, Math.max(0, query.length - 1));
  switch (rng.int(0, 5)) {
    case 0:
      return query.slice(0, at);
    case 1:
      return `${query.slice(0, at)}${rng.pick(['{', '}', '(', ')', '$', '!', '@', '"', '...', '#', '\\', ':'])}${query.slice(at)}`;
    case 2:
      return `${query} }`;
    case 3:
      return query.replace('{', '');
    case 4:
      return `${query.slice(0, at)} 1abc ${query.slice(at)}`;
    default:
      return `"""${query}`;
  }
}
