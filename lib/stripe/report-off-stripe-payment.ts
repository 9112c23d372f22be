// Reports money received outside Stripe (bank transfer, cash, …) as a guaranteed Payment Record with a custom
// payment method. The idempotency key comes from the operator's intent, so a double click reports once.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function reportOffStripePayment(
  params: {
    customerId: string;
    amount: number;
    currency: string;
    /** Display name of the custom payment method ("Bank transfer"). */
    methodLabel: string;
    customPaymentMethodType: string | undefined;
    reference: string;
    receivedAt: number;
    metadata: Record<string, string>;
    idempotencyKey: string;
  },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.PaymentRecord> {
  return stripe.paymentRecords.reportPayment(
    {
      amount_requested: { currency: params.currency, value: params.amount },
      initiated_at: params.receivedAt,
      customer_details: { customer: params.customerId },
      payment_method_details: {
        type: 'custom',
        custom: { display_name: params.methodLabel, ...(params.customPaymentMethodType ? { type: params.customPaymentMethodType } : {}) },
      },
      processor_details: { type: 'custom', custom: { payment_reference: params.reference } },
      outcome: 'guaranteed',
      guaranteed: { guaranteed_at: params.receivedAt },
      metadata: params.metadata,
    },
    { idempotencyKey: params.idempotencyKey },
  );
}
