// One invoice's sync (what each invoice webhook runs) mirrors what the operators' invoice page shows from that
// invoice alone: the card payment that paid it (not only at the customer's next full sync), and each discount with
// the coupon it came from. The customer's full sync writes the same row (no drift).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations, stripeInvoicePayments, stripeInvoices } from '@/db/schema';
import { appliedDiscounts } from '@/lib/billing/invoices/applied-discounts';
import { closeTestDb, resetDatabase, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';
import { findCustomerMirrorDrift, syncStripeCustomer, syncStripeInvoice } from './index';

beforeAll(resetDatabase, 60_000);
afterAll(closeTestDb);

async function customerWithCard() {
  const stripe = testStripe();
  const [org] = await testDb().insert(organizations).values({ name: `Invoice sync ${uniqueSuffix()}`, currency: 'jpy' }).returning();
  const customer = await stripe.customers.create({ email: `${uniqueSuffix()}@example.com`, metadata: { organization_id: org!.id } });
  await testDb().update(organizations).set({ stripeCustomerId: customer.id }).where(eq(organizations.id, org!.id));
  const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
  await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: card.id } });
  // Mirrored before the invoice exists, as a customer.updated webhook would leave it.
  await syncStripeCustomer(customer.id, undefined, { stripe });
  return { stripe, customerId: customer.id };
}

/** Drift of the customer's invoices and lines only: the customer row itself is left to customer.* webhooks. */
async function invoiceDrift(customerId: string) {
  return (await findCustomerMirrorDrift(customerId, { stripe: testStripe() })).filter((d) => d.table.startsWith('stripe_invoice'));
}

describe('syncStripeInvoice', () => {
  it('mirrors the card payment that paid the invoice', async () => {
    const { stripe, customerId } = await customerWithCard();
    const invoice = await stripe.invoices.create({ customer: customerId, currency: 'jpy', auto_advance: false });
    await stripe.invoiceItems.create({ customer: customerId, invoice: invoice.id, amount: 6_300, currency: 'jpy' });
    await stripe.invoices.finalizeInvoice(invoice.id);
    await stripe.invoices.pay(invoice.id);

    await syncStripeInvoice(invoice.id, undefined, { stripe, customerId });
    const payments = await testDb().select().from(stripeInvoicePayments).where(eq(stripeInvoicePayments.invoiceId, invoice.id));
    expect(payments.map((p) => [p.type, p.status, p.amountPaid])).toEqual([['payment_intent', 'paid', 6_300]]);
    // The row keeps the invoice as a plain read returns it: the payments live in their own table.
    const [row] = await testDb().select().from(stripeInvoices).where(eq(stripeInvoices.id, invoice.id));
    expect((row!.data as { payments?: unknown }).payments).toBeUndefined();
    expect(await invoiceDrift(customerId)).toEqual([]);
  });

  it('keeps each discount with its coupon, so a page can name them; the full sync writes the same', async () => {
    const { stripe, customerId } = await customerWithCard();
    const invoice = await stripe.invoices.create({ customer: customerId, currency: 'jpy', auto_advance: false });
    await stripe.invoiceItems.create({ customer: customerId, invoice: invoice.id, amount: 5_500, currency: 'jpy' });
    const thanks = await stripe.coupons.create({ name: `Thanks ${uniqueSuffix()}`, amount_off: 500, currency: 'jpy', duration: 'once' });
    const welcome = await stripe.coupons.create({ name: `Welcome ${uniqueSuffix()}`, percent_off: 10, duration: 'once' });
    const first = await stripe.invoices.update(invoice.id, { discounts: [{ coupon: thanks.id }] });
    await stripe.invoices.update(invoice.id, { discounts: [{ discount: first.discounts[0] as string }, { coupon: welcome.id }] });

    await syncStripeInvoice(invoice.id, undefined, { stripe, customerId });
    const [row] = await testDb().select().from(stripeInvoices).where(eq(stripeInvoices.id, invoice.id));
    expect(row!.total).toBe(4_500);
    expect(appliedDiscounts(row!).map((d) => [d.name, d.amount])).toEqual([
      [thanks.name, 500],
      [welcome.name, 500],
    ]);
    expect(await invoiceDrift(customerId)).toEqual([]);
    await syncStripeCustomer(customerId, undefined, { stripe });
    const [again] = await testDb().select().from(stripeInvoices).where(eq(stripeInvoices.id, invoice.id));
    expect(appliedDiscounts(again!).map((d) => d.name)).toEqual([thanks.name, welcome.name]);
  });
});
