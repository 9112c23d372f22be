// Operators recording payments made outside Stripe and issuing credit notes, against the database and the Stripe
// emulator: partial then full payment turns a bank-transfer invoice paid and the subscription stays active; a
// double submit records one payment; each refusal changes nothing (Stripe, mirror, audit); credit notes by amount
// and by line, a card refund; support operators are refused by the actions; customers see only their own notes.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { pdfText } from '@/test/pdf-text';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { auditLog, operators, organizations, stripeCreditNotes, stripeInvoicePayments, stripeInvoices, stripeSubscriptions, users } from '@/db/schema';
import type { User } from '@/db/queries/users';
import { createOrganization } from '@/lib/organizations/create-organization';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { AppError } from '@/lib/errors';
import { closeTestDb, resetDatabase, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';

const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));
vi.mock('next-intl/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-intl/server')>()),
  getLocale: async () => 'ja',
}));
// The operator reads Japanese: refusals are asserted as the sentence they see.
vi.mock('@/lib/i18n/server', async () => {
  const { createTranslator } = await import('next-intl');
  const ja = (await import('@/messages/ja.json')).default;
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: 'ja', messages: ja, namespace: namespace as never }) };
});
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const { recordOffStripePayment } = await import('./record-payment');
const { issueOperatorCreditNote, previewOperatorCreditNote } = await import('./credit-notes');
const { recordPaymentAction } = await import('@/lib/actions/admin/record-payment');
const { loadInvoiceAdjustmentsForOperator } = await import('./invoice-adjustments-view');
const { getInvoiceForOperator } = await import('@/db/queries/invoices');
const { loadInvoiceDocument } = await import('@/lib/documents/document-data');
const { describePaymentMethod } = await import('@/lib/documents/document-pdf');
const { listRecordedPaymentsForInvoice } = await import('@/db/queries/invoice-adjustments');
const { issueCreditNoteAction } = await import('@/lib/actions/admin/issue-credit-note');
const { GET: getCreditNotePdf } = await import('@/app/orgs/[orgId]/invoices/[invoiceId]/credit-notes/[creditNoteId]/pdf/route');
const { GET: getCreditNoteStripePdf } = await import('@/app/orgs/[orgId]/invoices/[invoiceId]/credit-notes/[creditNoteId]/stripe-pdf/route');

let stripe: Stripe;
let admin: User;
let support: User;

beforeAll(() => {
  stripe = testStripe();
});
beforeEach(async () => {
  await resetDatabase();
  const [a] = await testDb().insert(users).values({ email: `admin-${uniqueSuffix()}@example.com` }).returning();
  const [s] = await testDb().insert(users).values({ email: `support-${uniqueSuffix()}@example.com` }).returning();
  admin = a as User;
  support = s as User;
  await testDb().insert(operators).values([
    { userId: admin.id, role: 'admin' },
    { userId: support.id, role: 'support' },
  ]);
  session.user = admin;
});
afterAll(closeTestDb);

/**
 * A bank-transfer customer with a ¥12,000 monthly subscription whose first invoice is open (with `taxRateIds` as its
 * default rates; documents in `locale`).
 */
async function bankTransferCustomer(
  options: { taxRateIds?: string[]; locale?: 'en' | 'ja' } = {},
): Promise<{ organizationId: string; customerId: string; invoiceId: string; subscriptionId: string; owner: User }> {
  const [owner] = await testDb().insert(users).values({ email: `owner-${uniqueSuffix()}@example.com` }).returning();
  const organization = await createOrganization({ user: owner!, name: `Kobe ${uniqueSuffix()}`, currency: 'jpy', locale: options.locale ?? 'en' });
  const [row] = await testDb().select().from(organizations).where(eq(organizations.id, organization.id));
  const customerId = row!.stripeCustomerId!;
  const price = await stripe.prices.create({ currency: 'jpy', unit_amount: 4_000, recurring: { interval: 'month' }, product_data: { name: 'Seat' } });
  const sub = await stripe.subscriptions.create({
    customer: customerId,
    items: [{ price: price.id, quantity: 3 }],
    collection_method: 'send_invoice',
    days_until_due: 14,
    ...(options.taxRateIds ? { default_tax_rates: options.taxRateIds } : {}),
  });
  await syncStripeCustomer(customerId, testDb());
  return { organizationId: organization.id, customerId, invoiceId: sub.latest_invoice as string, subscriptionId: sub.id, owner: owner as User };
}

const payment = (invoiceId: string, amount: string, extra: Partial<{ currency: string; attempt: string }> = {}) => ({
  invoiceId,
  amount,
  currency: extra.currency ?? 'jpy',
  method: 'bank_transfer' as const,
  receivedOn: '2026-04-10',
  reference: 'MIZUHO-77',
  attempt: extra.attempt ?? randomUUID(),
  operatorUserId: admin.id,
  now: new Date('2026-04-11T00:00:00Z'),
});

async function mirrored(invoiceId: string) {
  const [invoice] = await testDb().select().from(stripeInvoices).where(eq(stripeInvoices.id, invoiceId));
  const payments = await testDb().select().from(stripeInvoicePayments).where(eq(stripeInvoicePayments.invoiceId, invoiceId));
  return { invoice: invoice!, payments };
}

async function expectRefused(run: Promise<unknown>, reason: string, prefix = 'backOffice.payments.errors') {
  const error = await run.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).reason).toBe(reason);
  expect((error as AppError).userMessageKey?.key).toBe(`${prefix}.${reason}`);
}

describe('[admin] recording a payment made outside Stripe', () => {
  it('a partial bank transfer leaves the rest due; the rest turns the invoice paid and the subscription stays active', async () => {
    const c = await bankTransferCustomer();
    const first = await recordOffStripePayment(payment(c.invoiceId, '5,000'));
    expect(first).toMatchObject({ outcome: 'recorded', status: 'open', amountRemaining: 7_000 });
    const afterFirst = await mirrored(c.invoiceId);
    expect(afterFirst.invoice.amountPaid).toBe(5_000);
    expect(afterFirst.payments.map((p) => [p.methodLabel, p.reference, p.amountPaid, p.status])).toEqual([['Bank transfer', 'MIZUHO-77', 5_000, 'paid']]);

    // The rest in cash, handed over the day before the transfer arrived.
    const rest = await recordOffStripePayment({ ...payment(c.invoiceId, '7000'), method: 'cash', receivedOn: '2026-04-09' });
    expect(rest).toMatchObject({ outcome: 'recorded', status: 'paid', amountRemaining: 0 });
    // The receipt says how the money came: the transfer and then cash, not 銀行振込 alone.
    const receipt = await loadInvoiceDocument({ organizationId: c.organizationId, invoiceId: c.invoiceId, kind: 'receipt' });
    expect(receipt?.paymentMethod).toEqual({ type: 'recorded', ways: ['bank_transfer', 'cash'] });
    expect(describePaymentMethod(receipt!.paymentMethod, 'ja')).toBe('銀行振込、現金');
    expect(describePaymentMethod(receipt!.paymentMethod, 'en')).toBe('Bank transfer, Cash');
    // The customer's invoice page lists both by the day each was received; another organization's reads nothing.
    const listed = await listRecordedPaymentsForInvoice({ organizationId: c.organizationId, invoiceId: c.invoiceId });
    expect(listed.map((p) => [p.method, p.amountPaid])).toEqual([['cash', 7_000], ['bank_transfer', 5_000]]);
    expect(await listRecordedPaymentsForInvoice({ organizationId: randomUUID(), invoiceId: c.invoiceId })).toEqual([]);
    const stripeInvoice = await stripe.invoices.retrieve(c.invoiceId);
    expect([stripeInvoice.status, stripeInvoice.amount_paid, stripeInvoice.amount_paid_off_stripe]).toEqual(['paid', 12_000, 12_000]);
    const [sub] = await testDb().select().from(stripeSubscriptions).where(eq(stripeSubscriptions.id, c.subscriptionId));
    expect(sub!.status).toBe('active');
    expect((await mirrored(c.invoiceId)).payments).toHaveLength(2);

    const audit = await testDb().select().from(auditLog).where(eq(auditLog.action, 'invoice.payment_recorded'));
    expect(audit).toHaveLength(2);
    expect(audit.map((a) => [a.actorType, a.actorId, a.organizationId])).toContainEqual(['operator', admin.id, c.organizationId]);
    const last = audit.find((a) => (a.data as { amount: number }).amount === 7_000)!.data as Record<string, { status: string; amountRemaining: number }>;
    expect(last.before).toMatchObject({ status: 'open', amountRemaining: 7_000 });
    expect(last.after).toMatchObject({ status: 'paid', amountRemaining: 0 });
  });

  it('a double submit of the same form records one payment', async () => {
    const c = await bankTransferCustomer();
    const attempt = randomUUID();
    const [a, b] = [await recordOffStripePayment(payment(c.invoiceId, '3000', { attempt })), await recordOffStripePayment(payment(c.invoiceId, '3000', { attempt }))];
    expect([a.outcome, b.outcome]).toEqual(['recorded', 'already_recorded']);
    expect((await stripe.invoices.retrieve(c.invoiceId)).amount_paid).toBe(3_000);
    expect((await mirrored(c.invoiceId)).payments).toHaveLength(1);
    expect((await stripe.paymentRecords.list({ limit: 100 })).data.filter((r) => r.metadata.operator_attempt === attempt)).toHaveLength(1);
    expect(await testDb().select().from(auditLog).where(eq(auditLog.action, 'invoice.payment_recorded'))).toHaveLength(1);
  });

  it('refuses more than remaining, zero, negative, another currency, a future date, and paid, void or draft invoices — changing nothing', async () => {
    const c = await bankTransferCustomer();
    const recordsBefore = (await stripe.paymentRecords.list({ limit: 100 })).data.length;
    await expectRefused(recordOffStripePayment(payment(c.invoiceId, '12001')), 'moreThanRemaining');
    await expectRefused(recordOffStripePayment(payment(c.invoiceId, '0')), 'notPositive');
    await expectRefused(recordOffStripePayment(payment(c.invoiceId, '-5')), 'notPositive');
    await expectRefused(recordOffStripePayment(payment(c.invoiceId, '10.5')), 'badAmount');
    await expectRefused(recordOffStripePayment(payment(c.invoiceId, '100', { currency: 'usd' })), 'otherCurrency');
    await expectRefused(recordOffStripePayment({ ...payment(c.invoiceId, '100'), receivedOn: '2026-05-01' }), 'futureDate');
    await expectRefused(recordOffStripePayment({ ...payment(c.invoiceId, '100'), mode: 'paid_out_of_band' }), 'fullAmountOnly');

    const draft = await stripe.invoices.create({ customer: c.customerId, collection_method: 'send_invoice', days_until_due: 14, auto_advance: false });
    await stripe.invoiceItems.create({ customer: c.customerId, invoice: draft.id, amount: 1_000, currency: 'jpy' });
    const voidDraft = await stripe.invoices.create({ customer: c.customerId, collection_method: 'send_invoice', days_until_due: 14, auto_advance: false });
    await stripe.invoiceItems.create({ customer: c.customerId, invoice: voidDraft.id, amount: 2_000, currency: 'jpy' });
    const toVoid = await stripe.invoices.finalizeInvoice(voidDraft.id, { auto_advance: false });
    await stripe.invoices.voidInvoice(toVoid.id);
    await syncStripeCustomer(c.customerId, testDb());
    await expectRefused(recordOffStripePayment(payment(draft.id, '100')), 'notOpen');
    await expectRefused(recordOffStripePayment(payment(toVoid.id, '100')), 'notOpen');

    const unchanged = await stripe.invoices.retrieve(c.invoiceId);
    expect([unchanged.status, unchanged.amount_remaining]).toEqual(['open', 12_000]);
    expect((await stripe.paymentRecords.list({ limit: 100 })).data).toHaveLength(recordsBefore);
    expect(await testDb().select().from(auditLog).where(eq(auditLog.action, 'invoice.payment_recorded'))).toHaveLength(0);

    await recordOffStripePayment({ ...payment(c.invoiceId, '12000'), mode: 'paid_out_of_band' });
    expect((await stripe.invoices.retrieve(c.invoiceId)).status).toBe('paid');
    await expectRefused(recordOffStripePayment(payment(c.invoiceId, '100')), 'notOpen');
  });

  it('support operators and customers are refused by the action; nothing is recorded', async () => {
    const c = await bankTransferCustomer();
    const input = { invoiceId: c.invoiceId, amount: '1000', currency: 'jpy', method: 'cash' as const, receivedOn: '2026-04-10', reference: 'R1', attempt: randomUUID() };
    session.user = support;
    expect((await recordPaymentAction(input)).serverError?.code).toBe('forbidden');
    session.user = c.owner;
    expect((await recordPaymentAction(input)).serverError?.code).toBe('not_found');
    expect((await stripe.invoices.retrieve(c.invoiceId)).amount_paid).toBe(0);
    session.user = admin;
    const refused = await recordPaymentAction({ ...input, amount: '99999' });
    expect(refused.serverError?.code).toBe('invalid_input');
    expect(refused.serverError?.error).toBe('入金額（￥99,999）が請求書の残額（￥12,000）を超えています。');
  });

  it('offers today where the organization is as the date received: 00:37 on 8 December in Tokyo is the 8th, not UTC’s 7th', async () => {
    const c = await bankTransferCustomer();
    const found = (await getInvoiceForOperator({ invoiceId: c.invoiceId }))!;
    const at = new Date('2026-12-07T15:37:00Z');
    expect((await loadInvoiceAdjustmentsForOperator(found.invoice, found.lines, 'admin', 'Asia/Tokyo', at)).today).toBe('2026-12-08');
    expect((await loadInvoiceAdjustmentsForOperator(found.invoice, found.lines, 'admin', 'America/Los_Angeles', at)).today).toBe('2026-12-07');
  });

  it('a refusal names the invoice’s status in the operator’s language, not its code', async () => {
    const c = await bankTransferCustomer();
    await recordOffStripePayment({ ...payment(c.invoiceId, '12000'), mode: 'paid_out_of_band' });
    const refused = await recordPaymentAction({ invoiceId: c.invoiceId, amount: '100', currency: 'jpy', method: 'cash', receivedOn: '2026-04-10', reference: 'R2', attempt: randomUUID() });
    expect(refused.serverError?.error).toBe('入金を記録できるのは未払いの請求書のみです。この請求書は現在「支払済み」です。');
  });
});

describe('[admin] credit notes', () => {
  const note = (invoiceId: string, extra: Record<string, unknown>) => ({
    invoiceId,
    reason: 'order_change' as const,
    settlement: 'customer_balance' as const,
    attempt: randomUUID(),
    operatorUserId: admin.id,
    by: 'amount' as const,
    ...extra,
  });

  it('by line on an open invoice: the preview matches, the note lowers the amount due, a double submit issues one', async () => {
    const c = await bankTransferCustomer();
    const [line] = await stripe.invoices.listLineItems(c.invoiceId).then((l) => l.data);
    const input = note(c.invoiceId, { by: 'lines', lines: [{ lineId: line!.id, quantity: 1 }], memo: 'One seat removed' });
    const preview = await previewOperatorCreditNote(input);
    expect([preview.total, preview.type]).toEqual([4_000, 'pre_payment']);
    expect(await testDb().select().from(stripeCreditNotes)).toHaveLength(0);

    const issued = await issueOperatorCreditNote(input);
    const again = await issueOperatorCreditNote(input);
    expect([issued.outcome, again.outcome, again.creditNoteId]).toEqual(['issued', 'already_issued', issued.creditNoteId]);
    expect((await stripe.creditNotes.list({ invoice: c.invoiceId })).data).toHaveLength(1);
    const { invoice } = await mirrored(c.invoiceId);
    expect(invoice.amountRemaining).toBe(8_000);
    const [row] = await testDb().select().from(stripeCreditNotes);
    expect([row!.number, row!.total, row!.organizationId, row!.status]).toEqual([issued.number, 4_000, c.organizationId, 'issued']);
    const audit = await testDb().select().from(auditLog).where(eq(auditLog.action, 'credit_note.issued'));
    expect(audit).toHaveLength(1);
    expect((audit[0]!.data as { after: { amountRemaining: number } }).after.amountRemaining).toBe(8_000);

    await expectRefused(issueOperatorCreditNote(note(c.invoiceId, { by: 'lines', lines: [{ lineId: line!.id, quantity: 3 }] })), 'overCredit', 'backOffice.creditNotes.errors');
    await expectRefused(issueOperatorCreditNote(note(c.invoiceId, { amount: '8001' })), 'overCredit', 'backOffice.creditNotes.errors');
    await expectRefused(issueOperatorCreditNote(note(c.invoiceId, { amount: '0' })), 'notPositive', 'backOffice.creditNotes.errors');
    expect((await stripe.creditNotes.list({ invoice: c.invoiceId })).data).toHaveLength(1);
  });

  it('by amount on a paid invoice: to the balance, or refunded outside Stripe; a card refund needs a card payment', async () => {
    const c = await bankTransferCustomer();
    await recordOffStripePayment(payment(c.invoiceId, '12000'));
    await issueOperatorCreditNote(note(c.invoiceId, { amount: '2000' }));
    expect(((await stripe.customers.retrieve(c.customerId)) as Stripe.Customer).balance).toBe(-2_000);
    await issueOperatorCreditNote(note(c.invoiceId, { amount: '1000', settlement: 'refund_outside_stripe' }));
    await expectRefused(issueOperatorCreditNote(note(c.invoiceId, { amount: '1000', settlement: 'refund_to_card' })), 'noCardPayment', 'backOffice.creditNotes.errors');
    const rows = await testDb().select().from(stripeCreditNotes).where(eq(stripeCreditNotes.invoiceId, c.invoiceId));
    expect(rows.map((r) => [r.total, r.creditAmount, r.outOfBandAmount]).sort()).toEqual([
      [1_000, 0, 1_000],
      [2_000, 2_000, 0],
    ]);
  });

  it('by amount on a taxed invoice: one line at the invoice’s rate, so the 返品・値引明細書 states the tax it returns', async () => {
    const rate = await stripe.taxRates.create({ display_name: '消費税', percentage: 10, inclusive: true, country: 'JP' });
    const c = await bankTransferCustomer({ taxRateIds: [rate.id], locale: 'ja' });
    const input = note(c.invoiceId, { amount: '1100', reason: 'product_unsatisfactory' });
    const preview = await previewOperatorCreditNote(input);
    expect(preview).toMatchObject({ total: 1_100, taxes: [{ percentage: 10, inclusive: true, amount: 100 }] });
    // The typed amount is what the customer gets back; the rate is the invoice's, not one the browser names.
    await expectRefused(previewOperatorCreditNote({ ...input, taxRate: 'txr_someOtherRate' }), 'unknownTaxRate', 'backOffice.creditNotes.errors');

    const issued = await issueOperatorCreditNote(input);
    const created = await stripe.creditNotes.retrieve(issued.creditNoteId);
    expect(created.lines.data.map((l) => [l.type, l.description, l.amount, l.tax_rates.map((r) => r.id)])).toEqual([['custom_line_item', '値引き', 1_100, [rate.id]]]);
    expect(created.total_taxes?.map((t) => [t.amount, t.taxable_amount, t.tax_behavior])).toEqual([[100, 1_000, 'inclusive']]);
    expect([created.total, (await mirrored(c.invoiceId)).invoice.amountRemaining]).toEqual([1_100, 10_900]);
    const [audit] = await testDb().select().from(auditLog).where(eq(auditLog.action, 'credit_note.issued'));
    expect(audit!.data).toMatchObject({ total: 1_100, by: 'amount', taxes: [{ rate: rate.id, inclusive: true, amount: 100 }] });

    session.user = c.owner;
    const response = await getCreditNotePdf(new Request('http://localhost/x'), {
      params: Promise.resolve({ orgId: c.organizationId, invoiceId: c.invoiceId, creditNoteId: issued.creditNoteId }),
    });
    const text = pdfText(Buffer.from(await response.arrayBuffer()));
    expect(text).toContain('値引き');
    expect(text).toMatch(/10%対象（税抜）\s+￥1,000/);
    expect(text).toMatch(/消費税（10%）\s+￥100/);
  });

  it('by amount on an invoice taxed at two rates: the operator picks the rate; none is refused and changes nothing', async () => {
    const reduced = await stripe.taxRates.create({ display_name: '消費税', percentage: 8, inclusive: false, country: 'JP' });
    const standard = await stripe.taxRates.create({ display_name: '消費税', percentage: 10, inclusive: false, country: 'JP' });
    const c = await bankTransferCustomer();
    const draft = await stripe.invoices.create({ customer: c.customerId, collection_method: 'send_invoice', days_until_due: 14, auto_advance: false });
    await stripe.invoiceItems.create({ customer: c.customerId, invoice: draft.id, amount: 3_000, currency: 'jpy', description: 'Lunch boxes', tax_rates: [reduced.id] });
    await stripe.invoiceItems.create({ customer: c.customerId, invoice: draft.id, amount: 5_000, currency: 'jpy', description: 'Delivery', tax_rates: [standard.id] });
    await stripe.invoices.finalizeInvoice(draft.id, { auto_advance: false });
    await syncStripeCustomer(c.customerId, testDb());
    expect((await mirrored(draft.id)).invoice.taxes.map((t) => t.percentage)).toEqual([8, 10]);

    await expectRefused(issueOperatorCreditNote(note(draft.id, { amount: '1000' })), 'chooseTaxRate', 'backOffice.creditNotes.errors');
    expect((await stripe.creditNotes.list({ invoice: draft.id })).data).toHaveLength(0);

    const issued = await issueOperatorCreditNote(note(draft.id, { amount: '1000', taxRate: reduced.id }));
    const created = await stripe.creditNotes.retrieve(issued.creditNoteId);
    // An exclusive rate: the amount typed is before tax, and the tax comes on top, as it did on the invoice.
    expect(created.lines.data.map((l) => [l.description, l.amount, l.tax_rates.map((r) => r.id)])).toEqual([['Credit', 1_000, [reduced.id]]]);
    expect([created.total, created.total_taxes?.map((t) => t.amount)]).toEqual([1_080, [80]]);
    expect((await mirrored(draft.id)).invoice.amountRemaining).toBe(8_740 - 1_080);
  });

  it('refunds a card payment through Stripe', async () => {
    const c = await bankTransferCustomer();
    await stripe.paymentMethods.attach('pm_card_visa', { customer: c.customerId });
    const pms = await stripe.paymentMethods.list({ customer: c.customerId });
    const draft = await stripe.invoices.create({ customer: c.customerId, collection_method: 'charge_automatically', auto_advance: false });
    await stripe.invoiceItems.create({ customer: c.customerId, invoice: draft.id, amount: 5_000, currency: 'jpy', description: 'Exam course' });
    await stripe.invoices.finalizeInvoice(draft.id, { auto_advance: false });
    await stripe.invoices.pay(draft.id, { payment_method: pms.data[0]!.id });
    await syncStripeCustomer(c.customerId, testDb());

    const issued = await issueOperatorCreditNote(note(draft.id, { amount: '5000', settlement: 'refund_to_card', reason: 'product_unsatisfactory' }));
    const created = await stripe.creditNotes.retrieve(issued.creditNoteId);
    const refund = await stripe.refunds.retrieve(created.refunds[0]!.refund as string);
    const charge = await stripe.charges.retrieve(refund.charge as string);
    expect([refund.amount, charge.refunded]).toEqual([5_000, true]);
    const [row] = await testDb().select().from(stripeCreditNotes).where(eq(stripeCreditNotes.id, issued.creditNoteId));
    expect(row!.refundAmount).toBe(5_000);
  });

  it('support operators are refused; a customer downloads only their own credit note: Seikyu’s document and Stripe’s original', async () => {
    const c = await bankTransferCustomer();
    const other = await bankTransferCustomer();
    session.user = support;
    const input = { invoiceId: c.invoiceId, by: 'amount' as const, amount: '1000', reason: 'duplicate' as const, settlement: 'customer_balance' as const, attempt: randomUUID() };
    expect((await issueCreditNoteAction(input)).serverError?.code).toBe('forbidden');
    session.user = admin;
    const issued = (await issueCreditNoteAction(input)).data!;

    const params = (orgId: string, invoiceId: string, creditNoteId: string) => ({ params: Promise.resolve({ orgId, invoiceId, creditNoteId }) });
    const pdf = (orgId: string, invoiceId: string, creditNoteId: string) => getCreditNotePdf(new Request('http://localhost/x'), params(orgId, invoiceId, creditNoteId));
    const stripePdf = (orgId: string, invoiceId: string, creditNoteId: string) =>
      getCreditNoteStripePdf(new Request('http://localhost/x'), params(orgId, invoiceId, creditNoteId));
    session.user = c.owner;
    const ok = await pdf(c.organizationId, c.invoiceId, issued.creditNoteId);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/pdf');
    // Seikyu's own document, drawn from the mirror: the note, the invoice it credits, the reason.
    const [note] = await testDb().select().from(stripeCreditNotes).where(eq(stripeCreditNotes.id, issued.creditNoteId));
    const text = pdfText(Buffer.from(await ok.arrayBuffer()));
    expect(text).toContain(note!.number);
    expect(text).toMatch(/Amount credited ¥1,000/);
    expect(text).toMatch(/Reason: Duplicate charge/);
    expect(ok.headers.get('content-disposition')).toContain(`CreditNote-${note!.number.replace(/[^A-Za-z0-9_-]/g, '_')}.pdf`);
    const original = await stripePdf(c.organizationId, c.invoiceId, issued.creditNoteId);
    expect([original.status, original.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(original.headers.get('content-disposition')).toContain(`CreditNote-${note!.number.replace(/[^A-Za-z0-9_-]/g, '_')}-stripe.pdf`);
    for (const get of [pdf, stripePdf]) {
      expect((await get(c.organizationId, other.invoiceId, issued.creditNoteId)).status).toBe(404);
      session.user = other.owner;
      expect((await get(c.organizationId, c.invoiceId, issued.creditNoteId)).status).toBe(404);
      expect((await get(other.organizationId, other.invoiceId, issued.creditNoteId)).status).toBe(404);
      session.user = c.owner;
    }
  });
});
