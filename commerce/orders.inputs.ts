import { z } from 'zod';

const uuid = z.uuid({ message: 'must be an id' });
const externalId = z.string().trim().min(1).max(128);
const amountMinor = z.number().int().min(0).max(1e12);
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY');

export const checkoutInput = z.object({
  productId: uuid,
  quantity: z.number().int().min(1).max(999),
  /** The product click the buyer came from, when the client knows it. */
  clickEventId: uuid.nullish(),
  /** Makes a retried checkout a no-op. */
  idempotencyKey: externalId.nullish(),
});

export const payOrderInput = z.object({
  orderId: uuid,
  /** One of the provider's payment options. */
  method: z.string().trim().min(1).max(64),
});

export const refundInput = z.object({
  orderId: uuid,
  /** Defaults to what is left unrefunded. */
  amountMinor: amountMinor.positive().nullish(),
  kind: z.enum(['refund', 'return']).default('refund'),
  reason: z.string().max(500).default(''),
  idempotencyKey: externalId.nullish(),
});

/** What a brand's shop sends to POST /webhooks/orders/:brandId. */
export const webhookEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('order.paid'),
    orderId: externalId,
    productId: uuid,
    quantity: z.number().int().min(1).max(100_000),
    amountMinor,
    currency,
    occurredAt: z.iso.datetime({ offset: true }),
    /** The `sf_click` tracking parameter of the product link the buyer followed. */
    clickId: uuid.nullish(),
    /** The buyer's user id here, when the shop knows it. */
    userId: uuid.nullish(),
    /** The id of an order placed in the app whose payment the shop took: that order becomes paid. */
    checkoutOrderId: uuid.nullish(),
  }),
  z.object({
    type: z.enum(['order.refunded', 'order.returned']),
    orderId: externalId,
    refundId: externalId,
    amountMinor: amountMinor.positive(),
    occurredAt: z.iso.datetime({ offset: true }),
    reason: z.string().max(500).default(''),
  }),
]);
export type WebhookEvent = z.infer<typeof webhookEvent>;

export const sponsorDealInput = z.object({
  noteId: uuid,
  costMinor: amountMinor,
  currency,
});
