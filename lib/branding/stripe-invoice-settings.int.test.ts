// The branding settings reach Stripe's own invoices: each customer's invoice footer and custom fields (the
// registration number) are pushed once per change, bank-transfer customers get the bank details first, a new
// customer has them from its first invoice, and an unchanged push makes no Stripe call.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type Stripe from 'stripe';
import { createTestOrganization, createTestUser, setUpBillingCatalog, type TestOrganization } from '@/lib/billing/billing-fixtures.int';
import { setCustomerCollection } from '@/lib/customers/collection-settings';
import { closeTestDb } from '@/test/integration/helpers';
import { brandingSettingsSchema, saveBrandingSettings } from './settings';
import { pushStripeInvoiceSettings, stripeInvoiceSettingsFor } from './stripe-invoice-settings';

afterAll(closeTestDb);

const branding = brandingSettingsSchema.parse({
  companyName: '株式会社セイキュー',
  registrationNumber: 'T1234567890123',
  invoiceFooter: 'いつもありがとうございます。',
  bankTransferFooter: '振込先: みずほ銀行 渋谷支店 普通 1234567 カ）セイキュー',
});

describe('stripeInvoiceSettingsFor', () => {
  it('puts the bank details first for bank-transfer customers and the registration number in a custom field', () => {
    expect(stripeInvoiceSettingsFor(branding, { paysByBankTransfer: false })).toEqual({
      footer: 'いつもありがとうございます。',
      customFields: [{ name: '登録番号', value: 'T1234567890123' }],
    });
    expect(stripeInvoiceSettingsFor(branding, { paysByBankTransfer: true }).footer).toBe(
      '振込先: みずほ銀行 渋谷支店 普通 1234567 カ）セイキュー\n\nいつもありがとうございます。',
    );
    expect(stripeInvoiceSettingsFor(brandingSettingsSchema.parse({}), { paysByBankTransfer: true })).toEqual({ footer: '', customFields: [] });
  });
});

describe('pushStripeInvoiceSettings', () => {
  let stripe: Stripe;
  let card: TestOrganization;
  let bank: TestOrganization;

  beforeAll(async () => {
    ({ stripe } = await setUpBillingCatalog());
    const owner = await createTestUser();
    card = await createTestOrganization(owner, 'jpy');
    bank = await createTestOrganization(owner, 'jpy');
  });

  it('sends nothing while the settings carry no footer or number', async () => {
    const update = vi.spyOn(stripe.customers, 'update');
    expect(await pushStripeInvoiceSettings({}, stripe)).toEqual({ updated: [] });
    expect(update).not.toHaveBeenCalled();
    update.mockRestore();
  });

  it('pushes footer and registration number to every customer once; Stripe invoices then carry them', async () => {
    await saveBrandingSettings(branding);
    const update = vi.spyOn(stripe.customers, 'update');
    const first = await pushStripeInvoiceSettings({}, stripe);
    expect(first.updated.sort()).toEqual([card.stripeCustomerId, bank.stripeCustomerId].sort());
    // Run again (another server, the schedule): the mirror shows them current, nothing is sent.
    expect(await pushStripeInvoiceSettings({}, stripe)).toEqual({ updated: [] });
    expect(update).toHaveBeenCalledTimes(2);
    update.mockRestore();

    const customer = (await stripe.customers.retrieve(card.stripeCustomerId)) as Stripe.Customer;
    expect(customer.invoice_settings.footer).toBe('いつもありがとうございます。');
    expect(customer.invoice_settings.custom_fields).toEqual([{ name: '登録番号', value: 'T1234567890123' }]);

    const invoice = await stripe.invoices.create({ customer: card.stripeCustomerId, collection_method: 'charge_automatically' });
    expect(invoice.footer).toBe('いつもありがとうございます。');
    expect(invoice.custom_fields).toEqual([{ name: '登録番号', value: 'T1234567890123' }]);
  });

  it('gives a customer switched to bank transfer the bank details in its footer', async () => {
    await setCustomerCollection(
      { organizationId: bank.id, setting: { collectionMethod: 'send_invoice', daysUntilDue: 14 }, actor: { type: 'operator', id: 'op-1' } },
      stripe,
    );
    const customer = (await stripe.customers.retrieve(bank.stripeCustomerId)) as Stripe.Customer;
    expect(customer.invoice_settings.footer).toBe(stripeInvoiceSettingsFor(branding, { paysByBankTransfer: true }).footer);
    expect(customer.invoice_settings.footer).toContain('振込先');
  });

  it('clears what it set when the settings are emptied, and a new customer starts with the current settings', async () => {
    const fresh = await createTestOrganization(await createTestUser(), 'usd');
    const created = (await stripe.customers.retrieve(fresh.stripeCustomerId)) as Stripe.Customer;
    expect(created.invoice_settings.custom_fields).toEqual([{ name: '登録番号', value: 'T1234567890123' }]);

    await saveBrandingSettings(brandingSettingsSchema.parse({}));
    await pushStripeInvoiceSettings({}, stripe);
    const cleared = (await stripe.customers.retrieve(card.stripeCustomerId)) as Stripe.Customer;
    expect([cleared.invoice_settings.footer, cleared.invoice_settings.custom_fields]).toEqual([null, null]);
    expect(await pushStripeInvoiceSettings({}, stripe)).toEqual({ updated: [] });
  });
});
