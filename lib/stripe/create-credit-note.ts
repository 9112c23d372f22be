// Issues a credit note. The idempotency key comes from the operator's intent, so a double click issues one; the
// caller builds the params from the mirror (line ids, amounts checked), never from the browser as-is.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function createCreditNote(
  params: Stripe.CreditNoteCreateParams,
  idempotencyKey: string,
  stripe: Stripe = defaultStripe,
): Promise<Stripe.CreditNote> {
  return stripe.creditNotes.create(params, { idempotencyKey });
}
