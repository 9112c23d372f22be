'use server';
// Removes one of the organization's cards, but never the last one while a paid plan will charge it. Removing
// the default hands the default to the newest remaining card.
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { getCurrentSubscription } from '@/db/queries/subscriptions';
import { getBillingCustomer, listOrganizationCards } from '@/db/queries/payment-methods';
import { recordAudit } from '@/lib/audit/record-audit';
import { planNeedsCard } from '@/lib/billing/cards/card-rules';
import { removeCardSchema } from '@/lib/billing/cards/card-schemas';
import { AppError } from '@/lib/errors';
import { detachPaymentMethod } from '@/lib/stripe/detach-payment-method';
import { setDefaultPaymentMethod } from '@/lib/stripe/set-default-payment-method';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { orgActionClient } from '../safe-action';

export const removeCardAction = orgActionClient
  .metadata({ actionName: 'removeCard', permission: 'payment_methods:manage' })
  .inputSchema(removeCardSchema)
  .action(async ({ ctx, parsedInput }) => {
    const organizationId = ctx.organization.id;
    const [customer, cards, subscription] = await Promise.all([
      getBillingCustomer({ organizationId }),
      listOrganizationCards({ organizationId }),
      getCurrentSubscription({ organizationId }),
    ]);
    const card = cards.find((c) => c.id === parsedInput.paymentMethodId);
    if (!customer || !card) throw new AppError('not_found', `card ${parsedInput.paymentMethodId} is not ${organizationId}'s`);
    const others = cards.filter((c) => c.id !== card.id);
    if (others.length === 0 && planNeedsCard(subscription)) {
      throw new AppError('conflict', `card ${card.id} is the last card of a paid plan`, {
        userMessage: (await getTranslations('paymentMethods'))('lastCardNeeded'),
      });
    }
    await detachPaymentMethod({ organizationId, paymentMethodId: card.id });
    const successor = card.isDefault ? others[others.length - 1] : undefined;
    if (successor) {
      await setDefaultPaymentMethod({ organizationId, customerId: customer.customerId, paymentMethodId: successor.id, previousDefaultId: card.id });
    }
    await syncStripeCustomer(customer.customerId);
    await recordAudit({
      organizationId,
      actor: { type: 'user', id: ctx.user.id },
      action: 'payment_method.removed',
      target: { type: 'payment_method', id: card.id },
      data: { brand: card.brand, last4: card.last4, newDefault: successor?.id ?? null },
    });
    revalidatePath(`/orgs/${organizationId}`, 'layout');
    return { removed: card.id };
  });
