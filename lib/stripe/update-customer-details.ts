// Sends the organization's billing details to Stripe as the customer's name, email, address and invoice
// language. The key is derived from the details before and after, so a retry of the same change is one
// request, and changing back (A → B → A) is a new one.
import 'server-only';
import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import { billingDetailsFingerprint, type BillingDetails } from '@/lib/billing/details/billing-details-schema';
import { stripe } from './client';

export function detailsChangeKey(organizationId: string, what: string, before: BillingDetails, after: BillingDetails): string {
  const digest = createHash('sha256').update(billingDetailsFingerprint(before)).update('\n').update(billingDetailsFingerprint(after)).digest('hex').slice(0, 32);
  return `org:${organizationId}:${what}:${digest}`;
}

export async function updateCustomerDetails(params: {
  organizationId: string;
  customerId: string;
  before: BillingDetails;
  after: BillingDetails;
  metadata: Record<string, string>;
}): Promise<Stripe.Customer> {
  const { after } = params;
  return stripe.customers.update(
    params.customerId,
    {
      name: after.companyName ?? undefined,
      email: after.billingEmail ?? undefined,
      address: {
        line1: after.address.line1 ?? '',
        line2: after.address.line2 ?? '',
        city: after.address.city ?? '',
        state: after.address.state ?? '',
        postal_code: after.address.postalCode ?? '',
        country: after.address.country ?? '',
      },
      preferred_locales: after.invoiceLanguage ? [after.invoiceLanguage] : [],
      metadata: params.metadata,
    },
    { idempotencyKey: detailsChangeKey(params.organizationId, 'billing-details', params.before, params.after) },
  );
}
