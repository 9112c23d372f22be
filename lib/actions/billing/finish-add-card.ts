'use server';
// Finishes adding a card after the browser confirmed the SetupIntent: re-reads it from Stripe (it must be this
// organization's customer's and succeeded), makes the card the default when there is none, syncs and records.
import { revalidatePath } from 'next/cache';
import { getBillingCustomer } from '@/db/queries/payment-methods';
import { recordAudit } from '@/lib/audit/record-audit';
import { finishAddCardSchema } from '@/lib/billing/cards/card-schemas';
import { AppError } from '@/lib/errors';
import { retrieveSetupIntent } from '@/lib/stripe/retrieve-setup-intent';
import { setDefaultPaymentMethod } from '@/lib/stripe/set-default-payment-method';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { orgActionClient } from '../safe-action';

export const finishAddCardAction = orgActionClient
  .metadata({ actionName: 'finishAddCard', permission: 'payment_methods:manage' })
  .inputSchema(finishAddCardSchema)
  .action(async ({ ctx, parsedInput }) => {
    const organizationId = ctx.organization.id;
    const customer = await getBillingCustomer({ organizationId });
    if (!customer) throw new AppError('conflict', `organization ${organizationId} has no Stripe customer yet`);
    const intent = await retrieveSetupIntent(parsedInput.setupIntentId).catch((error: unknown) => {
      throw new AppError('not_found', `SetupIntent ${parsedInput.setupIntentId} could not be read`, { cause: error });
    });
    const intentCustomer = typeof intent.customer === 'string' ? intent.customer : intent.customer?.id;
    if (intentCustomer !== customer.customerId) throw new AppError('not_found', `SetupIntent ${intent.id} is not ${organizationId}'s`);
    if (intent.status !== 'succeeded') throw new AppError('conflict', `SetupIntent ${intent.id} is ${intent.status}`);
    const paymentMethodId = typeof intent.payment_method === 'string' ? intent.payment_method : intent.payment_method?.id;
    if (!paymentMethodId) throw new AppError('conflict', `SetupIntent ${intent.id} has no payment method`);

    const madeDefault = !customer.defaultPaymentMethodId;
    if (madeDefault) {
      await setDefaultPaymentMethod({ organizationId, customerId: customer.customerId, paymentMethodId, previousDefaultId: null });
    }
    await syncStripeCustomer(customer.customerId);
    await recordAudit({
      organizationId,
      actor: { type: 'user', id: ctx.user.id },
      action: 'payment_method.added',
      target: { type: 'payment_method', id: paymentMethodId },
      data: { default: madeDefault },
    });
    revalidatePath(`/orgs/${organizationId}`, 'layout');
    return { paymentMethodId, madeDefault };
  });
