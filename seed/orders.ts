import type { ImportedOrder, OrdersService } from '../commerce/orders.service';
import type { CommerceRepository } from '../models/repositories/commerce.repository';
import { Random } from './random';

const DAY_MS = 24 * 3600 * 1000;
/** Impulse buys come back: this share of demo orders is returned in full, and half as many again refunded in part. */
const RETURN_RATE = 0.14;
const PARTIAL_REFUND_RATE = 0.07;

/**
 * The demo world's orders: one per purchase in its event log, bought from the brand's shop and
 * attributed like any webhook order, with a share of them returned or refunded a few days later.
 */
export async function seedOrders(
  commerce: Pick<CommerceRepository, 'purchasesWithoutOrders'>,
  orders: Pick<OrdersService, 'importOrders'>,
  options: { seed: number; now: number; onProgress: (done: number, total: number) => void },
): Promise<number> {
  const random = new Random(options.seed).fork('orders');
  const purchases = await commerce.purchasesWithoutOrders();
  const imported = purchases.map((p): ImportedOrder => {
    const order: ImportedOrder = {
      externalId: `log-${p.eventId}`,
      userId: p.userId,
      productId: p.productId,
      quantity: Math.max(1, Math.round(p.amountMinor / Math.max(1, p.priceMinor))),
      amountMinor: p.amountMinor,
      occurredAt: p.at,
    };
    const roll = random.next();
    const refundAt = p.at.getTime() + random.between(1, 6) * DAY_MS;
    if (refundAt > options.now) return order;
    if (roll < RETURN_RATE) return { ...order, refund: { kind: 'return', amountMinor: p.amountMinor, occurredAt: new Date(refundAt) } };
    if (roll < RETURN_RATE + PARTIAL_REFUND_RATE) {
      return {
        ...order,
        refund: { kind: 'refund', amountMinor: Math.max(1, Math.round(p.amountMinor / 2)), occurredAt: new Date(refundAt) },
      };
    }
    return order;
  });
  options.onProgress(0, imported.length);
  return orders.importOrders(imported, (done) => options.onProgress(done, imported.length));
}
