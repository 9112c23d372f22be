// The organization's billing details as last read from Stripe (the mirrored customer), scoped by organization.
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { db, type Tx } from '@/db';
import { organizations, stripeCustomers } from '@/db/schema';

/** The details as stored on the Stripe customer; the idempotency key of a change is derived from before → after. */
export type BillingDetails = {
  companyName: string | null;
  billingEmail: string | null;
  address: { line1: string | null; line2: string | null; city: string | null; state: string | null; postalCode: string | null; country: string | null };
  taxId: { type: string; value: string } | null;
  invoiceLanguage: string | null;
};

/** Where the portal keeps a display copy of the customer's tax id (Stripe's tax ids are not on the customer object). */
export const TAX_ID_METADATA_KEY = 'seikyu_tax_id';

export function parseTaxIdMetadata(value: string | undefined): { type: string; value: string } | null {
  if (!value) return null;
  const [type, ...rest] = value.split(':');
  const taxValue = rest.join(':');
  return type && taxValue ? { type, value: taxValue } : null;
}

/**
 * The documents' language from the customer's `preferred_locales`: Stripe takes regional tags too ("ja-JP",
 * "en-US", as its dashboard sets them), and the portal writes "ja" or "en"; both mean the same language.
 */
export function invoiceLanguageOf(preferredLocales: readonly string[]): 'ja' | 'en' | null {
  const first = preferredLocales[0]?.toLowerCase();
  if (!first) return null;
  if (first === 'ja' || first.startsWith('ja-')) return 'ja';
  if (first === 'en' || first.startsWith('en-')) return 'en';
  return null;
}

export async function getBillingDetails(
  params: { organizationId: string },
  tx: Tx = db,
): Promise<{ customerId: string; details: BillingDetails } | null> {
  const [row] = await tx
    .select({ customer: stripeCustomers })
    .from(organizations)
    .innerJoin(stripeCustomers, eq(stripeCustomers.id, organizations.stripeCustomerId))
    .where(and(eq(organizations.id, params.organizationId), eq(stripeCustomers.deleted, false)))
    .limit(1);
  if (!row) return null;
  const data = row.customer.data as Partial<Stripe.Customer>;
  const address = data.address ?? null;
  return {
    customerId: row.customer.id,
    details: {
      companyName: row.customer.name,
      billingEmail: row.customer.email,
      address: {
        line1: address?.line1 ?? null,
        line2: address?.line2 ?? null,
        city: address?.city ?? null,
        state: address?.state ?? null,
        postalCode: address?.postal_code ?? null,
        country: address?.country ?? null,
      },
      taxId: parseTaxIdMetadata(row.customer.metadata[TAX_ID_METADATA_KEY]),
      invoiceLanguage: invoiceLanguageOf(row.customer.preferredLocales),
    },
  };
}
