import { errors } from '../core/errors';
import { isUuid } from '../core/ids';
import { emptyFunnelRow, type FunnelRow, type Grain, type Range, type Subject } from '../models/repositories/analytics.repository';
import type { Repositories } from '../models/transaction';
import { authorize, can, type Actor } from '../accounts/policy';
import { loadSubject } from '../accounts/subject';

export type ScopeKind = 'brand' | 'product' | 'note' | 'creator';
export interface ScopeInput {
  kind: ScopeKind;
  /** Absent for a brand account's own brand. */
  id?: string | null;
}
export interface RangeInput {
  from: Date;
  to: Date;
}

/** A funnel with its rates; rates are null where their denominator is zero. */
export interface Funnel extends FunnelRow {
  currency: string;
  engagements: number;
  readRate: number | null;
  ctr: number | null;
  cvr: number | null;
  engagementRate: number | null;
  averageOrderValueMinor: number | null;
  repeatPurchaseRate: number | null;
  sponsored: Sponsored | null;
}

export interface Sponsored {
  notes: number;
  costMinor: number;
  impressions: number;
  engagements: number;
  gmvMinor: number;
  cpmMinor: number | null;
  cpeMinor: number | null;
  roi: number | null;
}

const DAY_MS = 24 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;
/** Longest range of any query, and of an hourly series. */
export const MAX_RANGE_DAYS = 400;
export const MAX_HOURLY_DAYS = 7;
/** Deals one page of the deals table reads (each is a funnel query). */
const MAX_DEALS = 100;

/**
 * The brand and creator dashboards, read from the rollups. A brand sees its own brand, its own
 * products and the notes that tag them (with its own products' sales only); a creator sees their
 * own notes; an admin sees everything.
 */
export class AnalyticsService {
  private readonly decided = new WeakMap<Actor, Map<string, Promise<Access>>>();

  constructor(private readonly repos: Pick<Repositories, 'analytics' | 'users' | 'products' | 'notes'>) {}

  async funnel(actor: Actor | null, scope: ScopeInput, rangeInput: RangeInput, currency = 'CNY'): Promise<Funnel> {
    const access = await this.access(actor, scope, currency);
    const range = rangeOf(rangeInput);
    return this.wholeRange(
      access,
      range,
      withRates(await this.repos.analytics.funnel(access.subject, range, currency), currency),
      currency,
    );
  }

  async series(
    actor: Actor | null,
    scope: ScopeInput,
    rangeInput: RangeInput,
    interval: Grain,
    currency = 'CNY',
  ): Promise<(Funnel & { at: Date })[]> {
    const access = await this.access(actor, scope, currency);
    const range = rangeOf(rangeInput, interval);
    const rows = await this.repos.analytics.series(access.subject, range, currency);
    const byBucket = new Map(rows.map((row) => [row.bucket.getTime(), row]));
    const step = interval === 'day' ? DAY_MS : HOUR_MS;
    const points: (Funnel & { at: Date })[] = [];
    for (let at = range.from.getTime(); at < range.to.getTime(); at += step) {
      const row = byBucket.get(at) ?? emptyFunnelRow();
      points.push({ at: new Date(at), ...withRates(row, currency) });
    }
    return points;
  }

  /** The notes (or creators) that sold a brand's or a product's goods best over the range. */
  async top(actor: Actor | null, scope: ScopeInput, by: 'note' | 'creator', rangeInput: RangeInput, limit: number, currency = 'CNY') {
    if (scope.kind !== 'brand' && scope.kind !== 'product')
      throw errors.badInput('scope: top lists are per brand or per product', 'scope.kind');
    const access = await this.access(actor, scope, currency);
    const range = rangeOf(rangeInput);
    const rows = await this.repos.analytics.top(access.subject, range, currency, by, Math.min(Math.max(limit, 1), 100));
    return rows.map((row) => ({ id: row.key, funnel: withRates(row, currency) }));
  }

  /**
   * Each sponsored deal of a brand (the signed-in brand's own unless an admin names one) with the figures of its note
   * over the range: the brand's side of CPM, CPE and ROI, deal by deal.
   */
  async deals(
    actor: Actor | null,
    brandId: string | null,
    rangeInput: RangeInput,
    currency = 'CNY',
  ): Promise<(Sponsored & { noteId: string })[]> {
    if (!actor) throw errors.unauthenticated();
    const ownId = brandId ?? (await this.repos.users.findBrandOwnedBy(actor.id))?.id;
    if (!ownId) throw errors.forbidden('only brand accounts have sponsored deals');
    const access = await this.access(actor, { kind: 'brand', id: ownId }, currency);
    const range = rangeOf(rangeInput);
    const deals = await this.repos.analytics.dealRows(access.subject, currency, ownId);
    // One after another: a brand with many deals must not take every pooled connection from other requests.
    const figures: (Sponsored & { noteId: string })[] = [];
    for (const deal of deals.slice(0, MAX_DEALS)) {
      const row = await this.repos.analytics.funnel({ kind: 'notes', noteIds: [deal.noteId], brandId: ownId }, range, currency);
      figures.push({ noteId: deal.noteId, ...sponsoredFigures(row, 1, deal.costMinor) });
    }
    return figures;
  }

  /** A creator's new followers over the range (those who still follow). */
  async followerGain(actor: Actor | null, creatorId: string, rangeInput: RangeInput): Promise<number> {
    await this.access(actor, { kind: 'creator', id: creatorId });
    const range = rangeOf(rangeInput);
    return this.repos.analytics.followerGain(creatorId, range.from, range.to);
  }

  /** The topics the readers of the scope's notes chose at sign-up, weighted by their reads. */
  async audienceTopics(actor: Actor | null, scope: ScopeInput, rangeInput: RangeInput) {
    const access = await this.access(actor, scope);
    const range = rangeOf(rangeInput, 'day');
    const rows = await this.repos.analytics.audienceTopics(access.subject, range.from, range.to);
    const total = rows.reduce((sum, r) => sum + r.reads, 0);
    return rows.map((r) => ({ topic: r.topic, reads: r.reads, share: total === 0 ? 0 : r.reads / total }));
  }

  /** Whole-range figures that do not add up over buckets: the repeat-purchase rate and the sponsored notes' costs. */
  private async wholeRange(access: Access, range: Range, funnel: Funnel, currency: string): Promise<Funnel> {
    const buyers = await this.repos.analytics.buyers(access.subject, range.from, range.to);
    return {
      ...funnel,
      repeatPurchaseRate: ratio(buyers.repeat, buyers.buyers),
      sponsored: await this.sponsored(access, range, currency),
    };
  }

  private async sponsored(access: Access, range: Range, currency: string): Promise<Sponsored | null> {
    const deals = await this.repos.analytics.sponsorDeals(access.subject, currency, access.brandId);
    if (deals.noteIds.length === 0) return null;
    const row = await this.repos.analytics.funnel({ kind: 'notes', noteIds: deals.noteIds, brandId: access.brandId }, range, currency);
    return sponsoredFigures(row, deals.noteIds.length, deals.costMinor);
  }

  /**
   * Who may see what (see the class comment), decided once per request and scope: a dashboard asks for five figures of
   * one scope in one request, and each would otherwise look the account, its brand and the scope up again. An actor
   * is made for each request (accounts.viewerFromToken), so a decision does not outlive its request.
   */
  private access(actor: Actor | null, scope: ScopeInput, currency?: string): Promise<Access> {
    if (!actor) throw errors.unauthenticated();
    if (currency !== undefined && !/^[A-Z]{3}$/.test(currency))
      throw errors.badInput('currency: must be an ISO 4217 code such as CNY', 'currency');
    let byScope = this.decided.get(actor);
    if (!byScope) this.decided.set(actor, (byScope = new Map()));
    const key = `${scope.kind} ${scope.id ?? ''}`;
    let access = byScope.get(key);
    if (!access) byScope.set(key, (access = this.decide(actor, scope)));
    return access;
  }

  private async decide(actor: Actor, scope: ScopeInput): Promise<Access> {
    const account = await loadSubject(this.repos.users, actor);
    // A console asks for its own brand's figures before it knows the brand's id, so the two requests run side by side.
    const id = scope.id ?? (scope.kind === 'brand' ? account.brandId : null);
    if (id === null || id === undefined)
      throw errors.badInput(`scope.id: required${scope.kind === 'brand' ? ' for an account without a brand of its own' : ''}`, 'scope.id');
    if (!isUuid(id)) throw errors.badInput('scope.id: must be an id', 'scope.id');
    switch (scope.kind) {
      case 'brand': {
        const [target] = await this.repos.users.findBrandsByIds([id]);
        if (!target) throw errors.notFound('Brand', id);
        authorize(account, 'analytics.brand', { brandId: target.id });
        return { subject: { kind: 'brand', brandId: target.id }, brandId: target.id };
      }
      case 'product': {
        const [product] = await this.repos.products.findByIds([id]);
        if (!product) throw errors.notFound('Product', id);
        authorize(account, 'analytics.brand', { brandId: product.brandId });
        return { subject: { kind: 'product', productId: product.id }, brandId: product.brandId };
      }
      case 'creator': {
        const [creator] = await this.repos.users.findByIds([id]);
        if (!creator) throw errors.notFound('User', id);
        authorize(account, 'analytics.creator', { creatorId: creator.id });
        return { subject: { kind: 'creator', creatorId: creator.id } };
      }
      case 'note': {
        const [note] = await this.repos.notes.findByIds([id]);
        if (!note) throw errors.notFound('Note', id);
        // Whoever sees the creator's figures sees all of the note's; a brand only its own products' part.
        if (can(account, 'analytics.creator', { creatorId: note.authorId })) return { subject: { kind: 'notes', noteIds: [note.id] } };
        const brandId = account.brandId ?? undefined;
        const taggedBrandIds = brandId ? await this.brandsTaggedBy(note.id) : [];
        authorize(account, 'analytics.note', { authorId: note.authorId, taggedBrandIds });
        return { subject: { kind: 'notes', noteIds: [note.id], brandId }, brandId };
      }
    }
  }

  private async brandsTaggedBy(noteId: string): Promise<string[]> {
    const tags = await this.repos.notes.productTagsOf([noteId]);
    return (await this.repos.products.findByIds(tags.map((t) => t.productId))).map((p) => p.brandId);
  }
}

/** What sponsored notes cost per reach and per engagement, and what they earned back, from their funnel and their cost. */
function sponsoredFigures(row: FunnelRow, notes: number, cost: number): Sponsored {
  const engagements = row.likes + row.collects + row.comments + row.shares;
  const net = row.sales.gmvMinor - row.sales.refundedMinor;
  return {
    notes,
    costMinor: cost,
    impressions: row.impressions,
    engagements,
    gmvMinor: row.sales.gmvMinor,
    cpmMinor: row.impressions === 0 ? null : Math.round((cost * 1000) / row.impressions),
    cpeMinor: engagements === 0 ? null : Math.round(cost / engagements),
    roi: cost === 0 ? null : (net - cost) / cost,
  };
}

interface Access {
  subject: Subject;
  /** The brand whose sales and deals the figures are limited to, when there is one. */
  brandId?: string;
}

/**
 * A range as rollup buckets: whole UTC days when both ends are midnights (or when days are asked
 * for, rounded outwards), else hours, rounded outwards. Buckets starting in [from, to) count.
 */
export function rangeOf({ from, to }: RangeInput, interval?: Grain): Range {
  if (!(from instanceof Date) || !(to instanceof Date) || Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    throw errors.badInput('range: from and to must be dates', 'range');
  }
  if (from.getTime() >= to.getTime()) throw errors.badInput('range: from must be before to', 'range');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) throw errors.badInput(`range: at most ${MAX_RANGE_DAYS} days`, 'range');
  const aligned = from.getTime() % DAY_MS === 0 && to.getTime() % DAY_MS === 0;
  const grain: Grain = interval ?? (aligned ? 'day' : 'hour');
  const step = grain === 'day' ? DAY_MS : HOUR_MS;
  const range = {
    grain,
    from: new Date(Math.floor(from.getTime() / step) * step),
    to: new Date(Math.ceil(to.getTime() / step) * step),
  };
  if (interval === 'hour' && range.to.getTime() - range.from.getTime() > MAX_HOURLY_DAYS * DAY_MS) {
    throw errors.badInput(`range: an hourly series covers at most ${MAX_HOURLY_DAYS} days`, 'range');
  }
  return range;
}

/** A bucket's counts with the rates that follow from them. */
function withRates(row: FunnelRow, currency: string): Funnel {
  const engagements = row.likes + row.collects + row.comments + row.shares;
  const orders = row.sales.orders + row.viewThrough.orders + row.organic.orders;
  const gmv = row.sales.gmvMinor + row.viewThrough.gmvMinor + row.organic.gmvMinor;
  return {
    ...row,
    currency,
    engagements,
    readRate: ratio(row.reads, row.impressions),
    ctr: ratio(row.productClicks, row.impressions),
    cvr: ratio(row.sales.orders, row.productClicks),
    engagementRate: ratio(engagements, row.impressions),
    averageOrderValueMinor: orders === 0 ? null : Math.round(gmv / orders),
    repeatPurchaseRate: null,
    sponsored: null,
  };
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
