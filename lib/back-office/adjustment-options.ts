// The choices the operator's payment and credit-note forms offer, apart from the action schemas: the forms run in
// the browser, and importing a schema module for these lists put zod (~30 kB gzip) in the invoice page's bundle.

/** How money received outside Stripe arrived. */
export const paymentMethods = ['bank_transfer', 'cash', 'local_currency', 'other'] as const;
export type OffStripePaymentMethod = (typeof paymentMethods)[number];

/** Whether `value` is one of those methods (a payment record's `metadata.method` as Seikyu wrote it). */
export function isOffStripePaymentMethod(value: unknown): value is OffStripePaymentMethod {
  return typeof value === 'string' && (paymentMethods as readonly string[]).includes(value);
}

export const creditNoteReasons = ['duplicate', 'fraudulent', 'order_change', 'product_unsatisfactory'] as const;
/** Where the money of a credit on a paid invoice goes. An open invoice's credit always lowers its amount due. */
export const creditNoteSettlements = ['customer_balance', 'refund_outside_stripe', 'refund_to_card'] as const;
