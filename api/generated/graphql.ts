import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { UserRow, BrandRow } from '../../models/repositories/users.repository';
import type { ServedNote, TopicParent, SearchHitParent, AttributionKindValue, RefundParent, SalesParent, SponsoredParent, SponsorDealParent, TopParent } from '../schema/parents';
import type { NoteMediaRow, NoteProductRow } from '../../models/repositories/notes.repository';
import type { MediaRow } from '../../models/repositories/media.repository';
import type { CommentRow, BoardWithCount } from '../../models/repositories/social.repository';
import type { ProductRow } from '../../models/repositories/products.repository';
import type { OrderRow, AttributionRow, SponsorDealRow } from '../../models/repositories/commerce.repository';
import type { Funnel as FunnelModel } from '../../commerce/analytics.service';
import type { GraphQLContext } from '../context';
export type Maybe<T> = T | null | undefined;
export type InputMaybe<T> = T | null | undefined;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 instant, e.g. 2026-11-27T08:00:00.000Z. */
  DateTime: { input: Date; output: Date; }
  /**
   * A whole amount of money in a currency's minor unit (fen, cents), as a JSON number: any integer a
   * JavaScript number holds exactly (up to 2^53 - 1), where GraphQL's Int stops at 2^31 - 1
   * (21,474,836.47 yuan), less than one large order or a brand's GMV.
   */
  MinorUnits: { input: number; output: number; }
};

export type AnalyticsInterval =
  | 'day'
  /** At most 7 days of hours. */
  | 'hour';

export type AnalyticsScope = {
  /** Required, except for BRAND, where leaving it out means the signed-in brand account's own brand. */
  id?: InputMaybe<Scalars['ID']['input']>;
  kind: AnalyticsScopeKind;
};

export type AnalyticsScopeKind =
  /** A brand's products and every note that tags them (brand accounts: their own). */
  | 'brand'
  /** A creator's notes (the creator themself). */
  | 'creator'
  /** One note (its creator; or a brand whose product it tags, which sees its own products' sales only). */
  | 'note'
  /** One product and the notes that tag it (its brand). */
  | 'product';

export type AnalyticsTable =
  | 'audience_topics'
  /** Per sponsored deal (BRAND scope). */
  | 'deals'
  | 'funnel'
  | 'series'
  | 'top_creators'
  | 'top_notes';

/** One touch's credit towards an order, and the events behind it. */
export type AttributionCredit = {
  __typename?: 'AttributionCredit';
  creator?: Maybe<User>;
  credit: Scalars['Float']['output'];
  impressedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The buyer's last impression of the note before the touch, when one was logged. */
  impressionEventId?: Maybe<Scalars['ID']['output']>;
  model: AttributionModel;
  note?: Maybe<Note>;
  touchEventId: Scalars['ID']['output'];
  /** PRODUCT_CLICK or READ (a long view). */
  touchType: Scalars['String']['output'];
  touchedAt: Scalars['DateTime']['output'];
};

export type AttributionKind =
  /** Credited to the note whose product card was clicked last, within the click window (7 days by default). */
  | 'click'
  /** No note touched the buyer. */
  | 'organic'
  /** No click, but a long view of a note tagging the product within the view window (1 day by default). */
  | 'view_through';

export type AttributionModel =
  | 'last_click'
  /** Position-based multi-touch: first and last touches 40% each, the ones between share 20%. */
  | 'position'
  | 'view_through';

export type AuthPayload = {
  __typename?: 'AuthPayload';
  error?: Maybe<UserError>;
  /** Bearer token for the Authorization header. */
  token?: Maybe<Scalars['String']['output']>;
  user?: Maybe<User>;
};

/** A user's collection of notes (收藏专辑); visible to everyone. */
export type Board = {
  __typename?: 'Board';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Published notes collected into the board. */
  noteCount: Scalars['Int']['output'];
  /** Published notes collected into the board, newest collect first. */
  notes: NoteConnection;
  owner: User;
};


/** A user's collection of notes (收藏专辑); visible to everyone. */
export type BoardNotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Brand = {
  __typename?: 'Brand';
  id: Scalars['ID']['output'];
  logoUrl?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  owner: User;
  products: ProductConnection;
};


export type BrandProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type CheckoutInput = {
  /** The product click the buyer came from, when the client knows it (the last click before the order wins otherwise). */
  clickEventId?: InputMaybe<Scalars['ID']['input']>;
  /** Makes a retried checkout a no-op: the same key returns the same order. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  productId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};

export type ClientEventType =
  | 'impression'
  | 'product_click'
  /** value: watch ratio 0–1 for videos, seconds on screen for image notes. */
  | 'view';

export type Comment = {
  __typename?: 'Comment';
  author: User;
  body: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** The top-level comment a reply belongs to. */
  parentId?: Maybe<Scalars['ID']['output']>;
  /** Replies, oldest first (top-level comments only). */
  replies: CommentConnection;
  /** Whom a reply answers. */
  replyTo?: Maybe<User>;
};


export type CommentRepliesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type CommentConnection = {
  __typename?: 'CommentConnection';
  edges: Array<CommentEdge>;
  pageInfo: PageInfo;
};

export type CommentEdge = {
  __typename?: 'CommentEdge';
  cursor: Scalars['String']['output'];
  node: Comment;
};

export type CommentInput = {
  body: Scalars['String']['input'];
  noteId: Scalars['ID']['input'];
  /** Reply to this comment (a reply to a reply joins the same thread). */
  parentId?: InputMaybe<Scalars['ID']['input']>;
};

export type CommentPayload = {
  __typename?: 'CommentPayload';
  comment?: Maybe<Comment>;
  error?: Maybe<UserError>;
};

export type CreateNoteInput = {
  body?: InputMaybe<Scalars['String']['input']>;
  kind: NoteKind;
  /** 1–9 images, or exactly one video. */
  media: Array<MediaInput>;
  productTags?: InputMaybe<Array<ProductTagInput>>;
  /** Publish at once instead of saving a draft. */
  publish?: InputMaybe<Scalars['Boolean']['input']>;
  /** Marks the note sponsored by this brand. */
  sponsorBrandId?: InputMaybe<Scalars['ID']['input']>;
  title: Scalars['String']['input'];
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type CreateProductInput = {
  buyUrl: Scalars['String']['input'];
  /** beauty, fashion, food, travel, home or tech. */
  category: Scalars['String']['input'];
  /** ISO 4217: CNY, USD, EUR, JPY, KRW, HKD, GBP. */
  currency: Scalars['String']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  images?: InputMaybe<Array<Scalars['String']['input']>>;
  priceMinor: Scalars['MinorUnits']['input'];
  stock: Scalars['Int']['input'];
  title: Scalars['String']['input'];
};

export type CsvFile = {
  __typename?: 'CsvFile';
  /** RFC 4180, with a header row; money in integer minor units. */
  csv: Scalars['String']['output'];
  filename: Scalars['String']['output'];
};

/**
 * Buckets starting in [from, to) count. When both ends are UTC midnights the range is read by day,
 * otherwise by hour; ends round outwards to the bucket. At most 400 days.
 */
export type DateRange = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};

export type DeleteNotePayload = {
  __typename?: 'DeleteNotePayload';
  deletedId?: Maybe<Scalars['ID']['output']>;
  error?: Maybe<UserError>;
};

export type EventInput = {
  /** Client-generated UUID (v7 recommended); resending it is a no-op. */
  eventId: Scalars['ID']['input'];
  noteId?: InputMaybe<Scalars['ID']['input']>;
  /** When it happened on the device; defaults to receipt time. At most 7 days old. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  productId?: InputMaybe<Scalars['ID']['input']>;
  sessionId?: InputMaybe<Scalars['String']['input']>;
  type: ClientEventType;
  value?: InputMaybe<Scalars['Float']['input']>;
};

export type EventRejection = {
  __typename?: 'EventRejection';
  code: Scalars['String']['output'];
  eventId?: Maybe<Scalars['String']['output']>;
  /** Position of the event in the batch. */
  index: Scalars['Int']['output'];
  message: Scalars['String']['output'];
};

export type FeedExperiment = {
  __typename?: 'FeedExperiment';
  arms: Array<FeedExperimentArm>;
  differences: Array<FeedExperimentDifference>;
  name: Scalars['String']['output'];
  sampleRatio: SampleRatioCheck;
  since: Scalars['DateTime']['output'];
};

/** One arm of the For-You A/B test: viewers are split into stable halves by a hash of the experiment and their id. */
export type FeedExperimentArm = {
  __typename?: 'FeedExperimentArm';
  /** a or b. */
  arm: Scalars['String']['output'];
  /** Reads (views) per impression. */
  ctr: Scalars['Float']['output'];
  /** Viewers of this arm the feed served at least one note: the split is checked on these. */
  exposed: Scalars['Int']['output'];
  /** Notes clients reported on screen: the rates below are per impression. */
  impressions: Scalars['Int']['output'];
  /** Likes per impression. */
  likeRate: Scalars['Float']['output'];
  /** Each rate as the mean of each viewer's own rate, so heavy viewers do not decide it. */
  perViewer: PerViewerRates;
  /** Purchases per impression. */
  purchaseRate: Scalars['Float']['output'];
  /** Notes the feed served this arm's viewers (logged by the server). */
  served: Scalars['Int']['output'];
  /** Viewers of this arm with any event since the experiment started. */
  users: Scalars['Int']['output'];
};

/** Arm b's per-viewer rate minus arm a's, with Welch's 95% confidence interval; an interval that holds 0 shows no difference. */
export type FeedExperimentDifference = {
  __typename?: 'FeedExperimentDifference';
  difference: Scalars['Float']['output'];
  high?: Maybe<Scalars['Float']['output']>;
  /** The interval's ends; null while an arm has fewer than two viewers with an impression. */
  low?: Maybe<Scalars['Float']['output']>;
  /** ctr, likeRate or purchaseRate. */
  metric: Scalars['String']['output'];
};

export type FeedKind =
  /** Newest notes of the creators the viewer follows (sign-in required). */
  | 'following'
  /** Personal ranking; never repeats a note within one scroll session (one chain of cursors). */
  | 'for_you'
  /** Notes by time-decayed engagement. */
  | 'trending';

/**
 * Impressions (on screen) → reads (a long view: ≥ 5 s on an image note, ≥ 50% of a video) →
 * engagements (likes, collects, comments, shares) → product clicks → orders → GMV. Money is in
 * `currency` (CNY unless asked); orders in other currencies count but their money does not.
 * Impressions and reads are signed-in viewers'; a viewer's repeated views of a note within
 * VIEW_DEDUPE_MINUTES count once. Signed-out viewers' are counted apart, since nothing vouches for them.
 */
export type Funnel = {
  __typename?: 'Funnel';
  /** Impressions by signed-out viewers, not in impressions or the rates. */
  anonymousImpressions: Scalars['Int']['output'];
  /** Reads by signed-out viewers, not in reads or the rates. */
  anonymousReads: Scalars['Int']['output'];
  /** GMV / orders, over every order credited to the scope. */
  averageOrderValue?: Maybe<Money>;
  collects: Scalars['Int']['output'];
  comments: Scalars['Int']['output'];
  /** product clicks / impressions */
  ctr?: Maybe<Scalars['Float']['output']>;
  /** sales.orders / product clicks */
  cvr?: Maybe<Scalars['Float']['output']>;
  /** engagements / impressions */
  engagementRate?: Maybe<Scalars['Float']['output']>;
  engagements: Scalars['Int']['output'];
  impressions: Scalars['Int']['output'];
  likes: Scalars['Int']['output'];
  /** Orders no note touched (product and brand scopes). */
  organic: Sales;
  positionBasedGmv: Money;
  /** Position-based multi-touch credit, as fractional orders. */
  positionBasedOrders: Scalars['Float']['output'];
  productClicks: Scalars['Int']['output'];
  /** reads / impressions */
  readRate?: Maybe<Scalars['Float']['output']>;
  reads: Scalars['Int']['output'];
  /** Buyers with more than one order in the range / buyers (whole-range funnels only). */
  repeatPurchaseRate?: Maybe<Scalars['Float']['output']>;
  /** Orders credited to a note by its last product click within the window: the funnel's conversions. */
  sales: Sales;
  shares: Scalars['Int']['output'];
  /** Figures of the scope's sponsored notes with a recorded deal (whole-range funnels only). */
  sponsored?: Maybe<SponsoredFigures>;
  /** Orders without a click, after a long view of a note: reported apart, never added to sales. */
  viewThrough: Sales;
};

export type FunnelPoint = {
  __typename?: 'FunnelPoint';
  at: Scalars['DateTime']['output'];
  funnel: Funnel;
};

export type ImageVariant = {
  __typename?: 'ImageVariant';
  /** webp, or avif when enabled. */
  format: Scalars['String']['output'];
  height: Scalars['Int']['output'];
  /** large (1080 wide), medium (540) or thumb (320). */
  name: Scalars['String']['output'];
  url: Scalars['String']['output'];
  width: Scalars['Int']['output'];
};

export type LogInInput = {
  /** Handle or email. */
  login: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type Media = {
  __typename?: 'Media';
  durationMs?: Maybe<Scalars['Int']['output']>;
  height: Scalars['Int']['output'];
  kind: NoteKind;
  /** The upload behind this media, when it was uploaded here. */
  upload?: Maybe<MediaUpload>;
  url: Scalars['String']['output'];
  width: Scalars['Int']['output'];
};

/** Why a file was refused, for the creator: reason is a stable code (too_large, too_many_pixels, too_long, unsupported_type, corrupt, no_video_stream, processing_failed). */
export type MediaFailure = {
  __typename?: 'MediaFailure';
  message: Scalars['String']['output'];
  reason: Scalars['String']['output'];
};

/** Either an upload of this creator (uploadId, from POST /uploads), or a file on a host the operator allows in MEDIA_URL_HOSTS (url, width, height). */
export type MediaInput = {
  /** Videos named by url only. */
  durationMs?: InputMaybe<Scalars['Int']['input']>;
  height?: InputMaybe<Scalars['Int']['input']>;
  uploadId?: InputMaybe<Scalars['ID']['input']>;
  url?: InputMaybe<Scalars['String']['input']>;
  width?: InputMaybe<Scalars['Int']['input']>;
};

export type MediaStatus =
  | 'failed'
  | 'processing'
  | 'ready';

/** An uploaded file (POST /uploads) and what the pipeline made of it. */
export type MediaUpload = {
  __typename?: 'MediaUpload';
  aspectRatio?: Maybe<Scalars['Float']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** #rrggbb and a ThumbHash (base64), so a waterfall can be laid out and tinted before images load. */
  dominantColor?: Maybe<Scalars['String']['output']>;
  durationMs?: Maybe<Scalars['Int']['output']>;
  failure?: Maybe<MediaFailure>;
  height?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  images: Array<ImageVariant>;
  kind: NoteKind;
  /** HLS master playlist of a ready video. */
  playlistUrl?: Maybe<Scalars['String']['output']>;
  posterUrl?: Maybe<Scalars['String']['output']>;
  /** A few seconds, silent and small, for autoplay in the feed. */
  previewUrl?: Maybe<Scalars['String']['output']>;
  /** 0–100; 100 once ready. */
  progress: Scalars['Int']['output'];
  renditions: Array<VideoRendition>;
  status: MediaStatus;
  thumbhash?: Maybe<Scalars['String']['output']>;
  /** Displayed size (after EXIF orientation or video rotation), known from the upload on. */
  width?: Maybe<Scalars['Int']['output']>;
};

export type Money = {
  __typename?: 'Money';
  /** Integer amount in the currency's minor unit (fen, cents). */
  amountMinor: Scalars['MinorUnits']['output'];
  currency: Scalars['String']['output'];
  /** Display form, e.g. ¥199.00. */
  formatted: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Turns a viewer account into a creator account, which can post notes. */
  becomeCreator: User;
  /** Orders a product in the app at its current price: the order is PENDING, holding its units, until paid with payOrder. */
  checkout: OrderPayload;
  /** Records a tap on a product card and returns the link to the brand's shop. */
  clickProduct: ProductClickPayload;
  /** Collects a note into a board (or no board); collecting again moves it. */
  collect: Note;
  comment: CommentPayload;
  createBoard: Board;
  createNote: NotePayload;
  /** Brand accounts only. */
  createProduct: ProductPayload;
  deleteNote: DeleteNotePayload;
  follow: User;
  /** Not interested in this creator: their notes leave the viewer's feeds. */
  hideCreator: Scalars['Boolean']['output'];
  /** Not interested in this note: it leaves the viewer's feeds. */
  hideNote: Scalars['Boolean']['output'];
  like: Note;
  logIn: AuthPayload;
  /** Signs the viewer out on every device: each token issued so far stops working. True once done. */
  logOut: Scalars['Boolean']['output'];
  /** Pays the signed-in buyer's pending order (error PAYMENT_DECLINED when the provider refuses; CONFLICT once it expired). */
  payOrder: OrderPayload;
  /** Always true. */
  ping: Scalars['Boolean']['output'];
  publishNote: NotePayload;
  recordEvents: RecordEventsPayload;
  /** The selling brand refunds (or takes back) an in-app order, in full or in part. */
  refundOrder: RefundPayload;
  /** The brand named as a note's sponsor confirms (the note then names it) or declines the sponsorship. */
  respondToSponsorship: Note;
  /** Brand accounts: a new secret for signing order webhooks. */
  rotateWebhookSecret: WebhookSecretPayload;
  /** The sponsoring brand records what it paid for a sponsored note (for CPM, CPE and ROI). */
  setSponsorDeal: SponsorDealPayload;
  share: Note;
  signUp: AuthPayload;
  uncollect: Note;
  unfollow: User;
  unlike: Note;
  /** Replaces the topics chosen at sign-up (beauty, fashion, food, travel, home, tech), which the For-You feed starts from. */
  updateInterests: UserPayload;
  updateNote: NotePayload;
  /** Only the owning brand. */
  updateProduct: ProductPayload;
  updateProfile: UserPayload;
};


export type MutationCheckoutArgs = {
  input: CheckoutInput;
};


export type MutationClickProductArgs = {
  input: ProductClickInput;
};


export type MutationCollectArgs = {
  boardId?: InputMaybe<Scalars['ID']['input']>;
  noteId: Scalars['ID']['input'];
};


export type MutationCommentArgs = {
  input: CommentInput;
};


export type MutationCreateBoardArgs = {
  name: Scalars['String']['input'];
};


export type MutationCreateNoteArgs = {
  input: CreateNoteInput;
};


export type MutationCreateProductArgs = {
  input: CreateProductInput;
};


export type MutationDeleteNoteArgs = {
  id: Scalars['ID']['input'];
};


export type MutationFollowArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationHideCreatorArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationHideNoteArgs = {
  noteId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationLikeArgs = {
  noteId: Scalars['ID']['input'];
};


export type MutationLogInArgs = {
  input: LogInInput;
};


export type MutationPayOrderArgs = {
  input: PayOrderInput;
};


export type MutationPublishNoteArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRecordEventsArgs = {
  events: Array<EventInput>;
};


export type MutationRefundOrderArgs = {
  input: RefundInput;
};


export type MutationRespondToSponsorshipArgs = {
  accept: Scalars['Boolean']['input'];
  noteId: Scalars['ID']['input'];
};


export type MutationSetSponsorDealArgs = {
  input: SponsorDealInput;
};


export type MutationShareArgs = {
  channel?: InputMaybe<Scalars['String']['input']>;
  noteId: Scalars['ID']['input'];
};


export type MutationSignUpArgs = {
  input: SignUpInput;
};


export type MutationUncollectArgs = {
  noteId: Scalars['ID']['input'];
};


export type MutationUnfollowArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationUnlikeArgs = {
  noteId: Scalars['ID']['input'];
};


export type MutationUpdateInterestsArgs = {
  interests: Array<Scalars['String']['input']>;
};


export type MutationUpdateNoteArgs = {
  id: Scalars['ID']['input'];
  input: UpdateNoteInput;
};


export type MutationUpdateProductArgs = {
  id: Scalars['ID']['input'];
  input: UpdateProductInput;
};


export type MutationUpdateProfileArgs = {
  input: UpdateProfileInput;
};

export type Note = {
  __typename?: 'Note';
  author: User;
  body: Scalars['String']['output'];
  collectCount: Scalars['Int']['output'];
  commentCount: Scalars['Int']['output'];
  /** Top-level comments, oldest first. */
  comments: CommentConnection;
  createdAt: Scalars['DateTime']['output'];
  /** Why a note is FAILED: the reason one of its files was refused. */
  failureReason?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: NoteKind;
  likeCount: Scalars['Int']['output'];
  media: Array<Media>;
  productTags: Array<ProductTag>;
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the feed showed this note: the candidate sources that proposed it, then up to two reasons in words, e.g. 'following,trending: you follow this creator; trending now' (null outside feeds). */
  reason?: Maybe<Scalars['String']['output']>;
  shareCount: Scalars['Int']['output'];
  /** The sponsoring brand, once it has confirmed the sponsorship (sponsorStatus ACCEPTED). */
  sponsor?: Maybe<Brand>;
  sponsorStatus?: Maybe<SponsorshipStatus>;
  /** The creator's disclosure that the note is sponsored: shown whether or not the brand has confirmed. */
  sponsored: Scalars['Boolean']['output'];
  status: NoteStatus;
  title: Scalars['String']['output'];
  topics: Array<Scalars['String']['output']>;
  viewCount: Scalars['Int']['output'];
  viewerHasCollected: Scalars['Boolean']['output'];
  viewerHasLiked: Scalars['Boolean']['output'];
};


export type NoteCommentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type NoteConnection = {
  __typename?: 'NoteConnection';
  edges: Array<NoteEdge>;
  pageInfo: PageInfo;
};

export type NoteEdge = {
  __typename?: 'NoteEdge';
  cursor: Scalars['String']['output'];
  node: Note;
};

export type NoteKind =
  | 'image'
  | 'video';

export type NotePayload = {
  __typename?: 'NotePayload';
  error?: Maybe<UserError>;
  note?: Maybe<Note>;
};

export type NoteStatus =
  | 'draft'
  | 'failed'
  | 'processing'
  | 'published'
  | 'removed';

export type Order = {
  __typename?: 'Order';
  /** The amount due or paid, at the price of the moment of purchase. */
  amount: Money;
  /** The selling brand's analytics: null for anyone but that brand or an admin (a buyer included). */
  attribution?: Maybe<AttributionKind>;
  /** Every credit under every model, oldest touch first: why the order counts where it does. Empty for anyone but the selling brand or an admin. */
  credits: Array<AttributionCredit>;
  /** When a pending order expires unless paid. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The brand's order id, for webhook orders. */
  externalId: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  paidAt?: Maybe<Scalars['DateTime']['output']>;
  product?: Maybe<Product>;
  quantity: Scalars['Int']['output'];
  refunded: Money;
  refunds: Array<Refund>;
  /** CHECKOUT (in the app) or WEBHOOK (the brand's own shop). */
  source: Scalars['String']['output'];
  status: OrderStatus;
};

export type OrderConnection = {
  __typename?: 'OrderConnection';
  edges: Array<OrderEdge>;
  pageInfo: PageInfo;
};

export type OrderEdge = {
  __typename?: 'OrderEdge';
  cursor: Scalars['String']['output'];
  node: Order;
};

export type OrderPayload = {
  __typename?: 'OrderPayload';
  error?: Maybe<UserError>;
  order?: Maybe<Order>;
};

export type OrderStatus =
  /** Not paid in time: its units went back on sale. */
  | 'expired'
  /** Paid in the app or in the brand's shop: only paid orders count as sales. */
  | 'paid'
  /** Placed in the app; its units are held for the buyer until it is paid or expires (expiresAt). */
  | 'pending';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PayOrderInput = {
  /** One of paymentOptions' methods. */
  method: Scalars['ID']['input'];
  orderId: Scalars['ID']['input'];
};

/** A way to pay in the app. With PAYMENT_PROVIDER=test these are test cards and no money moves. */
export type PaymentOption = {
  __typename?: 'PaymentOption';
  label: Scalars['String']['output'];
  /** What payOrder takes as its method. */
  method: Scalars['ID']['output'];
};

/** A rate averaged over viewers with an impression, with its 95% confidence interval (normal approximation). */
export type PerViewerRate = {
  __typename?: 'PerViewerRate';
  high?: Maybe<Scalars['Float']['output']>;
  /** The interval's ends; null with fewer than two viewers. */
  low?: Maybe<Scalars['Float']['output']>;
  mean: Scalars['Float']['output'];
  /** Viewers with at least one impression. */
  viewers: Scalars['Int']['output'];
};

/** The arm's rates per viewer. */
export type PerViewerRates = {
  __typename?: 'PerViewerRates';
  /** Reads per impression. */
  ctr: PerViewerRate;
  likeRate: PerViewerRate;
  purchaseRate: PerViewerRate;
};

export type Product = {
  __typename?: 'Product';
  brand: Brand;
  /** The brand's shop page. */
  buyUrl: Scalars['String']['output'];
  category: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  images: Array<Scalars['String']['output']>;
  inStock: Scalars['Boolean']['output'];
  /** Published notes that tag the product, newest first. */
  notes: NoteConnection;
  price: Money;
  stock: Scalars['Int']['output'];
  title: Scalars['String']['output'];
};


export type ProductNotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type ProductClickInput = {
  /** Client-generated UUID; resending it records nothing new and returns the same link. */
  eventId: Scalars['ID']['input'];
  /** The note whose product card was tapped. */
  noteId: Scalars['ID']['input'];
  productId: Scalars['ID']['input'];
};

export type ProductClickPayload = {
  __typename?: 'ProductClickPayload';
  clickId?: Maybe<Scalars['ID']['output']>;
  error?: Maybe<UserError>;
  product?: Maybe<Product>;
  /** The brand's shop page with the click's tracking parameter (sf_click), which the shop sends back with the order. */
  url?: Maybe<Scalars['String']['output']>;
};

export type ProductConnection = {
  __typename?: 'ProductConnection';
  edges: Array<ProductEdge>;
  pageInfo: PageInfo;
};

export type ProductEdge = {
  __typename?: 'ProductEdge';
  cursor: Scalars['String']['output'];
  node: Product;
};

export type ProductPayload = {
  __typename?: 'ProductPayload';
  error?: Maybe<UserError>;
  product?: Maybe<Product>;
};

/** A product card on a note, optionally pinned to a spot of an image or a moment of the video. */
export type ProductTag = {
  __typename?: 'ProductTag';
  atMs?: Maybe<Scalars['Int']['output']>;
  imageIndex?: Maybe<Scalars['Int']['output']>;
  position: Scalars['Int']['output'];
  product: Product;
  x?: Maybe<Scalars['Float']['output']>;
  y?: Maybe<Scalars['Float']['output']>;
};

export type ProductTagInput = {
  atMs?: InputMaybe<Scalars['Int']['input']>;
  imageIndex?: InputMaybe<Scalars['Int']['input']>;
  productId: Scalars['ID']['input'];
  x?: InputMaybe<Scalars['Float']['input']>;
  y?: InputMaybe<Scalars['Float']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /** Any of the tables above as CSV (GET /exports/analytics.csv gives them as files); TOP_* tables take a BRAND or PRODUCT scope, DEALS a BRAND scope. */
  analyticsCsv: CsvFile;
  analyticsFunnel: Funnel;
  analyticsSeries: Array<FunnelPoint>;
  /** The topics the scope's readers chose at sign-up, weighted by their reads. */
  audienceTopics: Array<TopicShare>;
  board?: Maybe<Board>;
  /** A brand, as its products show it (null when there is none). */
  brand?: Maybe<Brand>;
  /** The signed-in brand's orders (admins name the brand), newest first: paid ones unless another status is asked for (null: all). */
  brandOrders: OrderConnection;
  /** Admins: brands whose names contain the text, by name, to open any brand's console. */
  brands: Array<Brand>;
  feed: NoteConnection;
  /** Admins only: the running For-You experiment (FEED_EXPERIMENT) and each arm's rates since it started. */
  feedExperiment: FeedExperiment;
  /** People who began following the creator in the range and follow them still (an unfollow removes its follow): the creator themself and admins. */
  followerGain: Scalars['Int']['output'];
  note?: Maybe<Note>;
  notesByUser: NoteConnection;
  /** An order of the signed-in brand (admins: of any brand), with its attribution explained. */
  order?: Maybe<Order>;
  /** How a buyer can pay for an order in the app; empty when the brands' shops take payment. */
  paymentOptions: Array<PaymentOption>;
  /** Always true: lets a client check that the API answers. */
  ping: Scalars['Boolean']['output'];
  product?: Maybe<Product>;
  productTopCreators: Array<TopCreator>;
  /** The notes that drove a product's sales, best first (by GMV, then orders, then clicks). */
  productTopNotes: Array<TopNote>;
  /** Notes like this one, for the waterfall below it: the model's item-to-item and embedding neighbours, then notes sharing its topics by engagement. Never the note itself, nor what the viewer hid or wrote. */
  relatedNotes: NoteConnection;
  /** Published notes and products matching the query's words (Chinese segmented into words), those with every word first, then by relevance and engagement. */
  search: SearchConnection;
  /** Each sponsored deal of a brand (the signed-in brand's own; admins name one) with its note's figures over the range, newest deal first. */
  sponsorDeals: Array<SponsorDealFigures>;
  /** Brand accounts: notes naming the brand as their sponsor that it has not confirmed or declined, newest first. */
  sponsorshipRequests: Array<Note>;
  /** The creators whose notes drove a BRAND's or a PRODUCT's sales, best first. */
  topCreators: Array<TopCreator>;
  /** The notes that drove a BRAND's or a PRODUCT's sales, best first (by GMV, then orders, then clicks). */
  topNotes: Array<TopNote>;
  topic: Topic;
  /** Topics of published notes that start with prefix (a leading # is ignored), the most used first: suggestions while a creator types. */
  topics: Array<Topic>;
  /** One of the viewer's own uploads, for polling its status and progress. */
  upload?: Maybe<MediaUpload>;
  user?: Maybe<User>;
  /** The signed-in account, or null when anonymous. */
  viewer?: Maybe<User>;
  /** The signed-in account's own purchases, newest first. */
  viewerOrders: OrderConnection;
};


export type QueryAnalyticsCsvArgs = {
  currency?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  interval?: InputMaybe<AnalyticsInterval>;
  range: DateRange;
  scope: AnalyticsScope;
  table: AnalyticsTable;
};


export type QueryAnalyticsFunnelArgs = {
  currency?: InputMaybe<Scalars['String']['input']>;
  range: DateRange;
  scope: AnalyticsScope;
};


export type QueryAnalyticsSeriesArgs = {
  currency?: InputMaybe<Scalars['String']['input']>;
  interval?: InputMaybe<AnalyticsInterval>;
  range: DateRange;
  scope: AnalyticsScope;
};


export type QueryAudienceTopicsArgs = {
  range: DateRange;
  scope: AnalyticsScope;
};


export type QueryBoardArgs = {
  id: Scalars['ID']['input'];
};


export type QueryBrandArgs = {
  id: Scalars['ID']['input'];
};


export type QueryBrandOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  brandId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<OrderStatus>;
};


export type QueryBrandsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  nameContains?: InputMaybe<Scalars['String']['input']>;
};


export type QueryFeedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<FeedKind>;
};


export type QueryFollowerGainArgs = {
  creatorId: Scalars['ID']['input'];
  range: DateRange;
};


export type QueryNoteArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNotesByUserArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  userId: Scalars['ID']['input'];
};


export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProductArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProductTopCreatorsArgs = {
  currency?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  productId: Scalars['ID']['input'];
  range: DateRange;
};


export type QueryProductTopNotesArgs = {
  currency?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  productId: Scalars['ID']['input'];
  range: DateRange;
};


export type QueryRelatedNotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  noteId: Scalars['ID']['input'];
};


export type QuerySearchArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


export type QuerySponsorDealsArgs = {
  brandId?: InputMaybe<Scalars['ID']['input']>;
  currency?: InputMaybe<Scalars['String']['input']>;
  range: DateRange;
};


export type QuerySponsorshipRequestsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTopCreatorsArgs = {
  currency?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  range: DateRange;
  scope: AnalyticsScope;
};


export type QueryTopNotesArgs = {
  currency?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  range: DateRange;
  scope: AnalyticsScope;
};


export type QueryTopicArgs = {
  name: Scalars['String']['input'];
};


export type QueryTopicsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  prefix?: InputMaybe<Scalars['String']['input']>;
};


export type QueryUploadArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


export type QueryViewerOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type RecordEventsPayload = {
  __typename?: 'RecordEventsPayload';
  /** Newly stored events. */
  accepted: Scalars['Int']['output'];
  /** Events whose id was already stored (or repeated in the batch). */
  duplicates: Scalars['Int']['output'];
  error?: Maybe<UserError>;
  rejected: Array<EventRejection>;
};

export type Refund = {
  __typename?: 'Refund';
  amount: Money;
  id: Scalars['ID']['output'];
  kind: RefundKind;
  occurredAt: Scalars['DateTime']['output'];
  reason: Scalars['String']['output'];
};

export type RefundInput = {
  /** Defaults to what is left unrefunded. */
  amountMinor?: InputMaybe<Scalars['MinorUnits']['input']>;
  /** Makes a retried refund a no-op. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  kind?: InputMaybe<RefundKind>;
  orderId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type RefundKind =
  | 'refund'
  | 'return';

export type RefundPayload = {
  __typename?: 'RefundPayload';
  error?: Maybe<UserError>;
  order?: Maybe<Order>;
  refund?: Maybe<Refund>;
};

export type Role =
  | 'admin'
  | 'brand'
  | 'creator'
  | 'viewer';

/** Orders credited one way, and the refunds and returns of those orders (dated when refunded). */
export type Sales = {
  __typename?: 'Sales';
  gmv: Money;
  /** GMV less refunds. */
  netGmv: Money;
  orders: Scalars['Int']['output'];
  refundAmount: Money;
  refunds: Scalars['Int']['output'];
  units: Scalars['Int']['output'];
};

/** Whether the arms hold the share of exposed viewers the split promises (χ² test); a mismatch means the rates cannot be trusted. */
export type SampleRatioCheck = {
  __typename?: 'SampleRatioCheck';
  expectedShareB: Scalars['Float']['output'];
  /** pValue below 0.001. */
  mismatch: Scalars['Boolean']['output'];
  observedShareB: Scalars['Float']['output'];
  pValue: Scalars['Float']['output'];
};

export type SearchConnection = {
  __typename?: 'SearchConnection';
  edges: Array<SearchEdge>;
  pageInfo: PageInfo;
};

export type SearchEdge = {
  __typename?: 'SearchEdge';
  cursor: Scalars['String']['output'];
  node: SearchHit;
};

export type SearchHit = Note | Product;

export type SignUpInput = {
  /** Required for BRAND accounts. */
  brandName?: InputMaybe<Scalars['String']['input']>;
  displayName: Scalars['String']['input'];
  email?: InputMaybe<Scalars['String']['input']>;
  /** 3–30 letters, digits or underscores; stored lower-case. */
  handle: Scalars['String']['input'];
  /** Topics for the first feed: beauty, fashion, food, travel, home, tech. */
  interests?: InputMaybe<Array<Scalars['String']['input']>>;
  password: Scalars['String']['input'];
  role?: InputMaybe<SignUpRole>;
};

/** Roles one may sign up as; admins are appointed, not signed up. */
export type SignUpRole =
  | 'brand'
  | 'creator'
  | 'viewer';

export type SponsorDeal = {
  __typename?: 'SponsorDeal';
  cost: Money;
  note?: Maybe<Note>;
};

/**
 * One sponsored deal: what the brand paid for a note, and what the note did for the brand's products over the range
 * (impressions, engagements, last-click GMV less refunds).
 */
export type SponsorDealFigures = {
  __typename?: 'SponsorDealFigures';
  cost: Money;
  /** Cost per engagement. */
  cpe?: Maybe<Money>;
  /** Cost per thousand impressions. */
  cpm?: Maybe<Money>;
  engagements: Scalars['Int']['output'];
  gmv: Money;
  impressions: Scalars['Int']['output'];
  note?: Maybe<Note>;
  /** (GMV less refunds less cost) / cost. */
  roi?: Maybe<Scalars['Float']['output']>;
};

export type SponsorDealInput = {
  costMinor: Scalars['MinorUnits']['input'];
  currency: Scalars['String']['input'];
  noteId: Scalars['ID']['input'];
};

export type SponsorDealPayload = {
  __typename?: 'SponsorDealPayload';
  deal?: Maybe<SponsorDeal>;
  error?: Maybe<UserError>;
};

export type SponsoredFigures = {
  __typename?: 'SponsoredFigures';
  cost: Money;
  /** Cost per engagement. */
  cpe?: Maybe<Money>;
  /** Cost per thousand impressions. */
  cpm?: Maybe<Money>;
  engagements: Scalars['Int']['output'];
  impressions: Scalars['Int']['output'];
  /** Sponsored notes in the scope with a recorded deal in this currency. */
  notes: Scalars['Int']['output'];
  /** (Last-click GMV of those notes less refunds less cost) / cost. */
  roi?: Maybe<Scalars['Float']['output']>;
};

export type SponsorshipStatus =
  | 'accepted'
  | 'declined'
  /** Named by the creator; the brand has not answered. */
  | 'pending';

export type Subscription = {
  __typename?: 'Subscription';
  /** One of the viewer's own uploads: its state now, then at every change of progress, until it is READY or FAILED (over WebSocket, graphql-ws). */
  uploadProgress: MediaUpload;
};


export type SubscriptionUploadProgressArgs = {
  id: Scalars['ID']['input'];
};

export type TopCreator = {
  __typename?: 'TopCreator';
  creator?: Maybe<User>;
  funnel: Funnel;
};

export type TopNote = {
  __typename?: 'TopNote';
  funnel: Funnel;
  note?: Maybe<Note>;
};

export type Topic = {
  __typename?: 'Topic';
  name: Scalars['String']['output'];
  noteCount: Scalars['Int']['output'];
  notes: NoteConnection;
};


export type TopicNotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type TopicShare = {
  __typename?: 'TopicShare';
  reads: Scalars['Int']['output'];
  share: Scalars['Float']['output'];
  topic: Scalars['String']['output'];
};

export type UpdateNoteInput = {
  body?: InputMaybe<Scalars['String']['input']>;
  media?: InputMaybe<Array<MediaInput>>;
  productTags?: InputMaybe<Array<ProductTagInput>>;
  /** null clears the sponsorship. */
  sponsorBrandId?: InputMaybe<Scalars['ID']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type UpdateProductInput = {
  buyUrl?: InputMaybe<Scalars['String']['input']>;
  category?: InputMaybe<Scalars['String']['input']>;
  currency?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  images?: InputMaybe<Array<Scalars['String']['input']>>;
  priceMinor?: InputMaybe<Scalars['MinorUnits']['input']>;
  stock?: InputMaybe<Scalars['Int']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to the signed-in account's profile: omitted fields stay as they are, and so do a null display name or bio. */
export type UpdateProfileInput = {
  /** An image upload of the viewer's own (POST /uploads) that upload(id) says is READY; null removes the avatar. */
  avatarUploadId?: InputMaybe<Scalars['ID']['input']>;
  /** At most 200 characters; an empty string clears it. */
  bio?: InputMaybe<Scalars['String']['input']>;
  /** 1–60 characters. */
  displayName?: InputMaybe<Scalars['String']['input']>;
};

export type User = {
  __typename?: 'User';
  avatarUrl?: Maybe<Scalars['String']['output']>;
  bio: Scalars['String']['output'];
  /** Boards of collected notes, oldest first; boards are public, like the notes collected into them. */
  boards: Array<Board>;
  /** The brand a brand account owns. */
  brand?: Maybe<Brand>;
  createdAt: Scalars['DateTime']['output'];
  displayName: Scalars['String']['output'];
  followerCount: Scalars['Int']['output'];
  /** Who follows this user, newest follow first. */
  followers: UserConnection;
  /** Whom this user follows, newest follow first. */
  following: UserConnection;
  followingCount: Scalars['Int']['output'];
  handle: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Topics chosen at sign-up. */
  interests: Array<Scalars['String']['output']>;
  /** Published notes this user liked, newest like first; likes are public, as on the profile's liked tab. */
  likedNotes: NoteConnection;
  /** Likes and collects received by this user's published notes (获赞与收藏). */
  likesAndCollectsReceived: Scalars['Int']['output'];
  /** Published notes. */
  noteCount: Scalars['Int']['output'];
  /** Notes newest first; the user themself also sees their drafts. */
  notes: NoteConnection;
  role: Role;
  /** Whether the signed-in viewer follows this user (false when anonymous). */
  viewerIsFollowing: Scalars['Boolean']['output'];
};


export type UserFollowersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type UserFollowingArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type UserLikedNotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type UserNotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type UserConnection = {
  __typename?: 'UserConnection';
  edges: Array<UserEdge>;
  pageInfo: PageInfo;
};

export type UserEdge = {
  __typename?: 'UserEdge';
  cursor: Scalars['String']['output'];
  node: User;
};

/** A refusal the client should show next to the field it names. */
export type UserError = {
  __typename?: 'UserError';
  /** Stable machine-readable code: BAD_USER_INPUT, CONFLICT, NOT_FOUND, FORBIDDEN, UNAUTHENTICATED, ... */
  code: Scalars['String']['output'];
  /** Dotted path of the offending input field, when one is to blame. */
  field?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
};

export type UserPayload = {
  __typename?: 'UserPayload';
  error?: Maybe<UserError>;
  user?: Maybe<User>;
};

export type VideoRendition = {
  __typename?: 'VideoRendition';
  height: Scalars['Int']['output'];
  /** 1080p, 720p, 480p or 360p. */
  name: Scalars['String']['output'];
  playlistUrl: Scalars['String']['output'];
  width: Scalars['Int']['output'];
};

export type WebhookSecretPayload = {
  __typename?: 'WebhookSecretPayload';
  /** POST signed order events to /webhooks/orders/{brandId}. */
  brandId?: Maybe<Scalars['ID']['output']>;
  error?: Maybe<UserError>;
  /** Until when the secret this one replaced still verifies (a day), while the shop's settings catch up; then it is retired. */
  previousSecretValidUntil?: Maybe<Scalars['DateTime']['output']>;
  /** Shown once: keep it in the shop's settings. */
  secret?: Maybe<Scalars['String']['output']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AnalyticsInterval: null;
  AnalyticsScope: AnalyticsScope;
  AnalyticsScopeKind: null;
  AnalyticsTable: null;
  AttributionCredit: ResolverTypeWrapper<AttributionRow>;
  AttributionKind: ResolverTypeWrapper<AttributionKindValue>;
  AttributionModel: null;
  AuthPayload: ResolverTypeWrapper<Omit<AuthPayload, 'user'> & { user?: Maybe<ResolversTypes['User']> }>;
  Board: ResolverTypeWrapper<BoardWithCount>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Brand: ResolverTypeWrapper<BrandRow>;
  CheckoutInput: CheckoutInput;
  ClientEventType: null;
  Comment: ResolverTypeWrapper<CommentRow>;
  CommentConnection: ResolverTypeWrapper<Omit<CommentConnection, 'edges'> & { edges: Array<ResolversTypes['CommentEdge']> }>;
  CommentEdge: ResolverTypeWrapper<Omit<CommentEdge, 'node'> & { node: ResolversTypes['Comment'] }>;
  CommentInput: CommentInput;
  CommentPayload: ResolverTypeWrapper<Omit<CommentPayload, 'comment'> & { comment?: Maybe<ResolversTypes['Comment']> }>;
  CreateNoteInput: CreateNoteInput;
  CreateProductInput: CreateProductInput;
  CsvFile: ResolverTypeWrapper<CsvFile>;
  DateRange: DateRange;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeleteNotePayload: ResolverTypeWrapper<DeleteNotePayload>;
  EventInput: EventInput;
  EventRejection: ResolverTypeWrapper<EventRejection>;
  FeedExperiment: ResolverTypeWrapper<FeedExperiment>;
  FeedExperimentArm: ResolverTypeWrapper<FeedExperimentArm>;
  FeedExperimentDifference: ResolverTypeWrapper<FeedExperimentDifference>;
  FeedKind: null;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Funnel: ResolverTypeWrapper<FunnelModel>;
  FunnelPoint: ResolverTypeWrapper<Omit<FunnelPoint, 'funnel'> & { funnel: ResolversTypes['Funnel'] }>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ImageVariant: ResolverTypeWrapper<ImageVariant>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  LogInInput: LogInInput;
  Media: ResolverTypeWrapper<NoteMediaRow>;
  MediaFailure: ResolverTypeWrapper<MediaFailure>;
  MediaInput: MediaInput;
  MediaStatus: null;
  MediaUpload: ResolverTypeWrapper<MediaRow>;
  MinorUnits: ResolverTypeWrapper<Scalars['MinorUnits']['output']>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Note: ResolverTypeWrapper<ServedNote>;
  NoteConnection: ResolverTypeWrapper<Omit<NoteConnection, 'edges'> & { edges: Array<ResolversTypes['NoteEdge']> }>;
  NoteEdge: ResolverTypeWrapper<Omit<NoteEdge, 'node'> & { node: ResolversTypes['Note'] }>;
  NoteKind: null;
  NotePayload: ResolverTypeWrapper<Omit<NotePayload, 'note'> & { note?: Maybe<ResolversTypes['Note']> }>;
  NoteStatus: null;
  Order: ResolverTypeWrapper<OrderRow>;
  OrderConnection: ResolverTypeWrapper<Omit<OrderConnection, 'edges'> & { edges: Array<ResolversTypes['OrderEdge']> }>;
  OrderEdge: ResolverTypeWrapper<Omit<OrderEdge, 'node'> & { node: ResolversTypes['Order'] }>;
  OrderPayload: ResolverTypeWrapper<Omit<OrderPayload, 'order'> & { order?: Maybe<ResolversTypes['Order']> }>;
  OrderStatus: null;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PayOrderInput: PayOrderInput;
  PaymentOption: ResolverTypeWrapper<PaymentOption>;
  PerViewerRate: ResolverTypeWrapper<PerViewerRate>;
  PerViewerRates: ResolverTypeWrapper<PerViewerRates>;
  Product: ResolverTypeWrapper<ProductRow>;
  ProductClickInput: ProductClickInput;
  ProductClickPayload: ResolverTypeWrapper<Omit<ProductClickPayload, 'product'> & { product?: Maybe<ResolversTypes['Product']> }>;
  ProductConnection: ResolverTypeWrapper<Omit<ProductConnection, 'edges'> & { edges: Array<ResolversTypes['ProductEdge']> }>;
  ProductEdge: ResolverTypeWrapper<Omit<ProductEdge, 'node'> & { node: ResolversTypes['Product'] }>;
  ProductPayload: ResolverTypeWrapper<Omit<ProductPayload, 'product'> & { product?: Maybe<ResolversTypes['Product']> }>;
  ProductTag: ResolverTypeWrapper<NoteProductRow>;
  ProductTagInput: ProductTagInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordEventsPayload: ResolverTypeWrapper<RecordEventsPayload>;
  Refund: ResolverTypeWrapper<RefundParent>;
  RefundInput: RefundInput;
  RefundKind: null;
  RefundPayload: ResolverTypeWrapper<Omit<RefundPayload, 'order' | 'refund'> & { order?: Maybe<ResolversTypes['Order']>, refund?: Maybe<ResolversTypes['Refund']> }>;
  Role: null;
  Sales: ResolverTypeWrapper<SalesParent>;
  SampleRatioCheck: ResolverTypeWrapper<SampleRatioCheck>;
  SearchConnection: ResolverTypeWrapper<Omit<SearchConnection, 'edges'> & { edges: Array<ResolversTypes['SearchEdge']> }>;
  SearchEdge: ResolverTypeWrapper<Omit<SearchEdge, 'node'> & { node: ResolversTypes['SearchHit'] }>;
  SearchHit: ResolverTypeWrapper<SearchHitParent>;
  SignUpInput: SignUpInput;
  SignUpRole: null;
  SponsorDeal: ResolverTypeWrapper<SponsorDealRow>;
  SponsorDealFigures: ResolverTypeWrapper<SponsorDealParent>;
  SponsorDealInput: SponsorDealInput;
  SponsorDealPayload: ResolverTypeWrapper<Omit<SponsorDealPayload, 'deal'> & { deal?: Maybe<ResolversTypes['SponsorDeal']> }>;
  SponsoredFigures: ResolverTypeWrapper<SponsoredParent>;
  SponsorshipStatus: null;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TopCreator: ResolverTypeWrapper<TopParent>;
  TopNote: ResolverTypeWrapper<TopParent>;
  Topic: ResolverTypeWrapper<TopicParent>;
  TopicShare: ResolverTypeWrapper<TopicShare>;
  UpdateNoteInput: UpdateNoteInput;
  UpdateProductInput: UpdateProductInput;
  UpdateProfileInput: UpdateProfileInput;
  User: ResolverTypeWrapper<UserRow>;
  UserConnection: ResolverTypeWrapper<Omit<UserConnection, 'edges'> & { edges: Array<ResolversTypes['UserEdge']> }>;
  UserEdge: ResolverTypeWrapper<Omit<UserEdge, 'node'> & { node: ResolversTypes['User'] }>;
  UserError: ResolverTypeWrapper<UserError>;
  UserPayload: ResolverTypeWrapper<Omit<UserPayload, 'user'> & { user?: Maybe<ResolversTypes['User']> }>;
  VideoRendition: ResolverTypeWrapper<VideoRendition>;
  WebhookSecretPayload: ResolverTypeWrapper<WebhookSecretPayload>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AnalyticsScope: AnalyticsScope;
  AttributionCredit: AttributionRow;
  AuthPayload: Omit<AuthPayload, 'user'> & { user?: Maybe<ResolversParentTypes['User']> };
  Board: BoardWithCount;
  Boolean: Scalars['Boolean']['output'];
  Brand: BrandRow;
  CheckoutInput: CheckoutInput;
  Comment: CommentRow;
  CommentConnection: Omit<CommentConnection, 'edges'> & { edges: Array<ResolversParentTypes['CommentEdge']> };
  CommentEdge: Omit<CommentEdge, 'node'> & { node: ResolversParentTypes['Comment'] };
  CommentInput: CommentInput;
  CommentPayload: Omit<CommentPayload, 'comment'> & { comment?: Maybe<ResolversParentTypes['Comment']> };
  CreateNoteInput: CreateNoteInput;
  CreateProductInput: CreateProductInput;
  CsvFile: CsvFile;
  DateRange: DateRange;
  DateTime: Scalars['DateTime']['output'];
  DeleteNotePayload: DeleteNotePayload;
  EventInput: EventInput;
  EventRejection: EventRejection;
  FeedExperiment: FeedExperiment;
  FeedExperimentArm: FeedExperimentArm;
  FeedExperimentDifference: FeedExperimentDifference;
  Float: Scalars['Float']['output'];
  Funnel: FunnelModel;
  FunnelPoint: Omit<FunnelPoint, 'funnel'> & { funnel: ResolversParentTypes['Funnel'] };
  ID: Scalars['ID']['output'];
  ImageVariant: ImageVariant;
  Int: Scalars['Int']['output'];
  LogInInput: LogInInput;
  Media: NoteMediaRow;
  MediaFailure: MediaFailure;
  MediaInput: MediaInput;
  MediaUpload: MediaRow;
  MinorUnits: Scalars['MinorUnits']['output'];
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  Note: ServedNote;
  NoteConnection: Omit<NoteConnection, 'edges'> & { edges: Array<ResolversParentTypes['NoteEdge']> };
  NoteEdge: Omit<NoteEdge, 'node'> & { node: ResolversParentTypes['Note'] };
  NotePayload: Omit<NotePayload, 'note'> & { note?: Maybe<ResolversParentTypes['Note']> };
  Order: OrderRow;
  OrderConnection: Omit<OrderConnection, 'edges'> & { edges: Array<ResolversParentTypes['OrderEdge']> };
  OrderEdge: Omit<OrderEdge, 'node'> & { node: ResolversParentTypes['Order'] };
  OrderPayload: Omit<OrderPayload, 'order'> & { order?: Maybe<ResolversParentTypes['Order']> };
  PageInfo: PageInfo;
  PayOrderInput: PayOrderInput;
  PaymentOption: PaymentOption;
  PerViewerRate: PerViewerRate;
  PerViewerRates: PerViewerRates;
  Product: ProductRow;
  ProductClickInput: ProductClickInput;
  ProductClickPayload: Omit<ProductClickPayload, 'product'> & { product?: Maybe<ResolversParentTypes['Product']> };
  ProductConnection: Omit<ProductConnection, 'edges'> & { edges: Array<ResolversParentTypes['ProductEdge']> };
  ProductEdge: Omit<ProductEdge, 'node'> & { node: ResolversParentTypes['Product'] };
  ProductPayload: Omit<ProductPayload, 'product'> & { product?: Maybe<ResolversParentTypes['Product']> };
  ProductTag: NoteProductRow;
  ProductTagInput: ProductTagInput;
  Query: Record<PropertyKey, never>;
  RecordEventsPayload: RecordEventsPayload;
  Refund: RefundParent;
  RefundInput: RefundInput;
  RefundPayload: Omit<RefundPayload, 'order' | 'refund'> & { order?: Maybe<ResolversParentTypes['Order']>, refund?: Maybe<ResolversParentTypes['Refund']> };
  Sales: SalesParent;
  SampleRatioCheck: SampleRatioCheck;
  SearchConnection: Omit<SearchConnection, 'edges'> & { edges: Array<ResolversParentTypes['SearchEdge']> };
  SearchEdge: Omit<SearchEdge, 'node'> & { node: ResolversParentTypes['SearchHit'] };
  SearchHit: SearchHitParent;
  SignUpInput: SignUpInput;
  SponsorDeal: SponsorDealRow;
  SponsorDealFigures: SponsorDealParent;
  SponsorDealInput: SponsorDealInput;
  SponsorDealPayload: Omit<SponsorDealPayload, 'deal'> & { deal?: Maybe<ResolversParentTypes['SponsorDeal']> };
  SponsoredFigures: SponsoredParent;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  TopCreator: TopParent;
  TopNote: TopParent;
  Topic: TopicParent;
  TopicShare: TopicShare;
  UpdateNoteInput: UpdateNoteInput;
  UpdateProductInput: UpdateProductInput;
  UpdateProfileInput: UpdateProfileInput;
  User: UserRow;
  UserConnection: Omit<UserConnection, 'edges'> & { edges: Array<ResolversParentTypes['UserEdge']> };
  UserEdge: Omit<UserEdge, 'node'> & { node: ResolversParentTypes['User'] };
  UserError: UserError;
  UserPayload: Omit<UserPayload, 'user'> & { user?: Maybe<ResolversParentTypes['User']> };
  VideoRendition: VideoRendition;
  WebhookSecretPayload: WebhookSecretPayload;
};

export type AnalyticsIntervalResolvers = { DAY: 'day', HOUR: 'hour' };

export type AnalyticsScopeKindResolvers = { BRAND: 'brand', CREATOR: 'creator', NOTE: 'note', PRODUCT: 'product' };

export type AnalyticsTableResolvers = { AUDIENCE_TOPICS: 'audience_topics', DEALS: 'deals', FUNNEL: 'funnel', SERIES: 'series', TOP_CREATORS: 'top_creators', TOP_NOTES: 'top_notes' };

export type AttributionCreditResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AttributionCredit'] = ResolversParentTypes['AttributionCredit']> = {
  creator?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  credit?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  impressedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  impressionEventId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  model?: Resolver<ResolversTypes['AttributionModel'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['Note']>, ParentType, ContextType>;
  touchEventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  touchType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  touchedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type AttributionKindResolvers = { CLICK: 'click', ORGANIC: 'organic', VIEW_THROUGH: 'view_through' };

export type AttributionModelResolvers = { LAST_CLICK: 'last_click', POSITION: 'position', VIEW_THROUGH: 'view_through' };

export type AuthPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = {
  error?: Resolver<Maybe<ResolversTypes['UserError']>, ParentType, ContextType>;
  token?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type BoardResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Board'] = ResolversParentTypes['Board']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  noteCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  notes?: Resolver<ResolversTypes['NoteConnection'], ParentType, ContextType, RequireFields<BoardNotesArgs, 'first'>>;
  owner?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type BrandResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Brand'] = ResolversParentTypes['Brand']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  logoUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, RequireFields<BrandProductsArgs, 'first'>>;
};

export type ClientEventTypeResolvers = { IMPRESSION: 'impression', PRODUCT_CLICK: 'product_click', VIEW: 'view' };

export type CommentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Comment'] = ResolversParentTypes['Comment']> = {
  author?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  parentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  replies?: Resolver<ResolversTypes['CommentConnection'], ParentType, ContextType, RequireFields<CommentRepliesArgs, 'first'>>;
  replyTo?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type CommentConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CommentConnection'] = ResolversParentTypes['CommentConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CommentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type CommentEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CommentEdge'] = ResolversParentTypes['CommentEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Comment'], ParentType, ContextType>;
};

export type CommentPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CommentPayload'] = ResolversParentTypes['CommentPayload']> = {
  comment?: Resolver<Maybe<ResolversTypes['Comment']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type CsvFileResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CsvFile'] = ResolversParentTypes['CsvFile']> = {
  csv?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  filename?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeleteNotePayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DeleteNotePayload'] = ResolversParentTypes['DeleteNotePayload']> = {
  deletedId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type EventRejectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EventRejection'] = ResolversParentTypes['EventRejection']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  eventId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type FeedExperimentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FeedExperiment'] = ResolversParentTypes['FeedExperiment']> = {
  arms?: Resolver<Array<ResolversTypes['FeedExperimentArm']>, ParentType, ContextType>;
  differences?: Resolver<Array<ResolversTypes['FeedExperimentDifference']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sampleRatio?: Resolver<ResolversTypes['SampleRatioCheck'], ParentType, ContextType>;
  since?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type FeedExperimentArmResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FeedExperimentArm'] = ResolversParentTypes['FeedExperimentArm']> = {
  arm?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ctr?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  exposed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  impressions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  likeRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  perViewer?: Resolver<ResolversTypes['PerViewerRates'], ParentType, ContextType>;
  purchaseRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  served?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  users?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FeedExperimentDifferenceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FeedExperimentDifference'] = ResolversParentTypes['FeedExperimentDifference']> = {
  difference?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  high?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  low?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type FeedKindResolvers = { FOLLOWING: 'following', FOR_YOU: 'for_you', TRENDING: 'trending' };

export type FunnelResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Funnel'] = ResolversParentTypes['Funnel']> = {
  anonymousImpressions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  anonymousReads?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  averageOrderValue?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  collects?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  comments?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ctr?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  cvr?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  engagementRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  engagements?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  impressions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  likes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  organic?: Resolver<ResolversTypes['Sales'], ParentType, ContextType>;
  positionBasedGmv?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  positionBasedOrders?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  productClicks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  readRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  reads?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  repeatPurchaseRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  sales?: Resolver<ResolversTypes['Sales'], ParentType, ContextType>;
  shares?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sponsored?: Resolver<Maybe<ResolversTypes['SponsoredFigures']>, ParentType, ContextType>;
  viewThrough?: Resolver<ResolversTypes['Sales'], ParentType, ContextType>;
};

export type FunnelPointResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FunnelPoint'] = ResolversParentTypes['FunnelPoint']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  funnel?: Resolver<ResolversTypes['Funnel'], ParentType, ContextType>;
};

export type ImageVariantResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ImageVariant'] = ResolversParentTypes['ImageVariant']> = {
  format?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  height?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  width?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MediaResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Media'] = ResolversParentTypes['Media']> = {
  durationMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  height?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NoteKind'], ParentType, ContextType>;
  upload?: Resolver<Maybe<ResolversTypes['MediaUpload']>, ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  width?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MediaFailureResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MediaFailure'] = ResolversParentTypes['MediaFailure']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MediaStatusResolvers = { FAILED: 'failed', PROCESSING: 'processing', READY: 'ready' };

export type MediaUploadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MediaUpload'] = ResolversParentTypes['MediaUpload']> = {
  aspectRatio?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dominantColor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  durationMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  failure?: Resolver<Maybe<ResolversTypes['MediaFailure']>, ParentType, ContextType>;
  height?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  images?: Resolver<Array<ResolversTypes['ImageVariant']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NoteKind'], ParentType, ContextType>;
  playlistUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  posterUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  previewUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  renditions?: Resolver<Array<ResolversTypes['VideoRendition']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MediaStatus'], ParentType, ContextType>;
  thumbhash?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  width?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export interface MinorUnitsScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['MinorUnits'], any> {
  name: 'MinorUnits';
}

export type MoneyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amountMinor?: Resolver<ResolversTypes['MinorUnits'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  formatted?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  becomeCreator?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  checkout?: Resolver<ResolversTypes['OrderPayload'], ParentType, ContextType, RequireFields<MutationCheckoutArgs, 'input'>>;
  clickProduct?: Resolver<ResolversTypes['ProductClickPayload'], ParentType, ContextType, RequireFields<MutationClickProductArgs, 'input'>>;
  collect?: Resolver<ResolversTypes['Note'], ParentType, ContextType, RequireFields<MutationCollectArgs, 'noteId'>>;
  comment?: Resolver<ResolversTypes['CommentPayload'], ParentType, ContextType, RequireFields<MutationCommentArgs, 'input'>>;
  createBoard?: Resolver<ResolversTypes['Board'], ParentType, ContextType, RequireFields<MutationCreateBoardArgs, 'name'>>;
  createNote?: Resolver<ResolversTypes['NotePayload'], ParentType, ContextType, RequireFields<MutationCreateNoteArgs, 'input'>>;
  createProduct?: Resolver<ResolversTypes['ProductPayload'], ParentType, ContextType, RequireFields<MutationCreateProductArgs, 'input'>>;
  deleteNote?: Resolver<ResolversTypes['DeleteNotePayload'], ParentType, ContextType, RequireFields<MutationDeleteNoteArgs, 'id'>>;
  follow?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationFollowArgs, 'userId'>>;
  hideCreator?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationHideCreatorArgs, 'userId'>>;
  hideNote?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationHideNoteArgs, 'noteId'>>;
  like?: Resolver<ResolversTypes['Note'], ParentType, ContextType, RequireFields<MutationLikeArgs, 'noteId'>>;
  logIn?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationLogInArgs, 'input'>>;
  logOut?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  payOrder?: Resolver<ResolversTypes['OrderPayload'], ParentType, ContextType, RequireFields<MutationPayOrderArgs, 'input'>>;
  ping?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  publishNote?: Resolver<ResolversTypes['NotePayload'], ParentType, ContextType, RequireFields<MutationPublishNoteArgs, 'id'>>;
  recordEvents?: Resolver<ResolversTypes['RecordEventsPayload'], ParentType, ContextType, RequireFields<MutationRecordEventsArgs, 'events'>>;
  refundOrder?: Resolver<ResolversTypes['RefundPayload'], ParentType, ContextType, RequireFields<MutationRefundOrderArgs, 'input'>>;
  respondToSponsorship?: Resolver<ResolversTypes['Note'], ParentType, ContextType, RequireFields<MutationRespondToSponsorshipArgs, 'accept' | 'noteId'>>;
  rotateWebhookSecret?: Resolver<ResolversTypes['WebhookSecretPayload'], ParentType, ContextType>;
  setSponsorDeal?: Resolver<ResolversTypes['SponsorDealPayload'], ParentType, ContextType, RequireFields<MutationSetSponsorDealArgs, 'input'>>;
  share?: Resolver<ResolversTypes['Note'], ParentType, ContextType, RequireFields<MutationShareArgs, 'noteId'>>;
  signUp?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationSignUpArgs, 'input'>>;
  uncollect?: Resolver<ResolversTypes['Note'], ParentType, ContextType, RequireFields<MutationUncollectArgs, 'noteId'>>;
  unfollow?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationUnfollowArgs, 'userId'>>;
  unlike?: Resolver<ResolversTypes['Note'], ParentType, ContextType, RequireFields<MutationUnlikeArgs, 'noteId'>>;
  updateInterests?: Resolver<ResolversTypes['UserPayload'], ParentType, ContextType, RequireFields<MutationUpdateInterestsArgs, 'interests'>>;
  updateNote?: Resolver<ResolversTypes['NotePayload'], ParentType, ContextType, RequireFields<MutationUpdateNoteArgs, 'id' | 'input'>>;
  updateProduct?: Resolver<ResolversTypes['ProductPayload'], ParentType, ContextType, RequireFields<MutationUpdateProductArgs, 'id' | 'input'>>;
  updateProfile?: Resolver<ResolversTypes['UserPayload'], ParentType, ContextType, RequireFields<MutationUpdateProfileArgs, 'input'>>;
};

export type NoteResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Note'] = ResolversParentTypes['Note']> = {
  author?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  collectCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  commentCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  comments?: Resolver<ResolversTypes['CommentConnection'], ParentType, ContextType, RequireFields<NoteCommentsArgs, 'first'>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  failureReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NoteKind'], ParentType, ContextType>;
  likeCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  media?: Resolver<Array<ResolversTypes['Media']>, ParentType, ContextType>;
  productTags?: Resolver<Array<ResolversTypes['ProductTag']>, ParentType, ContextType>;
  publishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  shareCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sponsor?: Resolver<Maybe<ResolversTypes['Brand']>, ParentType, ContextType>;
  sponsorStatus?: Resolver<Maybe<ResolversTypes['SponsorshipStatus']>, ParentType, ContextType>;
  sponsored?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['NoteStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  topics?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  viewCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  viewerHasCollected?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  viewerHasLiked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type NoteConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NoteConnection'] = ResolversParentTypes['NoteConnection']> = {
  edges?: Resolver<Array<ResolversTypes['NoteEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type NoteEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NoteEdge'] = ResolversParentTypes['NoteEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Note'], ParentType, ContextType>;
};

export type NoteKindResolvers = { IMAGE: 'image', VIDEO: 'video' };

export type NotePayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NotePayload'] = ResolversParentTypes['NotePayload']> = {
  error?: Resolver<Maybe<ResolversTypes['UserError']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['Note']>, ParentType, ContextType>;
};

export type NoteStatusResolvers = { DRAFT: 'draft', FAILED: 'failed', PROCESSING: 'processing', PUBLISHED: 'published', REMOVED: 'removed' };

export type OrderResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  attribution?: Resolver<Maybe<ResolversTypes['AttributionKind']>, ParentType, ContextType>;
  credits?: Resolver<Array<ResolversTypes['AttributionCredit']>, ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  externalId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  paidAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  refunded?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  refunds?: Resolver<Array<ResolversTypes['Refund']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
};

export type OrderConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OrderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type OrderEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['OrderEdge'] = ResolversParentTypes['OrderEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
};

export type OrderPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['OrderPayload'] = ResolversParentTypes['OrderPayload']> = {
  error?: Resolver<Maybe<ResolversTypes['UserError']>, ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
};

export type OrderStatusResolvers = { EXPIRED: 'expired', PAID: 'paid', PENDING: 'pending' };

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PaymentOptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PaymentOption'] = ResolversParentTypes['PaymentOption']> = {
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PerViewerRateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PerViewerRate'] = ResolversParentTypes['PerViewerRate']> = {
  high?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  low?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  mean?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  viewers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PerViewerRatesResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PerViewerRates'] = ResolversParentTypes['PerViewerRates']> = {
  ctr?: Resolver<ResolversTypes['PerViewerRate'], ParentType, ContextType>;
  likeRate?: Resolver<ResolversTypes['PerViewerRate'], ParentType, ContextType>;
  purchaseRate?: Resolver<ResolversTypes['PerViewerRate'], ParentType, ContextType>;
};

export type ProductResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product']> = {
  brand?: Resolver<ResolversTypes['Brand'], ParentType, ContextType>;
  buyUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  images?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  inStock?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  notes?: Resolver<ResolversTypes['NoteConnection'], ParentType, ContextType, RequireFields<ProductNotesArgs, 'first'>>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  stock?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ProductClickPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProductClickPayload'] = ResolversParentTypes['ProductClickPayload']> = {
  clickId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['UserError']>, ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ProductConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProductConnection'] = ResolversParentTypes['ProductConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ProductEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ProductEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProductEdge'] = ResolversParentTypes['ProductEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
};

export type ProductPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProductPayload'] = ResolversParentTypes['ProductPayload']> = {
  error?: Resolver<Maybe<ResolversTypes['UserError']>, ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
};

export type ProductTagResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProductTag'] = ResolversParentTypes['ProductTag']> = {
  atMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  imageIndex?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  x?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  y?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  analyticsCsv?: Resolver<ResolversTypes['CsvFile'], ParentType, ContextType, RequireFields<QueryAnalyticsCsvArgs, 'currency' | 'first' | 'interval' | 'range' | 'scope' | 'table'>>;
  analyticsFunnel?: Resolver<ResolversTypes['Funnel'], ParentType, ContextType, RequireFields<QueryAnalyticsFunnelArgs, 'currency' | 'range' | 'scope'>>;
  analyticsSeries?: Resolver<Array<ResolversTypes['FunnelPoint']>, ParentType, ContextType, RequireFields<QueryAnalyticsSeriesArgs, 'currency' | 'interval' | 'range' | 'scope'>>;
  audienceTopics?: Resolver<Array<ResolversTypes['TopicShare']>, ParentType, ContextType, RequireFields<QueryAudienceTopicsArgs, 'range' | 'scope'>>;
  board?: Resolver<Maybe<ResolversTypes['Board']>, ParentType, ContextType, RequireFields<QueryBoardArgs, 'id'>>;
  brand?: Resolver<Maybe<ResolversTypes['Brand']>, ParentType, ContextType, RequireFields<QueryBrandArgs, 'id'>>;
  brandOrders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, RequireFields<QueryBrandOrdersArgs, 'first' | 'status'>>;
  brands?: Resolver<Array<ResolversTypes['Brand']>, ParentType, ContextType, RequireFields<QueryBrandsArgs, 'first' | 'nameContains'>>;
  feed?: Resolver<ResolversTypes['NoteConnection'], ParentType, ContextType, RequireFields<QueryFeedArgs, 'first' | 'kind'>>;
  feedExperiment?: Resolver<ResolversTypes['FeedExperiment'], ParentType, ContextType>;
  followerGain?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<QueryFollowerGainArgs, 'creatorId' | 'range'>>;
  note?: Resolver<Maybe<ResolversTypes['Note']>, ParentType, ContextType, RequireFields<QueryNoteArgs, 'id'>>;
  notesByUser?: Resolver<ResolversTypes['NoteConnection'], ParentType, ContextType, RequireFields<QueryNotesByUserArgs, 'first' | 'userId'>>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<QueryOrderArgs, 'id'>>;
  paymentOptions?: Resolver<Array<ResolversTypes['PaymentOption']>, ParentType, ContextType>;
  ping?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<QueryProductArgs, 'id'>>;
  productTopCreators?: Resolver<Array<ResolversTypes['TopCreator']>, ParentType, ContextType, RequireFields<QueryProductTopCreatorsArgs, 'currency' | 'first' | 'productId' | 'range'>>;
  productTopNotes?: Resolver<Array<ResolversTypes['TopNote']>, ParentType, ContextType, RequireFields<QueryProductTopNotesArgs, 'currency' | 'first' | 'productId' | 'range'>>;
  relatedNotes?: Resolver<ResolversTypes['NoteConnection'], ParentType, ContextType, RequireFields<QueryRelatedNotesArgs, 'first' | 'noteId'>>;
  search?: Resolver<ResolversTypes['SearchConnection'], ParentType, ContextType, RequireFields<QuerySearchArgs, 'first' | 'query'>>;
  sponsorDeals?: Resolver<Array<ResolversTypes['SponsorDealFigures']>, ParentType, ContextType, RequireFields<QuerySponsorDealsArgs, 'currency' | 'range'>>;
  sponsorshipRequests?: Resolver<Array<ResolversTypes['Note']>, ParentType, ContextType, RequireFields<QuerySponsorshipRequestsArgs, 'first'>>;
  topCreators?: Resolver<Array<ResolversTypes['TopCreator']>, ParentType, ContextType, RequireFields<QueryTopCreatorsArgs, 'currency' | 'first' | 'range' | 'scope'>>;
  topNotes?: Resolver<Array<ResolversTypes['TopNote']>, ParentType, ContextType, RequireFields<QueryTopNotesArgs, 'currency' | 'first' | 'range' | 'scope'>>;
  topic?: Resolver<ResolversTypes['Topic'], ParentType, ContextType, RequireFields<QueryTopicArgs, 'name'>>;
  topics?: Resolver<Array<ResolversTypes['Topic']>, ParentType, ContextType, RequireFields<QueryTopicsArgs, 'first' | 'prefix'>>;
  upload?: Resolver<Maybe<ResolversTypes['MediaUpload']>, ParentType, ContextType, RequireFields<QueryUploadArgs, 'id'>>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
  viewer?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  viewerOrders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, RequireFields<QueryViewerOrdersArgs, 'first'>>;
};

export type RecordEventsPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RecordEventsPayload'] = ResolversParentTypes['RecordEventsPayload']> = {
  accepted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  duplicates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['UserError']>, ParentType, ContextType>;
  rejected?: Resolver<Array<ResolversTypes['EventRejection']>, ParentType, ContextType>;
};

export type RefundResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Refund'] = ResolversParentTypes['Refund']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['RefundKind'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RefundKindResolvers = { REFUND: 'refund', RETURN: 'return' };

export type RefundPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RefundPayload'] = ResolversParentTypes['RefundPayload']> = {
  error?: Resolver<Maybe<ResolversTypes['UserError']>, ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  refund?: Resolver<Maybe<ResolversTypes['Refund']>, ParentType, ContextType>;
};

export type RoleResolvers = { ADMIN: 'admin', BRAND: 'brand', CREATOR: 'creator', VIEWER: 'viewer' };

export type SalesResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Sales'] = ResolversParentTypes['Sales']> = {
  gmv?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  netGmv?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  orders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  refundAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  refunds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  units?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SampleRatioCheckResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SampleRatioCheck'] = ResolversParentTypes['SampleRatioCheck']> = {
  expectedShareB?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  mismatch?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  observedShareB?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  pValue?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SearchConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SearchConnection'] = ResolversParentTypes['SearchConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SearchEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type SearchEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SearchEdge'] = ResolversParentTypes['SearchEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['SearchHit'], ParentType, ContextType>;
};

export type SearchHitResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SearchHit'] = ResolversParentTypes['SearchHit']> = {
  __resolveType: TypeResolveFn<'Note' | 'Product', ParentType, ContextType>;
};

export type SignUpRoleResolvers = { BRAND: 'brand', CREATOR: 'creator', VIEWER: 'viewer' };

export type SponsorDealResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SponsorDeal'] = ResolversParentTypes['SponsorDeal']> = {
  cost?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['Note']>, ParentType, ContextType>;
};

export type SponsorDealFiguresResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SponsorDealFigures'] = ResolversParentTypes['SponsorDealFigures']> = {
  cost?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  cpe?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  cpm?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  engagements?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  gmv?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  impressions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['Note']>, ParentType, ContextType>;
  roi?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type SponsorDealPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SponsorDealPayload'] = ResolversParentTypes['SponsorDealPayload']> = {
  deal?: Resolver<Maybe<ResolversTypes['SponsorDeal']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type SponsoredFiguresResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SponsoredFigures'] = ResolversParentTypes['SponsoredFigures']> = {
  cost?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  cpe?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  cpm?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  engagements?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  impressions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  notes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  roi?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type SponsorshipStatusResolvers = { ACCEPTED: 'accepted', DECLINED: 'declined', PENDING: 'pending' };

export type SubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  uploadProgress?: SubscriptionResolver<ResolversTypes['MediaUpload'], "uploadProgress", ParentType, ContextType, RequireFields<SubscriptionUploadProgressArgs, 'id'>>;
};

export type TopCreatorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TopCreator'] = ResolversParentTypes['TopCreator']> = {
  creator?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  funnel?: Resolver<ResolversTypes['Funnel'], ParentType, ContextType>;
};

export type TopNoteResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TopNote'] = ResolversParentTypes['TopNote']> = {
  funnel?: Resolver<ResolversTypes['Funnel'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['Note']>, ParentType, ContextType>;
};

export type TopicResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Topic'] = ResolversParentTypes['Topic']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  noteCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  notes?: Resolver<ResolversTypes['NoteConnection'], ParentType, ContextType, RequireFields<TopicNotesArgs, 'first'>>;
};

export type TopicShareResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TopicShare'] = ResolversParentTypes['TopicShare']> = {
  reads?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  share?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  avatarUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  bio?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  boards?: Resolver<Array<ResolversTypes['Board']>, ParentType, ContextType>;
  brand?: Resolver<Maybe<ResolversTypes['Brand']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  followerCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  followers?: Resolver<ResolversTypes['UserConnection'], ParentType, ContextType, RequireFields<UserFollowersArgs, 'first'>>;
  following?: Resolver<ResolversTypes['UserConnection'], ParentType, ContextType, RequireFields<UserFollowingArgs, 'first'>>;
  followingCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  handle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  interests?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  likedNotes?: Resolver<ResolversTypes['NoteConnection'], ParentType, ContextType, RequireFields<UserLikedNotesArgs, 'first'>>;
  likesAndCollectsReceived?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  noteCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  notes?: Resolver<ResolversTypes['NoteConnection'], ParentType, ContextType, RequireFields<UserNotesArgs, 'first'>>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  viewerIsFollowing?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type UserConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UserConnection'] = ResolversParentTypes['UserConnection']> = {
  edges?: Resolver<Array<ResolversTypes['UserEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type UserEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UserEdge'] = ResolversParentTypes['UserEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type UserErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UserPayload'] = ResolversParentTypes['UserPayload']> = {
  error?: Resolver<Maybe<ResolversTypes['UserError']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type VideoRenditionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['VideoRendition'] = ResolversParentTypes['VideoRendition']> = {
  height?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  playlistUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  width?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WebhookSecretPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookSecretPayload'] = ResolversParentTypes['WebhookSecretPayload']> = {
  brandId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['UserError']>, ParentType, ContextType>;
  previousSecretValidUntil?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  secret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  AnalyticsInterval?: AnalyticsIntervalResolvers;
  AnalyticsScopeKind?: AnalyticsScopeKindResolvers;
  AnalyticsTable?: AnalyticsTableResolvers;
  AttributionCredit?: AttributionCreditResolvers<ContextType>;
  AttributionKind?: AttributionKindResolvers;
  AttributionModel?: AttributionModelResolvers;
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  Board?: BoardResolvers<ContextType>;
  Brand?: BrandResolvers<ContextType>;
  ClientEventType?: ClientEventTypeResolvers;
  Comment?: CommentResolvers<ContextType>;
  CommentConnection?: CommentConnectionResolvers<ContextType>;
  CommentEdge?: CommentEdgeResolvers<ContextType>;
  CommentPayload?: CommentPayloadResolvers<ContextType>;
  CsvFile?: CsvFileResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeleteNotePayload?: DeleteNotePayloadResolvers<ContextType>;
  EventRejection?: EventRejectionResolvers<ContextType>;
  FeedExperiment?: FeedExperimentResolvers<ContextType>;
  FeedExperimentArm?: FeedExperimentArmResolvers<ContextType>;
  FeedExperimentDifference?: FeedExperimentDifferenceResolvers<ContextType>;
  FeedKind?: FeedKindResolvers;
  Funnel?: FunnelResolvers<ContextType>;
  FunnelPoint?: FunnelPointResolvers<ContextType>;
  ImageVariant?: ImageVariantResolvers<ContextType>;
  Media?: MediaResolvers<ContextType>;
  MediaFailure?: MediaFailureResolvers<ContextType>;
  MediaStatus?: MediaStatusResolvers;
  MediaUpload?: MediaUploadResolvers<ContextType>;
  MinorUnits?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Note?: NoteResolvers<ContextType>;
  NoteConnection?: NoteConnectionResolvers<ContextType>;
  NoteEdge?: NoteEdgeResolvers<ContextType>;
  NoteKind?: NoteKindResolvers;
  NotePayload?: NotePayloadResolvers<ContextType>;
  NoteStatus?: NoteStatusResolvers;
  Order?: OrderResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  OrderPayload?: OrderPayloadResolvers<ContextType>;
  OrderStatus?: OrderStatusResolvers;
  PageInfo?: PageInfoResolvers<ContextType>;
  PaymentOption?: PaymentOptionResolvers<ContextType>;
  PerViewerRate?: PerViewerRateResolvers<ContextType>;
  PerViewerRates?: PerViewerRatesResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductClickPayload?: ProductClickPayloadResolvers<ContextType>;
  ProductConnection?: ProductConnectionResolvers<ContextType>;
  ProductEdge?: ProductEdgeResolvers<ContextType>;
  ProductPayload?: ProductPayloadResolvers<ContextType>;
  ProductTag?: ProductTagResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RecordEventsPayload?: RecordEventsPayloadResolvers<ContextType>;
  Refund?: RefundResolvers<ContextType>;
  RefundKind?: RefundKindResolvers;
  RefundPayload?: RefundPayloadResolvers<ContextType>;
  Role?: RoleResolvers;
  Sales?: SalesResolvers<ContextType>;
  SampleRatioCheck?: SampleRatioCheckResolvers<ContextType>;
  SearchConnection?: SearchConnectionResolvers<ContextType>;
  SearchEdge?: SearchEdgeResolvers<ContextType>;
  SearchHit?: SearchHitResolvers<ContextType>;
  SignUpRole?: SignUpRoleResolvers;
  SponsorDeal?: SponsorDealResolvers<ContextType>;
  SponsorDealFigures?: SponsorDealFiguresResolvers<ContextType>;
  SponsorDealPayload?: SponsorDealPayloadResolvers<ContextType>;
  SponsoredFigures?: SponsoredFiguresResolvers<ContextType>;
  SponsorshipStatus?: SponsorshipStatusResolvers;
  Subscription?: SubscriptionResolvers<ContextType>;
  TopCreator?: TopCreatorResolvers<ContextType>;
  TopNote?: TopNoteResolvers<ContextType>;
  Topic?: TopicResolvers<ContextType>;
  TopicShare?: TopicShareResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserConnection?: UserConnectionResolvers<ContextType>;
  UserEdge?: UserEdgeResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  UserPayload?: UserPayloadResolvers<ContextType>;
  VideoRendition?: VideoRenditionResolvers<ContextType>;
  WebhookSecretPayload?: WebhookSecretPayloadResolvers<ContextType>;
};

