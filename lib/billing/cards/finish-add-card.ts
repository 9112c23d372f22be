// Finishes adding a card after the browser confirmed the SetupIntent: re-reads it from Stripe (it must be this
// organization's customer's and succeeded), makes the card the one that pays when there is no default yet,
// syncs and records.
import 'server-only';
import type Stripe from 'stripe';
import { getBillingCustomer } from '@/db/queries/payment-methods';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import { retrieveSetupIntent } from '@/lib/stripe/retrieve-setup-intent';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { payWithCard } from './make-default-card';

export async function finishAddCard(
  params: { organizationId: string; setupIntentId: string; actorUserId: string },
  stripe?: Stripe,
): Promise<{ paymentMethodId: string; madeDefault: boolean }> {
  const { organizationId } = params;
  const customer = await getBillingCustomer({ organizationId });
  if (!customer) throw new AppError('conflict', `organization ${organizationId} has no Stripe customer yet`);
  const intent = await retrieveSetupIntent(params.setupIntentId, stripe).catch((error: unknown) => {
    throw new AppError('not_found', `SetupIntent ${params.setupIntentId} could not be read`, { cause: error });
  });
  const intentCustomer = typeof intent.customer === 'string' ? intent.customer : intent.customer?.id;
  if (intentCustomer !== customer.customerId) throw new AppError('not_found', `SetupIntent ${intent.id} is not ${organizationId}'s`);
  if (intent.status !== 'succeeded') throw new AppError('conflict', `SetupIntent ${intent.id} is ${intent.status}`);
  const paymentMethodId = typeof intent.payment_method === 'string' ? intent.payment_method : intent.payment_method?.id;
  if (!paymentMethodId) throw new AppError('conflict', `SetupIntent ${intent.id} has no payment method`);

  const madeDefault = !customer.defaultPaymentMethodId;
  if (madeDefault) {
    await payWithCard({ organizationId, customerId: customer.customerId, paymentMethodId, previousDefaultId: null }, stripe);
  }
  await syncStripeCustomer(customer.customerId, undefined, { stripe });
  await recordAudit({
    organizationId,
    actor: { type: 'user', id: params.actorUserId },
    action: 'payment_method.added',
    target: { type: 'payment_method', id: paymentMethodId },
    data: { default: madeDefault },
  });
  return { paymentMethodId, madeDefault };
}
