import { createHash } from 'node:crypto';

/** What a buyer may pay with: a method id the client sends back, and how to name it. */
export interface PaymentOption {
  method: string;
  label: string;
}

export interface ChargeRequest {
  orderId: string;
  amountMinor: number;
  currency: string;
  method: string;
}

export type ChargeOutcome = { status: 'paid'; paymentRef: string } | { status: 'declined'; reason: string };

/**
 * Where in-app orders are paid. A charge is keyed by its order: asking again for the same order
 * returns the same charge rather than taking the money twice.
 */
export interface PaymentProvider {
  readonly name: string;
  options(): readonly PaymentOption[];
  charge(request: ChargeRequest): Promise<ChargeOutcome>;
  /** Gives back a charge whose order could not be completed (it expired and its stock was sold meanwhile). */
  refund(paymentRef: string): Promise<void>;
}

const TEST_METHODS: readonly (PaymentOption & { declines?: string })[] = [
  { method: 'test_card', label: 'Test card (always approved)' },
  { method: 'test_card_declined', label: 'Test card (always declined)', declines: 'The card was declined' },
];

/**
 * A provider for development, tests and the demo: no money moves. Its cards behave like a real
 * provider's test cards, one approved and one declined, so both paths can be tried.
 */
export class TestPaymentProvider implements PaymentProvider {
  readonly name = 'test';

  options(): readonly PaymentOption[] {
    return TEST_METHODS.map(({ method, label }) => ({ method, label }));
  }

  charge(request: ChargeRequest): Promise<ChargeOutcome> {
    const method = TEST_METHODS.find((m) => m.method === request.method);
    if (!method) return Promise.resolve({ status: 'declined', reason: `Unknown payment method ${request.method}` });
    if (method.declines) return Promise.resolve({ status: 'declined', reason: method.declines });
    const ref = createHash('sha256').update(`${request.orderId}:${request.amountMinor}:${request.currency}`).digest('hex');
    return Promise.resolve({ status: 'paid', paymentRef: `test_${ref.slice(0, 24)}` });
  }

  refund(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * No in-app payment: what production runs until a real provider is wired in. Orders placed in the
 * app stay pending until the brand's shop reports them paid through its signed webhook.
 */
export class ShopOnlyPayments implements PaymentProvider {
  readonly name = 'none';

  options(): readonly PaymentOption[] {
    return [];
  }

  charge(): Promise<ChargeOutcome> {
    return Promise.resolve({ status: 'declined', reason: "Payment is taken by the brand's shop" });
  }

  refund(): Promise<void> {
    return Promise.resolve();
  }
}

export function createPaymentProvider(name: 'test' | 'none'): PaymentProvider {
  return name === 'test' ? new TestPaymentProvider() : new ShopOnlyPayments();
}
