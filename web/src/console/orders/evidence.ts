import type { AttributionModel, ConsoleOrderQuery } from '../../gql/graphql';

type Order = NonNullable<ConsoleOrderQuery['order']>;
type Credit = Order['credits'][number];

export type EvidenceKind = 'impression' | 'read' | 'click' | 'order' | 'refund';

export interface Evidence {
  key: string;
  kind: EvidenceKind;
  at: string;
  note: Credit['note'];
  creator: Credit['creator'];
  /** What each attribution model gives this touch, when it is one. */
  credits: { model: AttributionModel; credit: number }[];
  /** The order's or the refund's amount. */
  amount?: string;
}

// A touch and the order can share a timestamp: the story still reads seen → read → clicked → bought → refunded.
const ORDER: EvidenceKind[] = ['impression', 'read', 'click', 'order', 'refund'];

/**
 * The order's evidence as one timeline, oldest first: each touch the models credit (a product click or a long read),
 * the buyer's impression of the note before it, the purchase and its refunds. A touch credited by several models is one
 * entry listing each model's share.
 */
export function evidenceOf(order: Order): Evidence[] {
  const entries = new Map<string, Evidence>();
  for (const credit of order.credits) {
    const touchKey = `touch:${credit.touchEventId}`;
    const touch = entries.get(touchKey) ?? {
      key: touchKey,
      kind: credit.touchType === 'PRODUCT_CLICK' ? ('click' as const) : ('read' as const),
      at: credit.touchedAt,
      note: credit.note,
      creator: credit.creator,
      credits: [],
    };
    touch.credits.push({ model: credit.model, credit: credit.credit });
    entries.set(touchKey, touch);
    if (credit.impressionEventId && credit.impressedAt) {
      const key = `impression:${credit.impressionEventId}`;
      if (!entries.has(key))
        entries.set(key, { key, kind: 'impression', at: credit.impressedAt, note: credit.note, creator: credit.creator, credits: [] });
    }
  }
  const list = [...entries.values()];
  list.push({
    key: `order:${order.id}`,
    kind: 'order',
    at: order.paidAt ?? order.occurredAt,
    note: null,
    creator: null,
    credits: [],
    amount: order.amount.formatted,
  });
  for (const refund of order.refunds)
    list.push({
      key: `refund:${refund.id}`,
      kind: 'refund',
      at: refund.occurredAt,
      note: null,
      creator: null,
      credits: [],
      amount: refund.amount.formatted,
    });
  return list.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}

/** Each model's credits, in the order the API lists them (oldest touch first). */
export function creditsByModel(order: Order): [AttributionModel, Credit[]][] {
  const models: AttributionModel[] = ['LAST_CLICK', 'VIEW_THROUGH', 'POSITION'];
  return models.map((model) => [model, order.credits.filter((credit) => credit.model === model)]);
}
