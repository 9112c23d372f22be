// Sets the invoice footer and custom fields every future invoice of the customer carries (Stripe has no account
// default for these in the API; the customer's `invoice_settings` is where it holds them). The caller derives the
// key from the settings before and after, so a retry is one request and a change back is a new one.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function updateCustomerInvoiceSettings(
  params: { customerId: string; footer: string; customFields: { name: string; value: string }[]; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Customer> {
  return stripe.customers.update(
    params.customerId,
    // Empty values clear what an earlier push set ('' is how the form API unsets a field).
    { invoice_settings: { footer: params.footer, custom_fields: params.customFields.length > 0 ? params.customFields : '' } },
    { idempotencyKey: params.idempotencyKey },
  );
}
