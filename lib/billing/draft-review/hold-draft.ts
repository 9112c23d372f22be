// On `invoice.created`: a draft of a customer or plan with "hold invoices for review" gets auto_advance=false, as
// Stripe documents for pausing automatic finalization, so it waits in /admin/invoices/review. Idempotent: the key
// is the invoice id, and a draft already held (or no longer a draft) is left alone.
import 'server-only';
import type Stripe from 'stripe';
import { countEarlierInvoicesForOperator } from '@/db/queries/invoices';
import { resolveOrganizationForCustomer } from '@/db/queries/mirror';
import { findApplicableReviewHoldsForOperator } from '@/db/queries/review';
import { updateDraftInvoice } from '@/lib/stripe/update-draft-invoice';
import { idOf } from '@/lib/stripe-sync/map-shared';
import { shouldHoldDraft } from './hold-decision';

export const REVIEW_METADATA_KEY = 'seikyu_review';

/** True when the draft was put on hold now. */
export async function holdDraftIfReviewed(invoice: Stripe.Invoice, stripe: Stripe): Promise<boolean> {
  if (invoice.status !== 'draft' || !invoice.auto_advance || !invoice.id) return false;
  const customerId = idOf(invoice.customer);
  if (!customerId) return false;
  const organizationId = await resolveOrganizationForCustomer({ customerId });
  const priceIds = new Set<string>();
  const productIds = new Set<string>();
  for (const line of invoice.lines.data) {
    const details = line.pricing?.price_details;
    if (details?.price) priceIds.add(idOf(details.price) ?? '');
    if (details?.product) productIds.add(details.product);
  }
  priceIds.delete('');
  const holds = await findApplicableReviewHoldsForOperator({ organizationId, priceIds: [...priceIds], productIds: [...productIds] });
  if (holds.length === 0) return false;
  const earlierInvoices = await countEarlierInvoicesForOperator({ customerId, excludeId: invoice.id });
  if (!shouldHoldDraft({ holds, earlierInvoices })) return false;
  await updateDraftInvoice(
    { invoiceId: invoice.id, autoAdvance: false, metadata: { [REVIEW_METADATA_KEY]: 'held' }, idempotencyKey: `review-hold:${invoice.id}` },
    stripe,
  );
  return true;
}
