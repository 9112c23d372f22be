// "Remind the customer" only once an invoice is past due: a bank-transfer invoice from the day after its due date
// in the organization's time zone, a card invoice once its charge failed. Before that the reminder is refused with
// a sentence naming the invoice, and nothing is queued or audited.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { auditLog, notifications, operators, organizations, users } from '@/db/schema';
import type { User } from '@/db/queries/users';
import { createTestOrganization, createTestUser, setUpBillingCatalog, type TestOrganization } from '@/lib/billing/billing-fixtures.int';
import { AppError } from '@/lib/errors';
import { startOfNextDayIn } from '@/lib/usage/period';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { closeTestDb, testDb, uniqueSuffix } from '@/test/integration/helpers';
import { upsertTestClockTime } from '@/db/queries/test-clocks';
import { summarizeReceivablesForOperator } from '@/db/queries/receivables';
import { reminderNotDue } from './reminder-due';

const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
vi.mock('@/lib/i18n/server', async () => {
  const { createTranslator } = await import('next-intl');
  const ja = (await import('@/messages/ja.json')).default;
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: 'ja', messages: ja, namespace: namespace as never }) };
});

const { remindCustomerOfInvoice } = await import('./invoice-reminder');
const { remindInvoiceAction } = await import('@/lib/actions/admin/remind-invoice');

const actor = { type: 'operator' as const, id: 'op-support' };
let stripe: Stripe;
let org: TestOrganization;

async function refusal(run: Promise<unknown>): Promise<AppError> {
  const error = await run.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const queued = async () => testDb().select().from(notifications).where(eq(notifications.kind, 'invoice_reminder'));
const audited = async () => testDb().select().from(auditLog).where(eq(auditLog.action, 'invoice.reminder_sent'));

beforeAll(async () => {
  ({ stripe } = await setUpBillingCatalog());
  org = await createTestOrganization(await createTestUser(), 'jpy');
  await testDb().update(organizations).set({ timeZone: 'Asia/Tokyo' }).where(eq(organizations.id, org.id));
  const [operator] = await testDb().insert(users).values({ email: `support-${uniqueSuffix()}@example.com` }).returning();
  await testDb().insert(operators).values({ userId: operator!.id, role: 'support' });
  session.user = operator as User;
});
afterAll(closeTestDb);

describe('reminding a customer of an invoice', () => {
  it('refuses a bank-transfer invoice until its due day is over in the organization’s zone, then queues one', async () => {
    await stripe.invoiceItems.create({ customer: org.stripeCustomerId, amount: 22_600, currency: 'jpy', description: 'Consulting' });
    const draft = await stripe.invoices.create({ customer: org.stripeCustomerId, collection_method: 'send_invoice', days_until_due: 14, pending_invoice_items_behavior: 'include' });
    const invoice = await stripe.invoices.finalizeInvoice(draft.id!);
    await syncStripeCustomer(org.stripeCustomerId, undefined, { stripe });
    const dueDayOver = startOfNextDayIn(new Date(invoice.due_date! * 1000), 'Asia/Tokyo');

    // Today, as the receivables page offers it to the operator: a clear sentence, nothing sent.
    const refused = await remindInvoiceAction({ invoiceId: invoice.id! });
    expect(refused.serverError).toEqual({ code: 'conflict', error: `請求書 ${invoice.number} はまだ支払期限を過ぎていません。入金の案内は支払期限の翌日から送れます。` });
    const lastMinute = await refusal(remindCustomerOfInvoice({ invoiceId: invoice.id!, actor, now: new Date(dueDayOver.getTime() - 60_000) }));
    expect(lastMinute.reason).toBe('not_yet_due');
    expect([await queued(), await audited()]).toEqual([[], []]);

    expect(await remindCustomerOfInvoice({ invoiceId: invoice.id!, actor, now: dueDayOver })).toBe('queued');
    expect(await audited()).toHaveLength(1);
  });

  it('refuses a card invoice before its first charge, and reminds once the charge failed', async () => {
    const card = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: org.stripeCustomerId });
    await stripe.customers.update(org.stripeCustomerId, { invoice_settings: { default_payment_method: card.id } });
    await stripe.invoiceItems.create({ customer: org.stripeCustomerId, amount: 3_000, currency: 'jpy', description: 'Support hours' });
    const draft = await stripe.invoices.create({ customer: org.stripeCustomerId, collection_method: 'charge_automatically', auto_advance: false, pending_invoice_items_behavior: 'include' });
    const invoice = await stripe.invoices.finalizeInvoice(draft.id!, { auto_advance: false });
    await syncStripeCustomer(org.stripeCustomerId, undefined, { stripe });
    expect((await refusal(remindCustomerOfInvoice({ invoiceId: invoice.id!, actor }))).reason).toBe('not_yet_charged');

    await expect(stripe.invoices.pay(invoice.id!)).rejects.toThrow(/declined/);
    await syncStripeCustomer(org.stripeCustomerId, undefined, { stripe });
    expect(await remindInvoiceAction({ invoiceId: invoice.id! })).toEqual({ data: { outcome: 'queued' } });
  });

  it('counts a customer on a Stripe test clock as living at the clock’s time, on the page and in the action', async () => {
    // Three weeks ahead of the wall clock: the invoice is due in 14 days of the clock's time, long after today.
    const start = Math.floor(Date.now() / 1000) + 21 * 86_400;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: start, name: `reminder ${uniqueSuffix()}` });
    const [clocked] = await testDb().insert(organizations).values({ name: `Clocked ${uniqueSuffix()}`, currency: 'jpy', billingEmail: `${uniqueSuffix()}@example.com`, timeZone: 'Asia/Tokyo' }).returning();
    const customer = await stripe.customers.create({ email: clocked!.billingEmail!, test_clock: clock.id, metadata: { organization_id: clocked!.id } });
    await testDb().update(organizations).set({ stripeCustomerId: customer.id }).where(eq(organizations.id, clocked!.id));
    await stripe.invoiceItems.create({ customer: customer.id, amount: 5_000, currency: 'jpy', description: 'Setup' });
    const draft = await stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 14, pending_invoice_items_behavior: 'include' });
    const invoice = await stripe.invoices.finalizeInvoice(draft.id!);
    await syncStripeCustomer(customer.id, undefined, { stripe });

    // The clock's last reported time is before the due day's end: refused, though no test clock is wall time.
    await upsertTestClockTime({ id: clock.id, frozenTime: new Date(start * 1000) });
    expect((await refusal(remindCustomerOfInvoice({ invoiceId: invoice.id!, actor }))).reason).toBe('not_yet_due');

    // The clock moves past the due day (a test_helpers.test_clock.ready event records it): the page offers the
    // reminder and the action queues it, while on the wall clock the invoice is not due for weeks.
    const after = startOfNextDayIn(new Date(invoice.due_date! * 1000), 'Asia/Tokyo');
    await upsertTestClockTime({ id: clock.id, frozenTime: after });
    const report = await summarizeReceivablesForOperator({ asOf: after, customersPage: 1, invoicesPage: 1, pageSize: 500 });
    const row = report.invoices.rows.find((r) => r.id === invoice.id);
    expect(row?.testClockTime).toEqual(after);
    expect(reminderNotDue(row!, 'Asia/Tokyo', row!.testClockTime ?? new Date())).toBeNull();
    expect(reminderNotDue(row!, 'Asia/Tokyo', new Date())).toBe('not_yet_due');
    expect(await remindInvoiceAction({ invoiceId: invoice.id! })).toEqual({ data: { outcome: 'queued' } });
    const [email] = (await queued()).filter((n) => (n.payload as { invoiceId?: string }).invoiceId === invoice.id);
    expect(email?.dedupeKey).toBe(`invoice_reminder:${invoice.id}:${after.toISOString().slice(0, 10)}`);
  });
});
