import type { Actor } from '../accounts/policy';
import type { OrderRow } from '../models/repositories/commerce.repository';
import { csvLines } from './csv';
import type { OrdersService } from './orders.service';

const COLUMNS = [
  'order_id',
  'occurred_at',
  'status',
  'paid_at',
  'product_id',
  'quantity',
  'amount_minor',
  'refunded_minor',
  'currency',
  'attribution',
  'source',
  'external_id',
] as const;
const PAGE = 500;
/** Far more than a console lists; past it, the API's pages are the way. */
export const MAX_EXPORTED_ORDERS = 100_000;

export interface OrdersExport {
  filename: string;
  /** The file's text, a page of orders at a time. */
  lines: AsyncIterable<string>;
}

/**
 * The signed-in brand's orders as CSV, newest first. Who may export is settled before the first byte, so a refusal is
 * an error status, not a broken file; the rows are then read and written a page at a time, never all held at once.
 */
export async function exportOrders(
  orders: OrdersService,
  actor: Actor | null,
  status: OrderRow['status'] | null,
  now: Date,
): Promise<OrdersExport> {
  const brand = await orders.requireBrand(actor);
  const stem = brand.name.replace(/[^\p{L}\p{N}_-]+/gu, '_');
  return { filename: `orders-${stem}-${now.toISOString().slice(0, 10)}.csv`, lines: pages(orders, brand.id, status) };
}

async function* pages(orders: OrdersService, brandId: string, status: OrderRow['status'] | null): AsyncGenerator<string> {
  yield csvLines([COLUMNS]);
  let after: { at: Date; id: string } | undefined;
  for (let sent = 0; sent < MAX_EXPORTED_ORDERS;) {
    const rows = await orders.listBrandOrders(brandId, status, PAGE, after);
    if (rows.length > 0) yield csvLines(rows.map(cells));
    sent += rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return;
    after = { at: last.occurredAt, id: last.id };
  }
}

function cells(o: OrderRow): (string | number | null)[] {
  return [
    o.id,
    o.occurredAt.toISOString(),
    o.status,
    o.paidAt?.toISOString() ?? null,
    o.productId,
    o.quantity,
    o.amountMinor,
    o.refundedMinor,
    o.currency,
    o.attribution,
    o.source,
    o.externalId,
  ];
}
