// The receipt's data from the mirror after real Stripe calls (emulator): only the organization's paid invoice
// has one, with its lines, amount, paid date, the card that paid and the billing details. The invoice states the
// memo written on it (Stripe's description), as Stripe's own PDF does.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { organizations, users } from '@/db/schema';
import { createOrganization } from '@/lib/organizations/create-organization';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { closeTestDb, resetDatabase, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';
import { pdfText } from '@/test/pdf-text';
import { loadInvoiceDocument } from './document-data';
import { renderInvoicePdf } from './document-pdf';

beforeEach(resetDatabase);
afterAll(closeTestDb);

async function organizationWithCustomer(name: string) {
  const [user] = await testDb().insert(users).values({ email: `owner-${uniqueSuffix()}@example.com` }).returning();
  const organization = await createOrganization({ user: user!, name, currency: 'jpy', locale: 'en' });
  const [row] = await testDb().select().from(organizations).where(eq(organizations.id, organization.id));
  return { organization, customerId: row!.stripeCustomerId! };
}

async function invoice(customerId: string, lines: Array<{ description: string; amount: number }>, sendInvoice = false): Promise<Stripe.Invoice> {
  const stripe = testStripe();
  const draft = await stripe.invoices.create({
    customer: customerId,
    currency: 'jpy',
    auto_advance: false,
    ...(sendInvoice ? { collection_method: 'send_invoice' as const, days_until_due: 14 } : { collection_method: 'charge_automatically' as const }),
  });
  for (const line of lines) await stripe.invoiceItems.create({ customer: customerId, invoice: draft.id, amount: line.amount, currency: 'jpy', description: line.description });
  return stripe.invoices.finalizeInvoice(draft.id, { auto_advance: false });
}

describe('loadInvoiceDocument (receipt)', () => {
  it("gives the paid invoice's receipt with the paying card and billing details, nothing for an open or another organization's invoice", async () => {
    const stripe = testStripe();
    const { organization, customerId } = await organizationWithCustomer('Receipt Test KK');
    const other = await organizationWithCustomer('Someone Else');
    await stripe.customers.update(customerId, { name: 'Receipt Test KK', address: { line1: '1-2-3 Shibuya', city: 'Tokyo', postal_code: '150-0002', country: 'JP' } });
    const card = await stripe.paymentMethods.attach('pm_card_mastercard', { customer: customerId });
    await stripe.customers.update(customerId, { invoice_settings: { default_payment_method: card.id } });

    const paid = await invoice(customerId, [
      { description: 'Workshop', amount: 30_000 },
      { description: 'Included seat', amount: 0 },
    ]);
    await stripe.invoices.pay(paid.id);
    const open = await invoice(customerId, [{ description: 'Later', amount: 1_000 }], true);
    await syncStripeCustomer(customerId, testDb());

    const receipt = await loadInvoiceDocument({ organizationId: organization.id, invoiceId: paid.id, kind: 'receipt' }, testDb());
    expect(receipt).toMatchObject({
      kind: 'receipt',
      number: `RCPT-${paid.number}`,
      invoiceNumber: paid.number,
      currency: 'jpy',
      amountPaid: 30_000,
      total: 30_000,
      paymentMethod: { type: 'card', brand: 'mastercard', last4: '4444' },
      addressee: { name: 'Receipt Test KK', isCompany: true, addressLines: ['1-2-3 Shibuya', 'Tokyo 150-0002', 'JP'] },
      // The zero-amount line is left out; the total is unchanged.
      lines: [{ description: 'Workshop', amount: 30_000 }],
    });
    expect(receipt!.paidAt).toBeInstanceOf(Date);

    expect(await loadInvoiceDocument({ organizationId: organization.id, invoiceId: open.id, kind: 'receipt' }, testDb())).toBeNull();
    expect(await loadInvoiceDocument({ organizationId: other.organization.id, invoiceId: paid.id, kind: 'receipt' }, testDb())).toBeNull();
  });

  it('shows bank transfer, not the card on file, for an invoice paid by bank transfer', async () => {
    const stripe = testStripe();
    const { organization, customerId } = await organizationWithCustomer('Transfer KK');
    const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: customerId });
    await stripe.customers.update(customerId, { invoice_settings: { default_payment_method: card.id } });
    const transfer = await invoice(customerId, [{ description: 'Annual licence', amount: 120_000 }], true);
    await stripe.invoices.pay(transfer.id, { paid_out_of_band: true });
    await syncStripeCustomer(customerId, testDb());

    const receipt = await loadInvoiceDocument({ organizationId: organization.id, invoiceId: transfer.id, kind: 'receipt' }, testDb());
    expect(receipt).toMatchObject({ amountPaid: 120_000, paymentMethod: { type: 'bank_transfer' } });
  });
});

describe('loadInvoiceDocument (invoice)', () => {
  it('states the memo written on the invoice, as Stripe’s PDF does', async () => {
    const stripe = testStripe();
    const { organization, customerId } = await organizationWithCustomer('Memo KK');
    const draft = await stripe.invoices.create({ customer: customerId, currency: 'jpy', auto_advance: false, collection_method: 'send_invoice', days_until_due: 14 });
    await stripe.invoiceItems.create({ customer: customerId, invoice: draft.id, amount: 5_000, currency: 'jpy', description: 'Consulting' });
    await stripe.invoices.update(draft.id, { description: 'Per purchase order PO-4711.' });
    await stripe.invoices.finalizeInvoice(draft.id, { auto_advance: false });
    await syncStripeCustomer(customerId, testDb());

    const model = await loadInvoiceDocument({ organizationId: organization.id, invoiceId: draft.id, kind: 'invoice' }, testDb());
    expect(model?.memo).toBe('Per purchase order PO-4711.');
    expect(pdfText(await renderInvoicePdf(model!, { cjkFontPath: null }))).toContain('Memo: Per purchase order PO-4711.');
  });
});
