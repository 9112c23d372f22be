// Operator invoice actions and draft review against the emulator and a real database: the refusals change nothing
// (finalize a non-draft, void a paid invoice, support calling a money action), a double approval finalizes and
// charges once, a held customer's test-clock renewal stays a draft with auto_advance=false until approved, and a
// reviewer's coupons add up (each named on the page and in the audit) and come off one at a time.
import { and, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organizations, stripeInvoices, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { syncStripeCustomer, syncStripeInvoice } from '@/lib/stripe-sync';
import { listAll } from '@/lib/stripe-sync/context';
import { deliver } from '@/lib/webhooks/test-delivery';
import { closeTestDb, resetDatabase, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';
import { appliedDiscounts } from '../invoices/applied-discounts';
import { invoiceEmailRecipient } from '../invoices/invoice-details';
import { runInvoiceAction, type Operator } from '../operator-invoices/run-invoice-action';
import { approveHeldDraft } from './approve-draft';
import { editHeldDraft } from './edit-draft';
import { setReviewHold } from './review-holds';

let stripe: Stripe;
let admin: Operator;
let support: Operator;

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function mirrored(invoiceId: string) {
  const [row] = await testDb().select().from(stripeInvoices).where(eq(stripeInvoices.id, invoiceId));
  return row!;
}

async function eventsFor(invoiceId: string, type: string): Promise<Stripe.Event[]> {
  return (await listAll(stripe.events.list({ type, limit: 100 }))).filter((e) => (e.data.object as { id?: string }).id === invoiceId);
}

async function organizationWithCustomer(options: { clock?: string; card?: string } = {}) {
  const [org] = await testDb().insert(organizations).values({ name: `Review ${uniqueSuffix()}`, currency: 'jpy' }).returning();
  const customer = await stripe.customers.create({
    email: `${uniqueSuffix()}@example.com`,
    metadata: { organization_id: org!.id },
    ...(options.clock ? { test_clock: options.clock } : {}),
  });
  await testDb().update(organizations).set({ stripeCustomerId: customer.id }).where(eq(organizations.id, org!.id));
  if (options.card) {
    const pm = await stripe.paymentMethods.attach(options.card, { customer: customer.id });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });
  }
  await syncStripeCustomer(customer.id, undefined, { stripe });
  return { organizationId: org!.id, customerId: customer.id };
}

async function openSendInvoice(customerId: string, amount = 5000): Promise<string> {
  const invoice = await stripe.invoices.create({ customer: customerId, collection_method: 'send_invoice', days_until_due: 14, currency: 'jpy' });
  await stripe.invoiceItems.create({ customer: customerId, invoice: invoice.id, amount, currency: 'jpy', description: 'Consulting' });
  await syncStripeInvoice(invoice.id, undefined, { stripe, customerId });
  return invoice.id;
}

async function advanceClock(clockId: string, target: number): Promise<void> {
  await stripe.testHelpers.testClocks.advance(clockId, { frozen_time: target });
  for (let i = 0; i < 400; i += 1) {
    if ((await stripe.testHelpers.testClocks.retrieve(clockId)).status === 'ready') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`test clock ${clockId} did not become ready`);
}

beforeAll(async () => {
  await resetDatabase();
  stripe = testStripe();
  const [a, s] = await testDb()
    .insert(users)
    .values([{ email: `admin-${uniqueSuffix()}@example.com` }, { email: `support-${uniqueSuffix()}@example.com` }])
    .returning();
  admin = { userId: a!.id, role: 'admin' };
  support = { userId: s!.id, role: 'support' };
}, 60_000);
afterAll(closeTestDb);

describe('[admin] invoice actions', () => {
  it('finalizes a draft once, refuses to finalize it again, and audits before and after', async () => {
    const { customerId } = await organizationWithCustomer();
    const invoiceId = await openSendInvoice(customerId);

    const forbidden = await refusal(() => runInvoiceAction({ invoiceId, action: 'finalize', operator: support }, stripe));
    expect(forbidden.code).toBe('forbidden');
    expect((await stripe.invoices.retrieve(invoiceId)).status).toBe('draft');

    const after = await runInvoiceAction({ invoiceId, action: 'finalize', operator: admin }, stripe);
    expect(after.status).toBe('open');
    expect((await mirrored(invoiceId)).status).toBe('open');
    const [entry] = await testDb().select().from(auditLog).where(and(eq(auditLog.targetId, invoiceId), eq(auditLog.action, 'invoice.finalized_by_operator')));
    expect(entry?.actorType).toBe('operator');
    expect(entry?.data).toMatchObject({ before: { status: 'draft' }, after: { status: 'open' } });

    expect((await refusal(() => runInvoiceAction({ invoiceId, action: 'finalize', operator: admin }, stripe))).code).toBe('conflict');
    expect(await eventsFor(invoiceId, 'invoice.finalized')).toHaveLength(1);
  });

  it('lets support resend a send_invoice invoice, but not void it; void needs a reason and records it', async () => {
    const { customerId } = await organizationWithCustomer();
    const invoiceId = await openSendInvoice(customerId);
    await runInvoiceAction({ invoiceId, action: 'finalize', operator: admin }, stripe);

    const resent = await runInvoiceAction({ invoiceId, action: 'resend', operator: support, attempt: 'click-1' }, stripe);
    expect(await eventsFor(invoiceId, 'invoice.sent')).toHaveLength(1);
    // To whom: the customer's billing email, said to the operator and kept in the history.
    const { email } = await stripe.customers.retrieve(customerId).then((c) => c as Stripe.Customer);
    expect(invoiceEmailRecipient(resent)).toBe(email);
    const [sent] = await testDb().select().from(auditLog).where(and(eq(auditLog.targetId, invoiceId), eq(auditLog.action, 'invoice.resent_by_operator')));
    expect(sent?.data).toMatchObject({ email });

    expect((await refusal(() => runInvoiceAction({ invoiceId, action: 'void', operator: support, reason: 'dup' }, stripe))).code).toBe('forbidden');
    expect((await refusal(() => runInvoiceAction({ invoiceId, action: 'void', operator: admin, reason: '  ' }, stripe))).code).toBe('invalid_input');
    expect((await stripe.invoices.retrieve(invoiceId)).status).toBe('open');

    await runInvoiceAction({ invoiceId, action: 'void', operator: admin, reason: 'Issued twice' }, stripe);
    const voided = await stripe.invoices.retrieve(invoiceId);
    expect(voided.status).toBe('void');
    expect(voided.metadata?.void_reason).toBe('Issued twice');
    expect((await mirrored(invoiceId)).status).toBe('void');
    // The reason is in the audit entry, where the invoice's history and the audit log read it (理由：…).
    const [entry] = await testDb().select().from(auditLog).where(and(eq(auditLog.targetId, invoiceId), eq(auditLog.action, 'invoice.voided_by_operator')));
    expect(entry?.data).toMatchObject({ reason: 'Issued twice', before: { status: 'open' }, after: { status: 'void' } });
  });

  it('marking an invoice uncollectible records the operator’s reason in the audit entry', async () => {
    const { customerId } = await organizationWithCustomer();
    const invoiceId = await openSendInvoice(customerId);
    await runInvoiceAction({ invoiceId, action: 'finalize', operator: admin }, stripe);
    await runInvoiceAction({ invoiceId, action: 'mark_uncollectible', operator: admin, reason: '  Company dissolved  ' }, stripe);
    const [entry] = await testDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, invoiceId), eq(auditLog.action, 'invoice.marked_uncollectible_by_operator')));
    expect(entry?.data).toMatchObject({ reason: 'Company dissolved', before: { status: 'open' }, after: { status: 'uncollectible' } });
    expect((await stripe.invoices.retrieve(invoiceId)).metadata?.mark_uncollectible_reason).toBe('Company dissolved');
  });

  it('refuses to void or mark uncollectible a paid invoice, and nothing changes', async () => {
    const { customerId } = await organizationWithCustomer();
    const invoiceId = await openSendInvoice(customerId);
    await runInvoiceAction({ invoiceId, action: 'finalize', operator: admin }, stripe);
    await stripe.invoices.pay(invoiceId, { paid_out_of_band: true });
    await syncStripeInvoice(invoiceId, undefined, { stripe, customerId });

    const refused = await refusal(() => runInvoiceAction({ invoiceId, action: 'void', operator: admin, reason: 'oops' }, stripe));
    expect(refused.code).toBe('conflict');
    // The sentence names the status as a word of the reader's language (支払済み), not the code `paid`.
    expect(refused.userMessageKey).toEqual({ key: 'adminInvoices.errors.notAllowed', valueKeys: { status: 'invoiceStatus.paid' } });
    expect((await refusal(() => runInvoiceAction({ invoiceId, action: 'mark_uncollectible', operator: admin, reason: 'x' }, stripe))).code).toBe('conflict');
    const after = await stripe.invoices.retrieve(invoiceId);
    expect(after.status).toBe('paid');
    expect(after.metadata?.void_reason).toBeUndefined();
    expect(await eventsFor(invoiceId, 'invoice.voided')).toHaveLength(0);
  });
});

describe('[admin] draft review', () => {
  it('holds a held customer’s renewal draft (auto_advance false), lets a reviewer add a line, and approves it once: finalized and charged', async () => {
    const start = Math.floor(Date.now() / 1000);
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: start });
    const { organizationId, customerId } = await organizationWithCustomer({ clock: clock.id, card: 'pm_card_visa' });
    const product = await stripe.products.create({ name: `Review plan ${uniqueSuffix()}` });
    const price = await stripe.prices.create({ product: product.id, currency: 'jpy', unit_amount: 3000, recurring: { interval: 'month' } });
    const subscription = await stripe.subscriptions.create({ customer: customerId, items: [{ price: price.id }] });

    expect((await refusal(() => setReviewHold({ scope: 'organization', targetId: organizationId, hold: { firstInvoices: 3 }, operator: support }))).code).toBe(
      'forbidden',
    );
    await setReviewHold({ scope: 'organization', targetId: organizationId, hold: { firstInvoices: 3 }, operator: admin });

    const periodEnd = subscription.items.data[0]!.current_period_end;
    await advanceClock(clock.id, periodEnd + 60);
    const [draft] = (await stripe.invoices.list({ subscription: subscription.id, status: 'draft' })).data;
    if (!draft) throw new Error('expected the renewal draft');
    const [created] = await eventsFor(draft.id, 'invoice.created');
    const delivery = await deliver(created!, { stripe });
    expect(delivery.response.status).toBe(200);
    for (const task of delivery.scheduled) await task();
    // Delivered twice (Stripe retries): still one hold, no error.
    const again = await deliver({ ...created!, id: `${created!.id}_retry` }, { stripe });
    for (const task of again.scheduled) await task();

    expect((await mirrored(draft.id)).autoAdvance).toBe(false);
    await advanceClock(clock.id, periodEnd + 3 * 86_400);
    expect((await stripe.invoices.retrieve(draft.id)).status).toBe('draft');

    await editHeldDraft({ invoiceId: draft.id, operator: admin, edit: { kind: 'add_item', amount: 500, description: 'Setup support', attempt: 'a1' } }, stripe);
    expect((await mirrored(draft.id)).total).toBe(3500);
    expect((await refusal(() => editHeldDraft({ invoiceId: draft.id, operator: support, edit: { kind: 'memo', description: 'x', attempt: 'm' } }, stripe))).code).toBe(
      'forbidden',
    );

    expect((await refusal(() => approveHeldDraft({ invoiceId: draft.id, operator: support }, stripe))).code).toBe('forbidden');
    expect((await stripe.invoices.retrieve(draft.id)).status).toBe('draft');

    const results = await Promise.allSettled([approveHeldDraft({ invoiceId: draft.id, operator: admin }, stripe), approveHeldDraft({ invoiceId: draft.id, operator: admin }, stripe)]);
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    const paid = await stripe.invoices.retrieve(draft.id);
    expect(paid.status).toBe('paid');
    expect(paid.amount_paid).toBe(3500);
    expect(await eventsFor(draft.id, 'invoice.finalized')).toHaveLength(1);
    expect(await eventsFor(draft.id, 'invoice.paid')).toHaveLength(1);
    expect((await mirrored(draft.id)).status).toBe('paid');
    expect((await refusal(() => approveHeldDraft({ invoiceId: draft.id, operator: admin }, stripe))).code).toBe('conflict');
  }, 60_000);
});

describe('[admin] coupons on a held draft', () => {
  async function couponIds() {
    const tag = uniqueSuffix().replace(/[^A-Za-z0-9]/g, '');
    const thanks = await stripe.coupons.create({ id: `THANKYOU500_${tag}`, name: 'Thank you ¥500', amount_off: 500, currency: 'jpy', duration: 'once' });
    const welcome = await stripe.coupons.create({ id: `WELCOME10_${tag}`, name: 'Welcome 10%', percent_off: 10, duration: 'once' });
    return { thanks: thanks.id, welcome: welcome.id };
  }
  async function auditOf(invoiceId: string) {
    return (await testDb().select().from(auditLog).where(eq(auditLog.targetId, invoiceId))).filter((e) => e.action.startsWith('invoice.review_'));
  }

  it('applies a second coupon after the first (both stay), removes one while the other stays, and the audit names each', async () => {
    const { customerId } = await organizationWithCustomer();
    const invoiceId = await openSendInvoice(customerId, 5_500);
    const { thanks, welcome } = await couponIds();

    await editHeldDraft({ invoiceId, operator: admin, edit: { kind: 'add_coupon', couponId: thanks, attempt: 'c1' } }, stripe);
    await editHeldDraft({ invoiceId, operator: admin, edit: { kind: 'add_coupon', couponId: welcome, attempt: 'c2' } }, stripe);
    // ¥500 off ¥5,500, then 10 % of the ¥5,000 left: both apply (the second no longer replaces the first).
    const both = await stripe.invoices.retrieve(invoiceId);
    expect(both.discounts).toHaveLength(2);
    expect(both.total).toBe(4_500);
    const row = await mirrored(invoiceId);
    expect(row.total).toBe(4_500);
    const listed = appliedDiscounts(row);
    expect(listed.map((d) => [d.name, d.couponId, d.amount])).toEqual([
      ['Thank you ¥500', thanks, 500],
      ['Welcome 10%', welcome, 500],
    ]);

    const removed = listed[0]!;
    await editHeldDraft({ invoiceId, operator: admin, edit: { kind: 'remove_discount', discountId: removed.id } }, stripe);
    const kept = await stripe.invoices.retrieve(invoiceId);
    expect(kept.discounts).toEqual([listed[1]!.id]);
    expect(kept.total).toBe(4_950);
    expect(appliedDiscounts(await mirrored(invoiceId)).map((d) => d.name)).toEqual(['Welcome 10%']);

    const entries = await auditOf(invoiceId);
    expect(entries.map((e) => [e.action, (e.data as { coupon?: { id: string } }).coupon?.id])).toEqual([
      ['invoice.review_add_coupon', thanks],
      ['invoice.review_add_coupon', welcome],
      ['invoice.review_remove_discount', thanks],
    ]);
    expect(entries[2]!.data).toMatchObject({ coupon: { name: 'Thank you ¥500' }, discountId: removed.id, before: { total: 4_500 }, after: { total: 4_950 } });
  });

  it('refuses an unknown coupon, the same coupon twice and a discount not on the invoice, with a clear reason, and changes nothing', async () => {
    const { customerId } = await organizationWithCustomer();
    const invoiceId = await openSendInvoice(customerId, 5_500);
    const { welcome } = await couponIds();
    await editHeldDraft({ invoiceId, operator: admin, edit: { kind: 'add_coupon', couponId: welcome, attempt: 'c1' } }, stripe);
    const before = await stripe.invoices.retrieve(invoiceId);
    const auditBefore = (await auditOf(invoiceId)).length;

    const unknown = await refusal(() => editHeldDraft({ invoiceId, operator: admin, edit: { kind: 'add_coupon', couponId: 'WELCOME10', attempt: 'c2' } }, stripe));
    expect([unknown.code, unknown.userMessageKey]).toEqual(['invalid_input', { key: 'adminInvoices.errors.unknownCoupon', values: { coupon: 'WELCOME10' } }]);
    const twice = await refusal(() => editHeldDraft({ invoiceId, operator: admin, edit: { kind: 'add_coupon', couponId: welcome, attempt: 'c3' } }, stripe));
    expect([twice.code, twice.userMessageKey?.key]).toEqual(['conflict', 'adminInvoices.errors.couponAlreadyApplied']);
    const usd = await stripe.coupons.create({ amount_off: 400, currency: 'usd', duration: 'once' });
    const currency = await refusal(() => editHeldDraft({ invoiceId, operator: admin, edit: { kind: 'add_coupon', couponId: usd.id, attempt: 'c4' } }, stripe));
    expect(currency.userMessageKey?.key).toBe('adminInvoices.errors.couponOtherCurrency');
    const stranger = await refusal(() => editHeldDraft({ invoiceId, operator: admin, edit: { kind: 'remove_discount', discountId: 'di_notOnThisInvoice' } }, stripe));
    expect([stranger.code, stranger.userMessageKey?.key]).toEqual(['not_found', 'adminInvoices.errors.discountNotApplied']);
    const forbidden = await refusal(() => editHeldDraft({ invoiceId, operator: support, edit: { kind: 'remove_discount', discountId: before.discounts[0] as string } }, stripe));
    expect(forbidden.code).toBe('forbidden');

    const after = await stripe.invoices.retrieve(invoiceId);
    expect([after.discounts, after.total]).toEqual([before.discounts, before.total]);
    expect(await auditOf(invoiceId)).toHaveLength(auditBefore);
  });
});
