// Per-customer collection: charge the card automatically, or send invoices for bank transfer with N days until
// due. Applied to each live subscription in Stripe (future invoices follow), then the mirror is resynced and
// the change audited with before/after.
//
// Idempotency: the key names the subscription, the change and the newest audit entry the operator's request
// saw — a double click (same state) makes one change, while a later change back and forth gets fresh keys.
import type Stripe from 'stripe';
import { getCustomerForOperator } from '@/db/queries/customers';
import { pushStripeInvoiceSettings } from '@/lib/branding/stripe-invoice-settings';
import { getLatestAuditId, listLiveSubscriptionCollection } from '@/db/queries/customer-settings';
import { recordAudit, type AuditActor } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { updateSubscriptionCollection } from '@/lib/stripe/update-subscription-collection';
import { syncStripeCustomer } from '@/lib/stripe-sync';

export type CollectionSetting = { collectionMethod: 'charge_automatically' | 'send_invoice'; daysUntilDue: number | null };

export const DAYS_UNTIL_DUE_MAX = 365;

export async function setCustomerCollection(
  params: { organizationId: string; setting: CollectionSetting; actor: AuditActor },
  stripe: Stripe = defaultStripe,
): Promise<{ updated: string[] }> {
  const { collectionMethod } = params.setting;
  const daysUntilDue = collectionMethod === 'send_invoice' ? params.setting.daysUntilDue : null;
  if (collectionMethod === 'send_invoice' && (daysUntilDue === null || !Number.isInteger(daysUntilDue) || daysUntilDue < 0 || daysUntilDue > DAYS_UNTIL_DUE_MAX)) {
    throw new AppError('invalid_input', `days until due must be 0–${DAYS_UNTIL_DUE_MAX}`);
  }
  const found = await getCustomerForOperator({ organizationId: params.organizationId });
  if (!found) throw new AppError('not_found', `organization ${params.organizationId} not found`);
  const customerId = found.customer?.id ?? found.organization.stripeCustomerId;
  const subscriptions = await listLiveSubscriptionCollection({ organizationId: params.organizationId });
  if (!customerId || subscriptions.length === 0) throw new AppError('conflict', 'the customer has no live subscription to change');

  const marker = await getLatestAuditId({ organizationId: params.organizationId });
  const changing = subscriptions.filter((s) => s.collectionMethod !== collectionMethod || (s.daysUntilDue ?? null) !== daysUntilDue);
  for (const s of changing) {
    await updateSubscriptionCollection(
      {
        subscriptionId: s.id,
        collectionMethod,
        daysUntilDue,
        idempotencyKey: `subscription-collection:${s.id}:${s.collectionMethod}/${s.daysUntilDue ?? '-'}->${collectionMethod}/${daysUntilDue ?? '-'}:${marker}`,
      },
      stripe,
    );
  }
  if (changing.length === 0) return { updated: [] };
  await syncStripeCustomer(customerId, undefined, { stripe });
  // A bank-transfer customer's invoices carry the bank details in their footer; a card customer's do not.
  await pushStripeInvoiceSettings({ customerId }, stripe);
  await recordAudit({
    organizationId: params.organizationId,
    actor: params.actor,
    action: 'customer.collection_updated',
    target: { type: 'customer', id: customerId },
    data: {
      from: changing[0]!.collectionMethod,
      to: collectionMethod,
      before: changing.map((s) => ({ subscription: s.id, collectionMethod: s.collectionMethod, daysUntilDue: s.daysUntilDue })),
      after: { collectionMethod, daysUntilDue },
    },
  });
  return { updated: changing.map((s) => s.id) };
}
