// The invoice a subscription's next renewal would produce as things stand: this period's metered usage (as far as
// it was reported to the meters) and the next period's fixed lines. Read-only; used to keep the projected-invoice
// mirror (lib/usage/projected-invoice.ts), never on a page view.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function previewUpcomingInvoice(params: { customerId: string; subscriptionId: string }, stripe: Stripe = defaultStripe): Promise<Stripe.Invoice> {
  return stripe.invoices.createPreview({ customer: params.customerId, subscription: params.subscriptionId });
}
