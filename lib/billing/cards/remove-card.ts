// Removes one of the organization's cards, but never the last one while a paid plan will charge it. Removing
// the default hands the default to the newest remaining card; every live subscription that charges the card
// is moved to the new default first, so no renewal is left without a card.
import 'server-only';
import type Stripe from 'stripe';
import { getCurrentSubscription } from '@/db/queries/subscriptions';
import { getBillingCustomer, listOrganizationCards } from '@/db/queries/payment-methods';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import { detachPaymentMethod } from '@/lib/stripe/detach-payment-method';
import { setDefaultPaymentMethod } from '@/lib/stripe/set-default-payment-method';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { planNeedsCard } from './card-rules';
import { moveSubscriptionsToCard } from './move-subscriptions-to-card';

export async function removeCard(
  params: { organizationId: string; paymentMethodId: string; actorUserId: string },
  stripe?: Stripe,
): Promise<{ removed: string; newDefault: string | null; subscriptions: string[] }> {
  const { organizationId } = params;
  const [customer, cards, subscription] = await Promise.all([
    getBillingCustomer({ organizationId }),
    listOrganizationCards({ organizationId }),
    getCurrentSubscription({ organizationId }),
  ]);
  const card = cards.find((c) => c.id === params.paymentMethodId);
  if (!customer || !card) throw new AppError('not_found', `card ${params.paymentMethodId} is not ${organizationId}'s`);
  const others = cards.filter((c) => c.id !== card.id);
  if (others.length === 0 && planNeedsCard(subscription)) {
    throw new AppError('conflict', `card ${card.id} is the last card of a paid plan`, {
      reason: 'last_card',
      userMessageKey: { key: 'paymentMethods.lastCardNeeded' },
    });
  }
  // The card that pays from now on: the newest other card when this one is the default, else the default.
  const successor = (card.isDefault ? undefined : others.find((c) => c.isDefault)) ?? others[others.length - 1] ?? null;
  let subscriptions: string[] = [];
  if (successor) {
    if (card.isDefault) {
      await setDefaultPaymentMethod({ organizationId, customerId: customer.customerId, paymentMethodId: successor.id, previousDefaultId: card.id }, stripe);
    }
    subscriptions = await moveSubscriptionsToCard(
      { organizationId, customerId: customer.customerId, paymentMethodId: successor.id, onlyFrom: card.id },
      stripe,
    );
  }
  await detachPaymentMethod({ organizationId, paymentMethodId: card.id }, stripe);
  await syncStripeCustomer(customer.customerId, undefined, { stripe });
  const newDefault = card.isDefault ? (successor?.id ?? null) : null;
  await recordAudit({
    organizationId,
    actor: { type: 'user', id: params.actorUserId },
    action: 'payment_method.removed',
    target: { type: 'payment_method', id: card.id },
    data: { brand: card.brand, last4: card.last4, newDefault, subscriptions },
  });
  return { removed: card.id, newDefault, subscriptions };
}
