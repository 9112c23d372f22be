// The billing details a customer edits (sent to Stripe as the customer's name, email, address, tax id and
// invoice language). Parsing is strict and pure so the action and its tests agree on what is valid.
import { z } from 'zod';
import type { BillingDetails } from '@/db/queries/billing-details';

export type { BillingDetails };

export const billingCountries = ['JP', 'US', 'GB', 'DE', 'FR', 'SG', 'AU', 'CA', 'KR', 'TW'] as const;
export type BillingCountry = (typeof billingCountries)[number];

/** Tax id types offered, with the shape Stripe accepts for each (https://docs.stripe.com/billing/customer/tax-ids). */
export const taxIdFormats = {
  jp_trn: /^T\d{13}$/, // Qualified Invoice issuer registration number (適格請求書発行事業者登録番号)
  jp_cn: /^\d{13}$/, // Corporate number (法人番号)
  us_ein: /^\d{2}-\d{7}$/,
  eu_vat: /^[A-Z]{2}[0-9A-Z]{2,13}$/,
} as const;
export type TaxIdType = keyof typeof taxIdFormats;
export const taxIdTypes = Object.keys(taxIdFormats) as TaxIdType[];

const postalCodeFormats: Partial<Record<BillingCountry, RegExp>> = {
  JP: /^\d{3}-?\d{4}$/,
  US: /^\d{5}(-\d{4})?$/,
};

export const invoiceLanguages = ['ja', 'en'] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : null));

export const updateBillingDetailsSchema = z
  .object({
    organizationId: z.string().min(1).max(100),
    companyName: z.string().trim().min(1).max(200),
    billingEmail: z.string().trim().toLowerCase().pipe(z.email().max(254)),
    line1: z.string().trim().min(1).max(200),
    line2: optionalText(200),
    city: z.string().trim().min(1).max(100),
    state: optionalText(100),
    postalCode: z.string().trim().min(1).max(20),
    country: z.enum(billingCountries),
    taxIdType: z.union([z.enum(taxIdTypes as [TaxIdType, ...TaxIdType[]]), z.literal('')]).optional().transform((v) => v || null),
    taxIdValue: z
      .string()
      .trim()
      .max(40)
      .optional()
      .transform((value) => (value ? value.replace(/\s+/g, '').toUpperCase() : null)),
    invoiceLanguage: z.enum(invoiceLanguages),
  })
  .superRefine((input, ctx) => {
    const postal = postalCodeFormats[input.country];
    if (postal && !postal.test(input.postalCode)) {
      ctx.addIssue({ code: 'custom', path: ['postalCode'], message: 'postal_code_format' });
    }
    if (input.country === 'JP' && !input.state) {
      ctx.addIssue({ code: 'custom', path: ['state'], message: 'prefecture_required' });
    }
    if (input.taxIdType && !input.taxIdValue) ctx.addIssue({ code: 'custom', path: ['taxIdValue'], message: 'tax_id_required' });
    if (!input.taxIdType && input.taxIdValue) ctx.addIssue({ code: 'custom', path: ['taxIdType'], message: 'tax_id_type_required' });
    if (input.taxIdType && input.taxIdValue && !taxIdFormats[input.taxIdType].test(input.taxIdValue)) {
      ctx.addIssue({ code: 'custom', path: ['taxIdValue'], message: 'tax_id_format' });
    }
  });

export type UpdateBillingDetailsInput = z.output<typeof updateBillingDetailsSchema>;

export function billingDetailsFromInput(input: UpdateBillingDetailsInput): BillingDetails {
  return {
    companyName: input.companyName,
    billingEmail: input.billingEmail,
    address: { line1: input.line1, line2: input.line2, city: input.city, state: input.state, postalCode: input.postalCode, country: input.country },
    taxId: input.taxIdType && input.taxIdValue ? { type: input.taxIdType, value: input.taxIdValue } : null,
    invoiceLanguage: input.invoiceLanguage,
  };
}

/** The names of the fields that differ, for the activity log (never the values: they may be personal data). */
export function changedBillingFields(before: BillingDetails, after: BillingDetails): string[] {
  const changed: string[] = [];
  if (before.companyName !== after.companyName) changed.push('company_name');
  if (before.billingEmail !== after.billingEmail) changed.push('billing_email');
  if (JSON.stringify(before.address) !== JSON.stringify(after.address)) changed.push('address');
  if (JSON.stringify(before.taxId) !== JSON.stringify(after.taxId)) changed.push('tax_id');
  if (before.invoiceLanguage !== after.invoiceLanguage) changed.push('invoice_language');
  return changed;
}

/** Stable text of a BillingDetails for hashing into an idempotency key. */
export function billingDetailsFingerprint(details: BillingDetails): string {
  return JSON.stringify([
    details.companyName,
    details.billingEmail,
    details.address.line1,
    details.address.line2,
    details.address.city,
    details.address.state,
    details.address.postalCode,
    details.address.country,
    details.taxId?.type ?? null,
    details.taxId?.value ?? null,
    details.invoiceLanguage,
  ]);
}
