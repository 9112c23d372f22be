// The receipt email when an invoice turns paid without a card charge: Stripe sends only `invoice.paid` for an invoice
// paid outside Stripe, and the customer who paid by bank transfer or in cash gets their receipt as a card payer does,
// worded for money received rather than a card charged. A card payment, which brings both events, is told once.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { notifications, organizations } from '@/db/schema';
import type { NotificationPayloads } from './payloads';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { closeTestDb, resetDatabase, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';
import { notifyInvoiceEvent } from './invoice-moments';
import { renderNotificationEmail } from './render';

const event = (type: string, invoiceId: string) => ({ id: `evt_${uniqueSuffix()}`, type, data: { object: { id: invoiceId } } }) as unknown as Stripe.Event;

async function customerWithOrganization() {
  const stripe = testStripe();
  const tag = uniqueSuffix();
  const customer = await stripe.customers.create({ name: '株式会社テスト', email: `keiri-${tag}@example.com`, preferred_locales: ['ja'] });
  const [org] = await testDb().insert(organizations).values({ name: `Paid ${tag}`, currency: 'jpy', stripeCustomerId: customer.id }).returning();
  return { stripe, customer, org: org! };
}

async function queued(organizationId: string) {
  return testDb().select().from(notifications).where(eq(notifications.organizationId, organizationId));
}

describe('the receipt email', () => {
  beforeEach(resetDatabase);
  afterAll(closeTestDb);

  it('goes out when a bank-transfer invoice is paid outside Stripe, saying the payment was received', async () => {
    const { stripe, customer, org } = await customerWithOrganization();
    await stripe.invoiceItems.create({ customer: customer.id, amount: 15_000, currency: 'jpy', description: 'Annual licence' });
    const draft = await stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 14, pending_invoice_items_behavior: 'include' });
    const open = await stripe.invoices.finalizeInvoice(draft.id!);
    await syncStripeCustomer(customer.id);
    // Still open: nothing to acknowledge yet.
    await notifyInvoiceEvent(event('invoice.paid', open.id!));
    expect(await queued(org.id)).toEqual([]);

    await stripe.invoices.pay(open.id!, { paid_out_of_band: true });
    await syncStripeCustomer(customer.id);
    await notifyInvoiceEvent(event('invoice.paid', open.id!));
    await notifyInvoiceEvent(event('invoice.paid', open.id!));
    const rows = await queued(org.id);
    expect(rows.map((r) => r.kind)).toEqual(['payment_succeeded']);
    const payload = rows[0]!.payload as unknown as NotificationPayloads['payment_succeeded'];
    expect(payload).toMatchObject({ invoiceId: open.id, amount: 15_000, currency: 'jpy', byCard: false });

    const mail = await renderNotificationEmail({ kind: 'payment_succeeded', payload, locale: 'ja', timeZone: 'Asia/Tokyo', branding: { companyName: 'Example KK', brandColor: '#123abc' } });
    expect(mail.subject).toBe('ご入金を確認しました（￥15,000）');
    expect(mail.text).toContain('￥15,000のご入金を確認いたしました。領収書をPDFで添付しております。');
    expect(mail.text).not.toContain('カード');
  });

  it('is sent once for a card payment, which brings invoice.paid and invoice.payment_succeeded, worded as a card payment', async () => {
    const { stripe, customer, org } = await customerWithOrganization();
    const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: card.id } });
    await stripe.invoiceItems.create({ customer: customer.id, amount: 3_300, currency: 'jpy', description: 'Consulting' });
    const draft = await stripe.invoices.create({ customer: customer.id, pending_invoice_items_behavior: 'include' });
    const paid = await stripe.invoices.pay((await stripe.invoices.finalizeInvoice(draft.id!)).id!);
    await syncStripeCustomer(customer.id);
    await notifyInvoiceEvent(event('invoice.paid', paid.id!));
    await notifyInvoiceEvent(event('invoice.payment_succeeded', paid.id!));
    const rows = await queued(org.id);
    expect(rows.map((r) => r.kind)).toEqual(['payment_succeeded']);
    expect(rows[0]!.payload).toMatchObject({ byCard: true });
  });
});
