// Month-end receivables from the mirror: a finalized bank-transfer invoice lands in the bucket of its days past
// due for the chosen date (and not before it was issued), the CSV lists it, and "remind the customer" puts one
// reminder email with the bank details in the outbox however often it is clicked that day — audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { auditLog, devMailbox, notifications, stripeInvoices } from '@/db/schema';
import { createTestOrganization, createTestUser, setUpBillingCatalog, type TestOrganization } from '@/lib/billing/billing-fixtures.int';
import { deliverUnattemptedNotifications } from '@/lib/notifications/deliver';
import { remindCustomerOfInvoice } from '@/lib/notifications/invoice-reminder';
import { brandingSettingsSchema, notificationSettingsSchema } from '@/lib/notifications/settings';
import { updateNotificationSettings } from '@/lib/notifications/operator-actions';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { closeTestDb, testDb } from '@/test/integration/helpers';
import { listReceivableInvoicesForOperator } from '@/db/queries/receivables';
import { dayIn } from '@/lib/i18n/zone-clock';
import { buildReceivablesReport, receivablesCsv } from './report';

const DAY = 86_400_000;
const openIds = async (asOf: number) => (await listReceivableInvoicesForOperator({ asOf: new Date(asOf) })).map((i) => i.id);
const openAt = (asOf: Date) => listReceivableInvoicesForOperator({ asOf });

describe('receivables report', () => {
  let stripe: Stripe;
  let org: TestOrganization;
  let invoice: Stripe.Invoice;

  beforeAll(async () => {
    ({ stripe } = await setUpBillingCatalog());
    org = await createTestOrganization(await createTestUser(), 'jpy');
    await updateNotificationSettings({
      notifications: notificationSettingsSchema.parse({}),
      branding: brandingSettingsSchema.parse({ companyName: 'Seikyu KK', bankDetails: 'Mizuho Bank Ginza (123) Ordinary 7654321' }),
      actor: { type: 'operator', id: 'op-setup' },
    });
    await stripe.invoiceItems.create({ customer: org.stripeCustomerId, amount: 33000, currency: 'jpy', description: 'Consulting' });
    const draft = await stripe.invoices.create({ customer: org.stripeCustomerId, collection_method: 'send_invoice', days_until_due: 14, pending_invoice_items_behavior: 'include' });
    invoice = await stripe.invoices.finalizeInvoice(draft.id!);
    await syncStripeCustomer(org.stripeCustomerId, undefined, { stripe });
  });
  afterAll(closeTestDb);

  it('ages the open bank-transfer invoice by the chosen date and exports it', async () => {
    const due = new Date(invoice.due_date! * 1000);
    const lateAsOf = new Date(due.getTime() + 45 * DAY);
    const late = await buildReceivablesReport({ asOf: lateAsOf, pageSize: 50 });
    const row = late.invoices.rows.find((i) => i.id === invoice.id);
    expect(row).toMatchObject({ bucket: 'days_31_60', daysPastDue: 45, openAmount: 33000, collectionMethod: 'send_invoice', organizationId: org.id });
    expect(late.groups.find((g) => g.collectionMethod === 'send_invoice' && g.currency === 'jpy')!.totals.days_31_60).toBe(33000);
    const csvLine = (await receivablesCsv({ asOf: lateAsOf, timeZone: 'Asia/Tokyo' })).split('\r\n').find((line) => line.includes(invoice.id));
    expect(csvLine).toContain(',send_invoice,jpy,33000,');
    // Days as the screen shows them, in the report's zone: not UTC timestamps.
    expect(csvLine).toMatch(/^\d{4}-\d{2}-\d{2},/);
    expect(csvLine).toContain(`,${dayIn(due, 'Asia/Tokyo')},`);

    expect((await openAt(new Date(due.getTime() - DAY))).find((i) => i.id === invoice.id)?.bucket).toBe('current');
    expect(await openIds(invoice.status_transitions.finalized_at! * 1000 - 1000)).not.toContain(invoice.id);
  });

  it('reminds the customer once per invoice per day, with the bank details, and audits it', async () => {
    const now = new Date('2027-05-01T03:00:00Z');
    expect(await remindCustomerOfInvoice({ invoiceId: invoice.id!, actor: { type: 'operator', id: 'op-support' }, now })).toBe('queued');
    expect(await remindCustomerOfInvoice({ invoiceId: invoice.id!, actor: { type: 'operator', id: 'op-support' }, now })).toBe('duplicate');
    expect(await testDb().select().from(notifications).where(eq(notifications.kind, 'invoice_reminder'))).toHaveLength(1);

    await deliverUnattemptedNotifications();
    const [mail] = await testDb().select().from(devMailbox).where(eq(devMailbox.subject, (await testDb().select().from(notifications).where(eq(notifications.kind, 'invoice_reminder')))[0]!.subject));
    expect(mail!.text).toContain('Mizuho Bank Ginza (123) Ordinary 7654321');
    expect(mail!.text).toContain(invoice.number!);
    const audits = (await testDb().select().from(auditLog)).filter((a) => a.action === 'invoice.reminder_sent');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ organizationId: org.id, actorId: 'op-support', targetId: invoice.id });
  });

  it('refuses to remind about an invoice that is not open; a voided invoice counts only before its voiding', async () => {
    const voided = await stripe.invoices.voidInvoice(invoice.id!);
    await syncStripeCustomer(org.stripeCustomerId, undefined, { stripe });
    await expect(remindCustomerOfInvoice({ invoiceId: invoice.id!, actor: { type: 'operator', id: 'op' } })).rejects.toMatchObject({ code: 'conflict' });

    // Stripe did it all within a second: the mirror's finalization is moved ten days back to see the days between.
    const voidedAt = voided.status_transitions.voided_at! * 1000;
    await testDb().update(stripeInvoices).set({ finalizedAt: new Date(voidedAt - 10 * DAY) }).where(eq(stripeInvoices.id, invoice.id!));
    expect(await openIds(voidedAt - 1000)).toContain(invoice.id);
    expect(await openIds(voidedAt)).not.toContain(invoice.id);
  });

  it('a bank-transfer invoice marked uncollectible and paid later was not open between the two', async () => {
    await stripe.invoiceItems.create({ customer: org.stripeCustomerId, amount: 5500, currency: 'jpy', description: 'Support' });
    const draft = await stripe.invoices.create({ customer: org.stripeCustomerId, collection_method: 'send_invoice', days_until_due: 14, pending_invoice_items_behavior: 'include' });
    const finalized = await stripe.invoices.finalizeInvoice(draft.id!);
    const uncollectible = await stripe.invoices.markUncollectible(finalized.id!);
    const paid = await stripe.invoices.pay(finalized.id!, { paid_out_of_band: true });
    await syncStripeCustomer(org.stripeCustomerId, undefined, { stripe });
    expect(paid.status).toBe('paid');

    // As above, spread over days in the mirror: finalized ten days before it was marked, paid five days after.
    const markedAt = uncollectible.status_transitions.marked_uncollectible_at! * 1000;
    await testDb()
      .update(stripeInvoices)
      .set({ finalizedAt: new Date(markedAt - 10 * DAY), paidAt: new Date(markedAt + 5 * DAY) })
      .where(eq(stripeInvoices.id, finalized.id!));
    expect(await openIds(markedAt - 1000)).toContain(finalized.id);
    expect(await openIds(markedAt + DAY)).not.toContain(finalized.id);
    expect(await openIds(markedAt + 6 * DAY)).not.toContain(finalized.id);
  });
});
