// What Stripe's own invoices (its PDF and hosted page, its emails) carry from the branding settings, and the push
// that keeps every customer there. Stripe's API holds the invoice footer and custom fields per customer
// (`invoice_settings`), not for the account, so each customer gets them:
// - footer: the invoice footer; for a customer paying by bank transfer, the bank-transfer footer (bank details)
//   first, since that invoice is useless without it;
// - custom fields: the qualified-invoice registration number (登録番号), which Japanese customers look for on
//   the face of the invoice (the account's jp_trn tax id is also listed, but under Stripe's own wording).
// The push is convergent: it compares what the mirror last saw with what the settings want and updates only the
// customers that differ, so it can run after a settings change, after a collection change and on a schedule
// (catching customers created since) without doing anything twice.
import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import { listCustomerInvoiceSettingsForOperator, type CustomerInvoiceSettingsRow } from '@/db/queries/customer-settings';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { updateCustomerInvoiceSettings } from '@/lib/stripe/update-customer-invoice-settings';
import { syncStripeCustomerRecord } from '@/lib/stripe-sync';
import { bankTransferFooterOf, getBrandingSettings, type BrandingSettings } from './settings';

export type StripeInvoiceSettings = { footer: string; customFields: { name: string; value: string }[] };

/** Stripe's limits: a footer of at most 5,000 characters, custom field names 40 and values 140. */
const FOOTER_MAX = 5000;

export const REGISTRATION_NUMBER_FIELD_NAME = '登録番号';

export function stripeInvoiceSettingsFor(branding: BrandingSettings, customer: { paysByBankTransfer: boolean }): StripeInvoiceSettings {
  const parts = [customer.paysByBankTransfer ? bankTransferFooterOf(branding) : '', branding.invoiceFooter].map((p) => p.trim()).filter(Boolean);
  return {
    footer: parts.join('\n\n').slice(0, FOOTER_MAX),
    customFields: branding.registrationNumber ? [{ name: REGISTRATION_NUMBER_FIELD_NAME, value: branding.registrationNumber }] : [],
  };
}

function fingerprint(settings: StripeInvoiceSettings): string {
  return createHash('sha256').update(JSON.stringify([settings.footer, settings.customFields])).digest('hex').slice(0, 16);
}

function isCurrent(row: CustomerInvoiceSettingsRow, wanted: StripeInvoiceSettings): boolean {
  return fingerprint({ footer: row.footer ?? '', customFields: row.customFields }) === fingerprint(wanted);
}

/**
 * Brings each customer's (or one customer's) invoice footer and custom fields in line with the branding settings.
 * The idempotency key names the customer, what the mirror held and what is wanted: a retry or a second server
 * running the same push sends one request per change, while changing A → B → A sends a new one each time.
 */
export async function pushStripeInvoiceSettings(params: { customerId?: string } = {}, stripe: Stripe = defaultStripe): Promise<{ updated: string[] }> {
  const branding = await getBrandingSettings();
  const rows = await listCustomerInvoiceSettingsForOperator({ customerId: params.customerId });
  const updated: string[] = [];
  for (const row of rows) {
    const wanted = stripeInvoiceSettingsFor(branding, row);
    if (isCurrent(row, wanted)) continue;
    const before = fingerprint({ footer: row.footer ?? '', customFields: row.customFields });
    await updateCustomerInvoiceSettings(
      { customerId: row.customerId, ...wanted, idempotencyKey: `customer-invoice-settings:${row.customerId}:${before}->${fingerprint(wanted)}` },
      stripe,
    );
    await syncStripeCustomerRecord(row.customerId, undefined, { stripe });
    updated.push(row.customerId);
  }
  return { updated };
}
