import { describe, expect, it } from 'vitest';
import type { ConsoleOrderQuery } from '../../gql/graphql';
import { evidenceOf } from './evidence';

type Order = NonNullable<ConsoleOrderQuery['order']>;
const note = { __typename: 'Note' as const, id: 'n1', title: 'note' };
const creator = { __typename: 'User' as const, id: 'c1', displayName: 'creator' };

function order(credits: Partial<Order['credits'][number]>[], refunds: Order['refunds'] = []): Order {
  return {
    id: 'o1',
    occurredAt: '2026-12-01T10:00:00.000Z',
    paidAt: '2026-12-01T10:05:00.000Z',
    quantity: 1,
    status: 'PAID',
    source: 'CHECKOUT',
    externalId: '',
    attribution: 'CLICK',
    amount: { formatted: '¥199.00' },
    refunded: { amountMinor: 0, formatted: '¥0.00' },
    product: null,
    refunds,
    credits: credits.map((credit) => ({
      model: 'LAST_CLICK',
      credit: 1,
      touchType: 'PRODUCT_CLICK',
      touchEventId: 'e1',
      touchedAt: '2026-12-01T09:00:00.000Z',
      impressionEventId: null,
      impressedAt: null,
      note,
      creator,
      ...credit,
    })),
  };
}

describe("an order's evidence", () => {
  it('lists the impression, the click, the purchase and the refund oldest first, one entry per touch', () => {
    const evidence = evidenceOf(
      order(
        [
          { model: 'LAST_CLICK', credit: 1, impressionEventId: 'i1', impressedAt: '2026-12-01T08:00:00.000Z' },
          { model: 'POSITION', credit: 0.4, impressionEventId: 'i1', impressedAt: '2026-12-01T08:00:00.000Z' },
        ],
        [{ id: 'r1', kind: 'REFUND', reason: '', occurredAt: '2026-12-02T00:00:00.000Z', amount: { formatted: '¥10.00' } }],
      ),
    );
    expect(evidence.map((entry) => [entry.kind, entry.at])).toEqual([
      ['impression', '2026-12-01T08:00:00.000Z'],
      ['click', '2026-12-01T09:00:00.000Z'],
      ['order', '2026-12-01T10:05:00.000Z'],
      ['refund', '2026-12-02T00:00:00.000Z'],
    ]);
    expect(evidence[1]?.credits).toEqual([
      { model: 'LAST_CLICK', credit: 1 },
      { model: 'POSITION', credit: 0.4 },
    ]);
  });

  it("calls a long view a read and keeps a tie in the story's order", () => {
    const evidence = evidenceOf(order([{ model: 'VIEW_THROUGH', touchType: 'READ', touchedAt: '2026-12-01T10:05:00.000Z' }]));
    expect(evidence.map((entry) => entry.kind)).toEqual(['read', 'order']);
  });
});
