// Previews a credit note (nothing is written), so the operator sees the exact amounts before issuing it.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function previewCreditNote(params: Stripe.CreditNotePreviewParams, stripe: Stripe = defaultStripe): Promise<Stripe.CreditNote> {
  return stripe.creditNotes.preview(params);
}
