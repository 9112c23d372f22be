// Saves the organization's billing details to its Stripe customer (name, email, address, invoice language, tax
// id), then syncs the mirror and records the change. Nothing is sent when nothing changed.
import 'server-only';
import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import { getBillingDetails, TAX_ID_METADATA_KEY } from '@/db/queries/billing-details';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import { replaceCustomerTaxId } from '@/lib/stripe/replace-customer-tax-id';
import { updateCustomerDetails } from '@/lib/stripe/update-customer-details';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { billingDetailsFingerprint, billingDetailsFromInput, changedBillingFields, type BillingDetails, type UpdateBillingDetailsInput } from './billing-details-schema';

/** The key of one change (before → after): a retry is one request, changing back later (A → B → A) a new one. */
export function detailsChangeKey(organizationId: string, what: string, before: BillingDetails, after: BillingDetails): string {
  const digest = createHash('sha256').update(billingDetailsFingerprint(before)).update('\n').update(billingDetailsFingerprint(after)).digest('hex').slice(0, 32);
  return `org:${organizationId}:${what}:${digest}`;
}

export async function updateBillingDetails(
  params: { organizationId: string; input: UpdateBillingDetailsInput; actorUserId: string },
  stripe?: Stripe,
): Promise<{ changed: string[] }> {
  const { organizationId } = params;
  const current = await getBillingDetails({ organizationId });
  if (!current) throw new AppError('conflict', `organization ${organizationId} has no Stripe customer yet`);
  const after = billingDetailsFromInput(params.input);
  const changed = changedBillingFields(current.details, after);
  if (changed.length === 0) return { changed };

  if (changed.includes('tax_id')) {
    // Stripe validates the number; a refusal leaves the rest unchanged because this runs first.
    await replaceCustomerTaxId({ organizationId, customerId: current.customerId, taxId: after.taxId }, stripe);
  }
  await updateCustomerDetails(
    {
      customerId: current.customerId,
      details: after,
      metadata: { [TAX_ID_METADATA_KEY]: after.taxId ? `${after.taxId.type}:${after.taxId.value}` : '' },
      idempotencyKey: detailsChangeKey(organizationId, 'billing-details', current.details, after),
    },
    stripe,
  );
  await syncStripeCustomer(current.customerId, undefined, { stripe });
  await recordAudit({
    organizationId,
    actor: { type: 'user', id: params.actorUserId },
    action: 'billing_details.updated',
    target: { type: 'customer', id: current.customerId },
    data: { fields: changed },
  });
  return { changed };
}
