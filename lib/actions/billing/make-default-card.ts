'use server';
// Makes one of the organization's cards the default for its invoices and subscriptions.
import { revalidatePath } from 'next/cache';
import { getBillingCustomer, getOrganizationCard } from '@/db/queries/payment-methods';
import { recordAudit } from '@/lib/audit/record-audit';
import { makeDefaultCardSchema } from '@/lib/billing/cards/card-schemas';
import { AppError } from '@/lib/errors';
import { setDefaultPaymentMethod } from '@/lib/stripe/set-default-payment-method';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { orgActionClient } from '../safe-action';

export const makeDefaultCardAction = orgActionClient
  .metadata({ actionName: 'makeDefaultCard', permission: 'payment_methods:manage' })
  .inputSchema(makeDefaultCardSchema)
  .action(async ({ ctx, parsedInput }) => {
    const organizationId = ctx.organization.id;
    const [customer, card] = await Promise.all([
      getBillingCustomer({ organizationId }),
      getOrganizationCard({ organizationId, paymentMethodId: parsedInput.paymentMethodId }),
    ]);
    if (!customer || !card) throw new AppError('not_found', `card ${parsedInput.paymentMethodId} is not ${organizationId}'s`);
    if (card.isDefault) return { paymentMethodId: card.id };
    await setDefaultPaymentMethod({ organizationId, customerId: customer.customerId, paymentMethodId: card.id, previousDefaultId: customer.defaultPaymentMethodId });
    await syncStripeCustomer(customer.customerId);
    await recordAudit({
      organizationId,
      actor: { type: 'user', id: ctx.user.id },
      action: 'payment_method.made_default',
      target: { type: 'payment_method', id: card.id },
      data: { brand: card.brand, last4: card.last4 },
    });
    revalidatePath(`/orgs/${organizationId}`, 'layout');
    return { paymentMethodId: card.id };
  });
