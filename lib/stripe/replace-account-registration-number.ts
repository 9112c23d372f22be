// Makes the account's own `jp_trn` tax id (the issuer's qualified-invoice registration number) exactly `value`,
// or none: removes other jp_trn ids, adds it when missing. Invoices list it through `account_tax_ids`, so
// Stripe's own PDFs agree with ours. Safe to re-run: it compares with what Stripe has first.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

/**
 * `basis` names the settings the change starts from (their last save): with the number and the ids it replaces it
 * makes the create's idempotency key, so a double submit creates one id while setting a number again after
 * clearing it (the same number, no ids to replace) is a new intent and is not answered with the first, deleted id.
 */
export async function replaceAccountRegistrationNumber(
  params: { value: string | null; basis: string },
  stripe: Stripe = defaultStripe,
): Promise<{ taxIdId: string | null }> {
  const existing = (await stripe.taxIds.list({ owner: { type: 'self' }, limit: 100 })).data.filter((t) => t.type === 'jp_trn');
  const keep = params.value ? existing.find((t) => t.value === params.value) : undefined;
  for (const taxId of existing) {
    if (taxId.id !== keep?.id) await stripe.taxIds.del(taxId.id);
  }
  if (!params.value || keep) return { taxIdId: keep?.id ?? null };
  const created = await stripe.taxIds.create(
    { type: 'jp_trn', value: params.value, owner: { type: 'self' } },
    // From the setting's content, what it replaces and the settings it starts from: a double submit creates one
    // id, a later change a new one.
    { idempotencyKey: `branding:jp_trn:${params.value}:after:${existing.map((t) => t.id).join(',')}:from:${params.basis}` },
  );
  return { taxIdId: created.id };
}
