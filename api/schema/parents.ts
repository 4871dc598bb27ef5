/**
 * Parent values of GraphQL object types that no repository or service names as one type: what a
 * resolver of the type receives, when it is not the row itself. codegen.ts maps the types to these.
 */
import type { Funnel, Sponsored } from '../../commerce/analytics.service';
import type { SalesRow } from '../../models/repositories/analytics.repository';
import type { OrderRow, RefundRow } from '../../models/repositories/commerce.repository';
import type { NoteRow } from '../../models/repositories/notes.repository';
import type { ProductRow } from '../../models/repositories/products.repository';

/** A note as served by a feed carries the sources that proposed it. */
export type ServedNote = NoteRow & { reason?: string | null };

/**
 * The stored attribution value, for the one resolver that returns the enum itself: without a mapper
 * codegen types a mapped enum's resolver result as null.
 */
export type AttributionKindValue = OrderRow['attribution'];

/** A topic is only its normalised name; its counts and notes are read when asked for. */
export interface TopicParent {
  name: string;
  /** Known already when the topic came from a count (suggestions). */
  noteCount?: number;
}

/** A search hit names its type, as the row alone does not say whether it is a note or a product. */
export type SearchHitParent = (NoteRow & { __typename: 'Note' }) | (ProductRow & { __typename: 'Product' });

/** Refund and sales rows do not carry a currency: they take the one of their order or funnel. */
export type Priced<T> = T & { currency: string };
export type RefundParent = Priced<RefundRow>;
export type SalesParent = Priced<SalesRow>;
export type SponsoredParent = Priced<Sponsored>;
export type SponsorDealParent = Priced<Sponsored & { noteId: string }>;

/** The notes or creators that sold a product best: the id of the one, and its funnel. */
export interface TopParent {
  id: string;
  funnel: Funnel;
}
