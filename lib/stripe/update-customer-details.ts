// Sends the organization's billing details to Stripe as the customer's name, email, address and invoice
// language. The caller derives the key from the details before and after, so a retry of the same change is one
// request, and changing back (A → B → A) is a new one.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export type CustomerDetails = {
  companyName: string | null;
  billingEmail: string | null;
  address: { line1: string | null; line2: string | null; city: string | null; state: string | null; postalCode: string | null; country: string | null };
  invoiceLanguage: string | null;
};

export async function updateCustomerDetails(
  params: { customerId: string; details: CustomerDetails; metadata: Record<string, string>; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Customer> {
  const { details } = params;
  return stripe.customers.update(
    params.customerId,
    {
      name: details.companyName ?? undefined,
      email: details.billingEmail ?? undefined,
      address: {
        line1: details.address.line1 ?? '',
        line2: details.address.line2 ?? '',
        city: details.address.city ?? '',
        state: details.address.state ?? '',
        postal_code: details.address.postalCode ?? '',
        country: details.address.country ?? '',
      },
      preferred_locales: details.invoiceLanguage ? [details.invoiceLanguage] : [],
      metadata: params.metadata,
    },
    { idempotencyKey: params.idempotencyKey },
  );
}
