/**
 * The values each GraphQL enum stands for: the strings stored in the database. The resolver map of each
 * enum translates with these at run time, and codegen.ts types rows with them, from this one table.
 */
export const ENUM_VALUES = {
  Role: { VIEWER: 'viewer', CREATOR: 'creator', BRAND: 'brand', ADMIN: 'admin' },
  SignUpRole: { VIEWER: 'viewer', CREATOR: 'creator', BRAND: 'brand' },
  NoteKind: { IMAGE: 'image', VIDEO: 'video' },
  NoteStatus: { DRAFT: 'draft', PROCESSING: 'processing', PUBLISHED: 'published', FAILED: 'failed', REMOVED: 'removed' },
  MediaStatus: { PROCESSING: 'processing', READY: 'ready', FAILED: 'failed' },
  FeedKind: { FOR_YOU: 'for_you', FOLLOWING: 'following', TRENDING: 'trending' },
  ClientEventType: { IMPRESSION: 'impression', VIEW: 'view', PRODUCT_CLICK: 'product_click' },
  AttributionKind: { CLICK: 'click', VIEW_THROUGH: 'view_through', ORGANIC: 'organic' },
  AttributionModel: { LAST_CLICK: 'last_click', VIEW_THROUGH: 'view_through', POSITION: 'position' },
  RefundKind: { REFUND: 'refund', RETURN: 'return' },
  SponsorshipStatus: { PENDING: 'pending', ACCEPTED: 'accepted', DECLINED: 'declined' },
  OrderStatus: { PENDING: 'pending', PAID: 'paid', EXPIRED: 'expired' },
  AnalyticsScopeKind: { BRAND: 'brand', PRODUCT: 'product', NOTE: 'note', CREATOR: 'creator' },
  AnalyticsInterval: { DAY: 'day', HOUR: 'hour' },
  AnalyticsTable: {
    FUNNEL: 'funnel',
    SERIES: 'series',
    TOP_NOTES: 'top_notes',
    TOP_CREATORS: 'top_creators',
    AUDIENCE_TOPICS: 'audience_topics',
    DEALS: 'deals',
  },
} as const;
