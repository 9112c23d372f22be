// Stripe payment method → stripe_payment_methods row. Pure.
import type Stripe from 'stripe';
import type { stripePaymentMethods } from '@/db/schema';
import { fromUnix, idOf, snapshot } from './map-shared';

export type PaymentMethodRow = typeof stripePaymentMethods.$inferInsert;

export function mapPaymentMethod(paymentMethod: Stripe.PaymentMethod, organizationId: string | null): PaymentMethodRow {
  const card = paymentMethod.card;
  return {
    id: paymentMethod.id,
    customerId: idOf(paymentMethod.customer),
    organizationId,
    type: paymentMethod.type,
    cardBrand: card?.brand ?? null,
    cardLast4: card?.last4 ?? null,
    cardExpMonth: card?.exp_month ?? null,
    cardExpYear: card?.exp_year ?? null,
    stripeCreated: fromUnix(paymentMethod.created),
    data: snapshot(paymentMethod),
  };
}
