// Makes the customer's tax ids exactly `taxId` (or none): removes the others, adds it when missing. Stripe
// prints customer tax ids on invoices. Safe to re-run: it compares with what Stripe has first.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function replaceCustomerTaxId(
  params: { organizationId: string; customerId: string; taxId: { type: string; value: string } | null },
  stripe: Stripe = defaultStripe,
): Promise<void> {
  const existing = await stripe.customers.listTaxIds(params.customerId, { limit: 100 });
  const wanted = params.taxId;
  const keep = wanted ? existing.data.find((t) => t.type === wanted.type && t.value === wanted.value) : undefined;
  for (const taxId of existing.data) {
    if (taxId.id !== keep?.id) await stripe.customers.deleteTaxId(params.customerId, taxId.id);
  }
  if (wanted && !keep) {
    await stripe.customers.createTaxId(
      params.customerId,
      { type: wanted.type as Stripe.CustomerCreateTaxIdParams.Type, value: wanted.value },
      { idempotencyKey: `org:${params.organizationId}:tax-id:${wanted.type}:${wanted.value}:after:${existing.data.map((t) => t.id).join(',')}` },
    );
  }
}
