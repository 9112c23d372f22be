// Makes one of the organization's cards the one that pays: the customer's default for invoices, and the
// default of every live subscription (a subscription's own default wins in Stripe). Also used when the first
// card is added and when checkout confirmed a card. Idempotent: keys name each change (from → to).
import 'server-only';
import type Stripe from 'stripe';
import { getBillingCustomer, getOrganizationCard } from '@/db/queries/payment-methods';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import { setDefaultPaymentMethod } from '@/lib/stripe/set-default-payment-method';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { moveSubscriptionsToCard } from './move-subscriptions-to-card';

/**
 * The Stripe side of "this card pays from now on", without the mirror sync or the audit entry: the customer's
 * default (unless it already is), then every live subscription. Returns the subscriptions moved.
 */
export async function payWithCard(
  params: { organizationId: string; customerId: string; paymentMethodId: string; previousDefaultId: string | null },
  stripe?: Stripe,
): Promise<{ subscriptions: string[] }> {
  if (params.previousDefaultId !== params.paymentMethodId) {
    await setDefaultPaymentMethod(params, stripe);
  }
  const subscriptions = await moveSubscriptionsToCard(
    { organizationId: params.organizationId, customerId: params.customerId, paymentMethodId: params.paymentMethodId },
    stripe,
  );
  return { subscriptions };
}

/** "Make default" on the payment-methods page. The card must be one of the organization's (from the mirror). */
export async function makeDefaultCard(
  params: { organizationId: string; paymentMethodId: string; actorUserId: string },
  stripe?: Stripe,
): Promise<{ paymentMethodId: string; subscriptions: string[] }> {
  const { organizationId } = params;
  const [customer, card] = await Promise.all([
    getBillingCustomer({ organizationId }),
    getOrganizationCard({ organizationId, paymentMethodId: params.paymentMethodId }),
  ]);
  if (!customer || !card) throw new AppError('not_found', `card ${params.paymentMethodId} is not ${organizationId}'s`);
  // Already the default: subscriptions may still charge another card (set before this rule), so still move them.
  const { subscriptions } = await payWithCard(
    { organizationId, customerId: customer.customerId, paymentMethodId: card.id, previousDefaultId: customer.defaultPaymentMethodId },
    stripe,
  );
  if (card.isDefault && subscriptions.length === 0) return { paymentMethodId: card.id, subscriptions };
  await syncStripeCustomer(customer.customerId, undefined, { stripe });
  await recordAudit({
    organizationId,
    actor: { type: 'user', id: params.actorUserId },
    action: 'payment_method.made_default',
    target: { type: 'payment_method', id: card.id },
    data: { brand: card.brand, last4: card.last4, subscriptions },
  });
  return { paymentMethodId: card.id, subscriptions };
}
