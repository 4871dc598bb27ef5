import { randomUUID } from 'node:crypto';
import { ACTORS, type ActorName, type World } from './authz-world';
import { isRecord } from './drill-kit';

/**
 * What a call answers: OK (data, no error), NULL (a null answer without error), or the code of the refusal
 * (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT...). Some cases refine OK with what the answer
 * shows (OK:lists-order), where the rule is about which data an actor sees rather than whether it may ask.
 */
export type Outcome = string;
export type Expectation = Readonly<Record<ActorName, Outcome>>;

export interface CaseSpec {
  /** The schema's field: Query.note, Mutation.payOrder, Subscription.uploadProgress. */
  operation: string;
  /** Which resource or argument set this case tries, when an operation has several. */
  variant: string;
  /** The call's arguments; each must be an argument of the field in the schema. */
  args(world: World, actor: ActorName): Record<string, unknown> | Promise<Record<string, unknown>>;
  expect: Expectation;
  /** Where the rule comes from: the code that decides it, or the schema's description. */
  rule: string;
  /** A selection set instead of the one generated from the schema, for `observe`. */
  selection?: string;
  /** Refines an OK answer (the operation's field value) into what it shows. */
  observe?(value: unknown, world: World): Outcome;
  /** Runs after every other case, in table order, since it changes the actor itself (becomeCreator, logOut). */
  last?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Expectations, by who is allowed.

const everyone = (outcome: Outcome = 'OK'): Expectation =>
  Object.fromEntries(ACTORS.map((actor) => [actor, outcome])) as Record<ActorName, Outcome>;

/** Anonymous callers are asked to sign in; every signed-in actor gets `outcome`, except as overridden. */
const signedIn = (outcome: Outcome = 'OK', overrides: Partial<Record<ActorName, Outcome>> = {}): Expectation => ({
  ...everyone(outcome),
  anonymous: 'UNAUTHENTICATED',
  ...overrides,
});

/** Only these actors are allowed; other signed-in actors get `otherwise`, anonymous ones UNAUTHENTICATED. */
const only = (allowed: readonly ActorName[], otherwise: Outcome = 'FORBIDDEN'): Expectation =>
  signedIn(otherwise, Object.fromEntries(allowed.map((actor) => [actor, 'OK'])));

/** Brand analytics (policy.ts analytics.brand): that brand or an admin. */
const brandAnalytics = only(['brand', 'admin']);
/** Creator analytics (analytics.creator): that creator or an admin. */
const creatorAnalytics = only(['creator', 'admin']);
/** A note's analytics (analytics.note): its author, an admin, or a brand whose product it tags. */
const noteAnalytics = only(['creator', 'admin', 'brand']);

const scope = {
  brand: (w: World) => ({ kind: 'BRAND', id: w.brandId }),
  product: (w: World) => ({ kind: 'PRODUCT', id: w.productId }),
  creator: (w: World) => ({ kind: 'CREATOR', id: w.accounts.creator.id }),
  note: (w: World) => ({ kind: 'NOTE', id: w.noteId }),
};

const edgesOf = (value: unknown): Record<string, unknown>[] => {
  const edges = isRecord(value) && Array.isArray(value.edges) ? value.edges : [];
  return edges.flatMap((edge: unknown) => (isRecord(edge) && isRecord(edge.node) ? [edge.node] : []));
};

const ANALYTICS_RULE = 'commerce/analytics.service.ts access() with accounts/policy.ts analytics.*';

// ---------------------------------------------------------------------------------------------

export const CASES: readonly CaseSpec[] = [
  // Queries ----------------------------------------------------------------------------------
  { operation: 'Query.ping', variant: '', args: () => ({}), expect: everyone(), rule: 'common.graphql: always true' },
  {
    operation: 'Query.viewer',
    variant: '',
    args: () => ({}),
    expect: { ...everyone(), anonymous: 'NULL' },
    rule: 'accounts.graphql: the signed-in account, or null when anonymous',
  },
  {
    operation: 'Query.user',
    variant: "creator's profile",
    args: (w) => ({ id: w.accounts.creator.id }),
    expect: everyone(),
    rule: 'profiles are public',
  },
  {
    operation: 'Query.note',
    variant: 'published',
    args: (w) => ({ id: w.noteId }),
    expect: everyone(),
    rule: 'policy.ts note.see: published notes are public',
  },
  {
    operation: 'Query.note',
    variant: "creator's draft",
    args: (w) => ({ id: w.draftId }),
    expect: { ...everyone('NOT_FOUND'), creator: 'OK', admin: 'OK' },
    rule: "policy.ts note.see: a draft is its author's or an admin's; notes.service.ts get(): someone else's draft does not exist",
  },
  {
    operation: 'Query.note',
    variant: 'removed by its creator',
    args: (w) => ({ id: w.removedId }),
    expect: everyone('NOT_FOUND'),
    rule: "policy.ts note.see: a removed note is nobody's to see, its author and admins included",
  },
  {
    operation: 'Query.sponsorshipRequests',
    variant: '',
    args: () => ({ first: 50 }),
    selection: '{ id }',
    observe: (value, w) =>
      Array.isArray(value) && value.some((n: unknown) => isRecord(n) && n.id === w.pendingSponsoredId)
        ? 'OK:lists-note'
        : 'OK:without-note',
    expect: { ...only([]), brand: 'OK:lists-note', otherBrand: 'OK:without-note' },
    rule: 'notes.graphql: brand accounts, the notes naming the brand as their sponsor (notes.service.ts sponsorshipRequests)',
  },
  {
    operation: 'Query.notesByUser',
    variant: "creator's notes",
    args: (w) => ({ userId: w.accounts.creator.id, first: 50 }),
    selection: '{ edges { node { id status } } }',
    observe: (value, w) => (edgesOf(value).some((n) => n.id === w.draftId) ? 'OK:with-draft' : 'OK:published-only'),
    expect: { ...everyone('OK:published-only'), creator: 'OK:with-draft' },
    rule: 'accounts.graphql User.notes: the user themself also sees their drafts (notes.service.ts listByUser, owns())',
  },
  { operation: 'Query.topic', variant: '', args: () => ({ name: 'drill' }), expect: everyone(), rule: 'topics are public' },
  {
    operation: 'Query.upload',
    variant: "creator's upload",
    args: (w) => ({ id: w.uploadId }),
    expect: { ...signedIn('NOT_FOUND'), creator: 'OK' },
    rule: "media.graphql: one of the viewer's own uploads (media.resolvers.ts ownUpload: nobody else's exists)",
  },
  {
    operation: 'Query.board',
    variant: "creator's board",
    args: (w) => ({ id: w.boardId }),
    expect: everyone(),
    rule: 'social.graphql: boards are visible to everyone',
  },
  { operation: 'Query.product', variant: '', args: (w) => ({ id: w.productId }), expect: everyone(), rule: 'products are public' },
  { operation: 'Query.feed', variant: 'FOR_YOU', args: () => ({ kind: 'FOR_YOU', first: 5 }), expect: everyone(), rule: 'feed.graphql' },
  {
    operation: 'Query.feed',
    variant: 'FOLLOWING',
    args: () => ({ kind: 'FOLLOWING', first: 5 }),
    expect: signedIn(),
    rule: 'feed.graphql FeedKind.FOLLOWING: sign-in required',
  },
  { operation: 'Query.feed', variant: 'TRENDING', args: () => ({ kind: 'TRENDING', first: 5 }), expect: everyone(), rule: 'feed.graphql' },
  { operation: 'Query.relatedNotes', variant: '', args: (w) => ({ noteId: w.noteId, first: 5 }), expect: everyone(), rule: 'feed.graphql' },
  {
    operation: 'Query.feedExperiment',
    variant: '',
    args: () => ({}),
    expect: only(['admin']),
    rule: 'feed.graphql: admins only (policy.ts experiment.see)',
  },
  { operation: 'Query.search', variant: '', args: () => ({ query: 'drill', first: 5 }), expect: everyone(), rule: 'search.graphql' },
  {
    operation: 'Query.order',
    variant: "brand's order",
    args: (w) => ({ id: w.orderId }),
    selection: '{ id attribution credits { touchType } }',
    observe: (value) => (isRecord(value) && value.attribution !== null ? 'OK:attributed' : 'OK:attribution-hidden'),
    expect: { ...only(['brand']), brand: 'OK:attributed', otherBrand: 'NOT_FOUND' },
    rule: 'commerce.graphql: an order of the signed-in brand (orders.service.ts explain(): requireBrand, then only its own)',
  },
  {
    operation: 'Query.brandOrders',
    variant: 'all statuses',
    args: () => ({ first: 50, status: null }),
    selection: '{ edges { node { id } } }',
    observe: (value, w) => (edgesOf(value).some((n) => n.id === w.orderId) ? 'OK:lists-order' : 'OK:without-order'),
    expect: { ...only([]), brand: 'OK:lists-order', otherBrand: 'OK:without-order' },
    rule: "commerce.graphql: the signed-in brand's orders (requireBrand)",
  },
  { operation: 'Query.paymentOptions', variant: '', args: () => ({}), expect: everyone(), rule: 'commerce.graphql: how a buyer can pay' },
  {
    operation: 'Query.viewerOrders',
    variant: '',
    args: () => ({ first: 50 }),
    selection: '{ edges { node { id attribution credits { touchType } } } }',
    observe: (value, w) => {
      const order = edgesOf(value).find((n) => n.id === w.orderId);
      if (!order) return 'OK:without-order';
      const shown = order.attribution !== null || (Array.isArray(order.credits) && order.credits.length > 0);
      return shown ? 'OK:lists-order,attribution-shown' : 'OK:lists-order,attribution-hidden';
    },
    expect: signedIn('OK:without-order', { viewer: 'OK:lists-order,attribution-hidden' }),
    rule: "commerce.graphql: the account's own purchases; Order.attribution and credits are the selling brand's (null/empty for the buyer)",
  },
  {
    operation: 'Query.analyticsFunnel',
    variant: 'BRAND scope',
    args: (w) => ({ scope: scope.brand(w), range: w.range }),
    expect: brandAnalytics,
    rule: ANALYTICS_RULE,
  },
  {
    operation: 'Query.analyticsFunnel',
    variant: 'PRODUCT scope',
    args: (w) => ({ scope: scope.product(w), range: w.range }),
    expect: brandAnalytics,
    rule: ANALYTICS_RULE,
  },
  {
    operation: 'Query.analyticsFunnel',
    variant: 'CREATOR scope',
    args: (w) => ({ scope: scope.creator(w), range: w.range }),
    expect: creatorAnalytics,
    rule: ANALYTICS_RULE,
  },
  {
    operation: 'Query.analyticsFunnel',
    variant: 'NOTE scope (tags the brand)',
    args: (w) => ({ scope: scope.note(w), range: w.range }),
    expect: noteAnalytics,
    rule: ANALYTICS_RULE,
  },
  {
    operation: 'Query.analyticsSeries',
    variant: 'BRAND scope',
    args: (w) => ({ scope: scope.brand(w), range: w.range }),
    expect: brandAnalytics,
    rule: ANALYTICS_RULE,
  },
  {
    operation: 'Query.analyticsSeries',
    variant: 'CREATOR scope',
    args: (w) => ({ scope: scope.creator(w), range: w.range }),
    expect: creatorAnalytics,
    rule: ANALYTICS_RULE,
  },
  {
    operation: 'Query.productTopNotes',
    variant: '',
    args: (w) => ({ productId: w.productId, range: w.range }),
    expect: brandAnalytics,
    rule: ANALYTICS_RULE,
  },
  {
    operation: 'Query.productTopCreators',
    variant: '',
    args: (w) => ({ productId: w.productId, range: w.range }),
    expect: brandAnalytics,
    rule: ANALYTICS_RULE,
  },
  {
    operation: 'Query.audienceTopics',
    variant: 'BRAND scope',
    args: (w) => ({ scope: scope.brand(w), range: w.range }),
    expect: brandAnalytics,
    rule: ANALYTICS_RULE,
  },
  {
    operation: 'Query.audienceTopics',
    variant: 'NOTE scope (tags the brand)',
    args: (w) => ({ scope: scope.note(w), range: w.range }),
    expect: noteAnalytics,
    rule: ANALYTICS_RULE,
  },
  {
    operation: 'Query.analyticsCsv',
    variant: 'FUNNEL, BRAND scope',
    args: (w) => ({ table: 'FUNNEL', scope: scope.brand(w), range: w.range }),
    expect: brandAnalytics,
    rule: ANALYTICS_RULE,
  },
  {
    operation: 'Query.analyticsCsv',
    variant: 'TOP_NOTES, PRODUCT scope',
    args: (w) => ({ table: 'TOP_NOTES', scope: scope.product(w), range: w.range }),
    expect: brandAnalytics,
    rule: ANALYTICS_RULE,
  },
  {
    operation: 'Query.analyticsCsv',
    variant: 'AUDIENCE_TOPICS, CREATOR scope',
    args: (w) => ({ table: 'AUDIENCE_TOPICS', scope: scope.creator(w), range: w.range }),
    expect: creatorAnalytics,
    rule: ANALYTICS_RULE,
  },

  // Mutations --------------------------------------------------------------------------------
  { operation: 'Mutation.ping', variant: '', args: () => ({}), expect: everyone(), rule: 'common.graphql: always true' },
  {
    operation: 'Mutation.signUp',
    variant: 'a new viewer',
    args: (w, actor) => ({
      input: { handle: `dz${w.run}_su_${ACTORS.indexOf(actor)}`, password: 'drill-password-1', displayName: 'Signed up by the drill' },
    }),
    expect: everyone(),
    rule: 'anyone may sign up',
  },
  {
    operation: 'Mutation.signUp',
    variant: 'as an admin (not a SignUpRole)',
    args: (w, actor) => ({
      input: { handle: `dz${w.run}_sa_${ACTORS.indexOf(actor)}`, password: 'drill-password-1', displayName: 'x', role: 'ADMIN' },
    }),
    expect: everyone('BAD_USER_INPUT'),
    rule: 'accounts.graphql SignUpRole: admins are appointed, not signed up',
  },
  {
    operation: 'Mutation.logIn',
    variant: "the viewer's account",
    args: (w) => ({ input: { login: w.accounts.viewer.handle, password: 'drill-password-1' } }),
    expect: everyone(),
    rule: 'anyone may log in with the password',
  },
  {
    operation: 'Mutation.becomeCreator',
    variant: '',
    args: () => ({}),
    expect: signedIn(),
    rule: 'accounts.service.ts becomeCreator: any signed-in account (only a viewer changes)',
    last: true,
  },
  {
    operation: 'Mutation.logOut',
    variant: '',
    args: () => ({}),
    expect: signedIn(),
    rule: "accounts.service.ts logOut: the signed-in account's own tokens; after becomeCreator, which it would refuse",
    last: true,
  },
  {
    operation: 'Mutation.updateProfile',
    variant: '',
    args: () => ({ input: { bio: 'Edited by the drill' } }),
    expect: signedIn(),
    rule: "the signed-in account's own profile",
  },
  {
    operation: 'Mutation.updateProfile',
    variant: "avatar: the creator's upload",
    args: (w) => ({ input: { avatarUploadId: w.uploadId } }),
    expect: signedIn('NOT_FOUND', { creator: 'OK' }),
    rule: "accounts.graphql UpdateProfileInput.avatarUploadId: an upload of the viewer's own (profile.service.ts avatarUrl)",
  },
  {
    operation: 'Mutation.updateInterests',
    variant: '',
    args: () => ({ interests: ['food', 'tech'] }),
    expect: signedIn(),
    rule: "the signed-in account's own topics",
  },
  {
    operation: 'Mutation.respondToSponsorship',
    variant: 'note naming the brand',
    args: (w) => ({ noteId: w.pendingSponsoredId, accept: true }),
    expect: only(['brand']),
    rule: "notes.graphql: the brand named as a note's sponsor (policy.ts sponsorship.respond)",
  },
  {
    operation: 'Mutation.createNote',
    variant: '',
    args: () => ({
      input: { kind: 'IMAGE', title: 'Drill case', media: [{ url: 'https://img.example.com/case.jpg', width: 800, height: 600 }] },
    }),
    expect: signedIn('OK', { viewer: 'FORBIDDEN' }),
    rule: 'policy.ts note.post: creator, brand and admin accounts post',
  },
  {
    operation: 'Mutation.createNote',
    variant: "media: the creator's upload",
    args: (w) => ({ input: { kind: 'IMAGE', title: 'Drill case', media: [{ uploadId: w.uploadId }] } }),
    expect: signedIn('NOT_FOUND', { viewer: 'FORBIDDEN', creator: 'OK' }),
    rule: "notes.graphql MediaInput: an upload of this creator (notes.service.ts resolveMedia: another's does not exist)",
  },
  {
    operation: 'Mutation.updateNote',
    variant: "creator's note",
    args: (w) => ({ id: w.noteId, input: { title: 'Edited by the drill' } }),
    expect: only(['creator', 'admin']),
    rule: 'policy.ts note.change: its author or an admin',
  },
  {
    operation: 'Mutation.publishNote',
    variant: "creator's fresh draft",
    args: async (w) => ({ id: await w.fresh.draft() }),
    expect: only(['creator', 'admin']),
    rule: 'policy.ts note.change: its author or an admin',
  },
  {
    operation: 'Mutation.deleteNote',
    variant: "creator's fresh note",
    args: async (w) => ({ id: await w.fresh.publishedNote() }),
    expect: only(['creator', 'admin']),
    rule: 'policy.ts note.change: its author or an admin',
  },
  {
    operation: 'Mutation.follow',
    variant: 'the creator',
    args: (w) => ({ userId: w.accounts.creator.id }),
    expect: signedIn('OK', { creator: 'BAD_USER_INPUT' }),
    rule: 'social.service.ts follow: anyone signed in, not themself',
  },
  {
    operation: 'Mutation.unfollow',
    variant: 'the creator',
    args: (w) => ({ userId: w.accounts.creator.id }),
    expect: signedIn(),
    rule: 'social.service.ts',
  },
  { operation: 'Mutation.like', variant: 'published', args: (w) => ({ noteId: w.noteId }), expect: signedIn(), rule: 'social.service.ts' },
  {
    operation: 'Mutation.like',
    variant: "creator's draft",
    args: (w) => ({ noteId: w.draftId }),
    expect: signedIn('NOT_FOUND'),
    rule: 'social.service.ts requirePublishedNote: only published notes are liked, even by their author',
  },
  { operation: 'Mutation.unlike', variant: '', args: (w) => ({ noteId: w.noteId }), expect: signedIn(), rule: 'social.service.ts' },
  {
    operation: 'Mutation.collect',
    variant: 'no board',
    args: (w) => ({ noteId: w.noteId }),
    expect: signedIn(),
    rule: 'social.service.ts',
  },
  {
    operation: 'Mutation.collect',
    variant: "into the creator's board",
    args: (w) => ({ noteId: w.noteId, boardId: w.boardId }),
    expect: signedIn('NOT_FOUND', { creator: 'OK' }),
    rule: "social.service.ts collect: only into one's own board",
  },
  { operation: 'Mutation.uncollect', variant: '', args: (w) => ({ noteId: w.noteId }), expect: signedIn(), rule: 'social.service.ts' },
  {
    operation: 'Mutation.createBoard',
    variant: '',
    args: (w, actor) => ({ name: `Drill ${actor} ${w.run}` }),
    expect: signedIn(),
    rule: 'social.service.ts',
  },
  {
    operation: 'Mutation.comment',
    variant: '',
    args: (w) => ({ input: { noteId: w.noteId, body: 'A comment of the drill' } }),
    expect: signedIn(),
    rule: 'social.service.ts',
  },
  {
    operation: 'Mutation.share',
    variant: '',
    args: (w) => ({ noteId: w.noteId, channel: 'wechat' }),
    expect: signedIn(),
    rule: 'social.service.ts',
  },
  { operation: 'Mutation.hideNote', variant: '', args: (w) => ({ noteId: w.otherNoteId }), expect: signedIn(), rule: 'social.service.ts' },
  {
    operation: 'Mutation.hideCreator',
    variant: 'the creator',
    args: (w) => ({ userId: w.accounts.creator.id }),
    expect: signedIn('OK', { creator: 'BAD_USER_INPUT' }),
    rule: 'social.service.ts hideCreator: not themself',
  },
  {
    operation: 'Mutation.createProduct',
    variant: '',
    args: () => ({
      input: { title: 'Drill case', priceMinor: 100, currency: 'CNY', category: 'home', stock: 5, buyUrl: 'https://shop.example.com/case' },
    }),
    expect: only(['brand', 'otherBrand']),
    rule: 'products.graphql: brand accounts only (policy.ts product.manage)',
  },
  {
    operation: 'Mutation.updateProduct',
    variant: "brand's product",
    args: (w) => ({ id: w.productId, input: { title: `Drill serum ${w.run}` } }),
    expect: only(['brand']),
    rule: 'products.graphql: only the owning brand (policy.ts product.manage, product.change)',
  },
  {
    operation: 'Mutation.recordEvents',
    variant: 'an impression',
    args: (w) => ({ events: [{ eventId: randomUUID(), type: 'IMPRESSION', noteId: w.noteId }] }),
    selection: '{ accepted duplicates rejected { code message } error { code message } }',
    observe: (value) => (isRecord(value) && value.accepted === 1 ? 'OK' : `OK:not-accepted`),
    expect: everyone(),
    rule: "events.service.ts: anyone's events (signed-out ones counted apart)",
  },
  {
    operation: 'Mutation.clickProduct',
    variant: "the note's product",
    args: (w) => ({ input: { eventId: randomUUID(), productId: w.productId, noteId: w.noteId } }),
    expect: signedIn(),
    rule: 'commerce.resolvers.ts clickProduct: sign-in required',
  },
  {
    operation: 'Mutation.checkout',
    variant: "brand's product",
    args: (w) => ({ input: { productId: w.productId, quantity: 1 } }),
    expect: signedIn(),
    rule: 'orders.service.ts checkout: sign in to buy',
  },
  {
    operation: 'Mutation.payOrder',
    variant: "viewer's fresh pending order",
    args: async (w) => ({ input: { orderId: await w.fresh.pendingOrder(), method: 'test_card' } }),
    expect: signedIn('NOT_FOUND', { viewer: 'OK' }),
    rule: "commerce.graphql: pays the signed-in buyer's pending order (orders.service.ts payOrder: another's does not exist)",
  },
  {
    operation: 'Mutation.refundOrder',
    variant: "viewer's fresh paid order of the brand's product",
    args: async (w) => ({ input: { orderId: await w.fresh.paidOrder(), amountMinor: 100 } }),
    expect: { ...only(['brand']), otherBrand: 'NOT_FOUND' },
    rule: 'commerce.graphql: the selling brand refunds (orders.service.ts refund: requireBrand, then its own orders only)',
  },
  {
    operation: 'Mutation.rotateWebhookSecret',
    variant: '',
    args: () => ({}),
    expect: only(['brand', 'otherBrand']),
    rule: 'commerce.graphql: brand accounts (requireBrand)',
  },
  {
    operation: 'Mutation.setSponsorDeal',
    variant: 'note sponsored by the brand',
    args: (w) => ({ input: { noteId: w.noteId, costMinor: 50_000, currency: 'CNY' } }),
    expect: only(['brand']),
    rule: 'commerce.graphql: the sponsoring brand, once it accepted the sponsorship (policy.ts sponsorDeal.record)',
  },

  // Subscriptions (over WebSocket) -----------------------------------------------------------
  {
    operation: 'Subscription.uploadProgress',
    variant: "creator's upload",
    args: (w) => ({ id: w.uploadId }),
    expect: { ...signedIn('NOT_FOUND'), creator: 'OK' },
    rule: "media.graphql: one of the viewer's own uploads (media.resolvers.ts followUpload → ownUpload)",
  },
];
