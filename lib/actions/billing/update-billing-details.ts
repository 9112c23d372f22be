'use server';
// Saves the organization's billing details to its Stripe customer (name, email, address, invoice language,
// tax id), then syncs the mirror and records the change. Bad input returns field errors and changes nothing.
import { revalidatePath } from 'next/cache';
import { getBillingDetails, TAX_ID_METADATA_KEY } from '@/db/queries/billing-details';
import { recordAudit } from '@/lib/audit/record-audit';
import { billingDetailsFromInput, changedBillingFields, updateBillingDetailsSchema } from '@/lib/billing/details/billing-details-schema';
import { AppError } from '@/lib/errors';
import { replaceCustomerTaxId } from '@/lib/stripe/replace-customer-tax-id';
import { updateCustomerDetails } from '@/lib/stripe/update-customer-details';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { orgActionClient } from '../safe-action';

export const updateBillingDetailsAction = orgActionClient
  .metadata({ actionName: 'updateBillingDetails', permission: 'organization:update' })
  .inputSchema(updateBillingDetailsSchema)
  .action(async ({ ctx, parsedInput }) => {
    const organizationId = ctx.organization.id;
    const current = await getBillingDetails({ organizationId });
    if (!current) throw new AppError('conflict', `organization ${organizationId} has no Stripe customer yet`);
    const after = billingDetailsFromInput(parsedInput);
    const changed = changedBillingFields(current.details, after);
    if (changed.length === 0) return { saved: true as const, changed };

    if (changed.includes('tax_id')) {
      // Stripe validates the number; a refusal leaves the rest unchanged because this runs first.
      await replaceCustomerTaxId({ organizationId, customerId: current.customerId, taxId: after.taxId });
    }
    await updateCustomerDetails({
      organizationId,
      customerId: current.customerId,
      before: current.details,
      after,
      metadata: { [TAX_ID_METADATA_KEY]: after.taxId ? `${after.taxId.type}:${after.taxId.value}` : '' },
    });
    await syncStripeCustomer(current.customerId);
    await recordAudit({
      organizationId,
      actor: { type: 'user', id: ctx.user.id },
      action: 'billing_details.updated',
      target: { type: 'customer', id: current.customerId },
      data: { fields: changed },
    });
    revalidatePath(`/orgs/${organizationId}`, 'layout');
    return { saved: true as const, changed };
  });
