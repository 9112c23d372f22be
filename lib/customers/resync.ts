// "Resync from Stripe" on the customer page: the same convergent sync the webhooks use, for one customer,
// audited with what it found.
import type Stripe from 'stripe';
import { getCustomerForOperator } from '@/db/queries/customers';
import { recordAudit, type AuditActor } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { syncStripeCustomer, type CustomerSyncResult } from '@/lib/stripe-sync';

export async function resyncCustomer(params: { organizationId: string; actor: AuditActor }, stripe: Stripe = defaultStripe): Promise<CustomerSyncResult> {
  const found = await getCustomerForOperator({ organizationId: params.organizationId });
  if (!found) throw new AppError('not_found', `organization ${params.organizationId} not found`);
  const customerId = found.customer?.id ?? found.organization.stripeCustomerId;
  if (!customerId) throw new AppError('conflict', `organization ${params.organizationId} has no Stripe customer`);
  const result = await syncStripeCustomer(customerId, undefined, { stripe });
  await recordAudit({
    organizationId: params.organizationId,
    actor: params.actor,
    action: 'customer.resynced',
    target: { type: 'customer', id: customerId },
    data: { deleted: result.deleted, subscriptions: result.subscriptions, invoices: result.invoices, paymentMethods: result.paymentMethods },
  });
  return result;
}
