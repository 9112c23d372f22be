// Connect end to end against the database and the Stripe emulator: split rules that pay out more than the sale
// and payees in another currency's region are refused with nothing changed; a sale's transfer to a payee who has
// not finished onboarding waits and goes out (release job) once the account's v2 thin events say it is enabled; a
// replayed invoice.paid, or a crash between the transfer and its row update, pays nobody twice; a refund
// reverses both doctors' transfers in proportion.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { auditLog, connectSales, connectTransfers, operators, organizations, splitRules, users } from '@/db/schema';
import type { User } from '@/db/queries/users';
import { createOrganization } from '@/lib/organizations/create-organization';
import { AppError } from '@/lib/errors';
import { closeTestDb, resetDatabase, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';

vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const { seedCatalog } = await import('@/lib/demo/seed-catalog');
const { syncStripeCatalog } = await import('@/lib/stripe-sync');
const { addPayee } = await import('./add-payee');
const { saveSplitRule } = await import('./split-rules');
const { recordSale } = await import('./record-sale');
const { createPayeeOnboardingLink } = await import('./onboarding-link');
const { JOB_DEFINITIONS } = await import('@/lib/jobs/definitions');
const { deliver, deliverThin, thinNotificationsFor } = await import('@/lib/webhooks/test-delivery');
const { replayStripeEvent } = await import('@/lib/webhooks/replay');
const { settleSaleForInvoice } = await import('./settle-sale');
const { LOOKUP_KEYS } = await import('@/lib/demo/catalog');
const { listSalesLedgerForOperator, listTransfersForPayee } = await import('@/db/queries/connect-sales');

let stripe: Stripe;
let admin: User;
let diagnosisPriceId: string;

beforeAll(async () => {
  stripe = testStripe();
  await seedCatalog(stripe);
}, 60_000);

beforeEach(async () => {
  await resetDatabase();
  await syncStripeCatalog(undefined, { stripe });
  const [a] = await testDb().insert(users).values({ email: `admin-${uniqueSuffix()}@example.com` }).returning();
  admin = a as User;
  await testDb().insert(operators).values({ userId: admin.id, role: 'admin' });
  const prices = await stripe.prices.list({ lookup_keys: [LOOKUP_KEYS.remoteDiagnosis] });
  diagnosisPriceId = prices.data[0]!.id;
});
afterAll(closeTestDb);

/** A facility (organization) paying in yen with a saved card. */
async function facility(): Promise<{ organizationId: string; customerId: string }> {
  const [owner] = await testDb().insert(users).values({ email: `owner-${uniqueSuffix()}@example.com` }).returning();
  const organization = await createOrganization({ user: owner!, name: `Facility ${uniqueSuffix()}`, currency: 'jpy', locale: 'en' });
  const [row] = await testDb().select().from(organizations).where(eq(organizations.id, organization.id));
  const customerId = row!.stripeCustomerId!;
  const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: customerId });
  await stripe.customers.update(customerId, { invoice_settings: { default_payment_method: card.id } });
  return { organizationId: organization.id, customerId };
}

async function doctor(name: string, role: 'reading_doctor' | 'second_reader', country: 'JP' | 'US' = 'JP') {
  return addPayee({ name, email: `${name.toLowerCase().replace(/\W+/g, '-')}-${uniqueSuffix()}@example.com`, role, country, operatorUserId: admin.id }, stripe);
}

/**
 * Completes the emulator's hosted onboarding page as the payee would, and hands the account's v2 thin events
 * (capability status, requirements, account updated) to the thin-event route, as the event destination would.
 */
async function onboard(payee: { id: string; stripeAccountId: string; accountApi: 'v1' | 'v2' }): Promise<void> {
  expect(payee.accountApi).toBe('v2');
  const before = await thinNotificationsFor(stripe, payee.stripeAccountId);
  const url = await createPayeeOnboardingLink({ payee, refreshPath: '/payee/onboarding', returnPath: '/payee/onboarding/return' }, stripe);
  const response = await fetch(url, {
    method: 'POST',
    body: new URLSearchParams({ business_name: 'Dr. Test', business_type: 'individual', product_description: 'Remote radiology', tos_acceptance: 'accepted' }),
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
  const notifications = await thinNotificationsFor(stripe, payee.stripeAccountId, before.at(-1)?.id as string | undefined);
  expect(notifications.map((n) => n.type)).toContain('v2.core.account[configuration.recipient].capability_status_updated');
  for (const notification of notifications) {
    const delivery = await deliverThin(notification, { stripe });
    expect(delivery.response.status).toBe(200);
    for (const task of delivery.scheduled) await task();
  }
}

async function splitDiagnosis(): Promise<void> {
  await saveSplitRule({
    scope: 'price',
    targetId: diagnosisPriceId,
    shares: [
      { role: 'reading_doctor', kind: 'fixed', value: '1,000' },
      { role: 'second_reader', kind: 'fixed', value: '1000' },
    ],
    operatorUserId: admin.id,
  });
}

/** A ¥3,000 diagnosis read by `reader` and `second`, charged at once to the facility's saved card. */
async function diagnosisSale(organizationId: string, reader: { id: string }, second: { id: string }) {
  return recordSale(
    {
      organizationId,
      priceId: diagnosisPriceId,
      payees: [
        { role: 'reading_doctor', payeeId: reader.id },
        { role: 'second_reader', payeeId: second.id },
      ],
      chargeSavedCard: true,
      attempt: crypto.randomUUID(),
      operatorUserId: admin.id,
    },
    stripe,
  );
}

async function transferRows(saleId: string) {
  return testDb().select().from(connectTransfers).where(eq(connectTransfers.saleId, saleId)).orderBy(connectTransfers.role);
}

describe('refusals', () => {
  it('refuses a split rule that pays out more than the price, and saves nothing', async () => {
    const attempt = saveSplitRule({
      scope: 'price',
      targetId: diagnosisPriceId,
      shares: [
        { role: 'reading_doctor', kind: 'fixed', value: '2000' },
        { role: 'second_reader', kind: 'percent', value: '40' },
      ],
      operatorUserId: admin.id,
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'invalid_input',
      reason: 'split_exceeds_sale',
      userMessageKey: { key: 'connect.errors.split_exceeds_price', amounts: { paidOut: { amount: 3200, currency: 'jpy' }, price: { amount: 3000, currency: 'jpy' } } },
    });
    expect(await testDb().select().from(splitRules)).toEqual([]);
    expect(await testDb().select().from(auditLog).where(eq(auditLog.action, 'split_rule.saved'))).toEqual([]);
    await expect(
      saveSplitRule({ scope: 'price', targetId: diagnosisPriceId, shares: [{ role: 'reading_doctor', kind: 'percent', value: '100.01' }], operatorUserId: admin.id }),
    ).rejects.toBeInstanceOf(AppError);
  });

  it('refuses a payee whose region pays in another currency, before anything is billed', async () => {
    const { organizationId, customerId } = await facility();
    await splitDiagnosis();
    const tanaka = await doctor('Tanaka', 'reading_doctor');
    const smith = await doctor('Smith', 'second_reader', 'US');
    expect(smith.currency).toBe('usd');
    const attempt = diagnosisSale(organizationId, tanaka, smith);
    await expect(attempt).rejects.toMatchObject({ reason: 'payee_currency', userMessageKey: { values: { name: 'Smith', payeeCurrency: 'USD', currency: 'JPY' } } });
    expect(await testDb().select().from(connectSales)).toEqual([]);
    const invoices = (await stripe.invoices.list({ customer: customerId })).data;
    expect(invoices.filter((i) => i.metadata?.seikyu_sale_id)).toEqual([]);
  });
});

describe('a diagnosis sale split between two doctors', () => {
  it('waits for onboarding, then transfers; a replay or a crash pays nobody twice; a refund reverses both', async () => {
    const { organizationId } = await facility();
    await splitDiagnosis();
    const sato = await doctor('Sato', 'reading_doctor');
    const suzuki = await doctor('Suzuki', 'second_reader');
    expect(sato.status).toBe('onboarding');
    await onboard(sato);

    const sale = await diagnosisSale(organizationId, sato, suzuki);
    expect(sale.status).toBe('paid');
    expect(sale.chargeId).toMatch(/^ch_/);
    const invoice = await stripe.invoices.retrieve(sale.invoiceId!);
    expect(invoice.status).toBe('paid');
    expect(invoice.total).toBe(3000);

    // Sato (enabled) is paid at once; Suzuki (still onboarding) waits.
    let rows = await transferRows(sale.id);
    expect(rows.map((r) => [r.role, r.amount, r.status])).toEqual([
      ['reading_doctor', 1000, 'sent'],
      ['second_reader', 1000, 'pending'],
    ]);
    let transfers = await stripe.transfers.list({ transfer_group: sale.transferGroup });
    expect(transfers.data.map((t) => [t.destination, t.amount, t.source_transaction])).toEqual([[sato.stripeAccountId, 1000, sale.chargeId]]);
    // Sato's own page names the service in Sato's language, from the catalogue (name_ja).
    for (const [locale, name] of [['ja', '遠隔読影'], ['en', 'Remote diagnosis']] as const) {
      expect((await listTransfersForPayee({ payeeId: sato.id, locale })).map((t) => [t.productName, t.amount])).toEqual([[name, 1000]]);
      // The operators' ledger names it as the sale form's list does, in the reader's language.
      expect((await listSalesLedgerForOperator({ locale })).find((s) => s.id === sale.id)?.productName).toBe(name);
    }
    // Without a locale (the CSV export), the name the sale recorded.
    expect((await listSalesLedgerForOperator({})).find((s) => s.id === sale.id)?.productName).toBe('Remote diagnosis');

    // Suzuki finishes onboarding: account.updated enables them; the release job sends the waiting transfer.
    await onboard(suzuki);
    await JOB_DEFINITIONS['connect.release-pending'].run({ payeeId: suzuki.id });
    rows = await transferRows(sale.id);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
    transfers = await stripe.transfers.list({ transfer_group: sale.transferGroup });
    expect(transfers.data.map((t) => t.amount).sort()).toEqual([1000, 1000]);
    expect(new Set(transfers.data.map((t) => t.source_transaction))).toEqual(new Set([sale.chargeId]));

    // invoice.paid delivered, then replayed by an operator: no second transfer.
    const paidEvent = (await stripe.events.list({ type: 'invoice.paid', limit: 50 })).data.find((e) => (e.data.object as Stripe.Invoice).id === sale.invoiceId)!;
    const delivery = await deliver(paidEvent, { stripe });
    for (const task of delivery.scheduled) await task();
    await replayStripeEvent({ eventId: paidEvent.id, actor: { type: 'operator', id: admin.id }, stripe });
    // A crash after Stripe created Suzuki's transfer but before the row said so: the same key finds the same transfer.
    const suzukiRow = rows.find((r) => r.payeeId === suzuki.id)!;
    await testDb().update(connectTransfers).set({ status: 'pending', stripeTransferId: null }).where(eq(connectTransfers.id, suzukiRow.id));
    await settleSaleForInvoice(sale.invoiceId!, { stripe });
    const after = await transferRows(sale.id);
    expect(after.find((r) => r.id === suzukiRow.id)!.stripeTransferId).toBe(suzukiRow.stripeTransferId);
    expect((await stripe.transfers.list({ transfer_group: sale.transferGroup })).data).toHaveLength(2);

    // Half the charge refunded: ¥500 back from each doctor; then the rest: each transfer reversed in full.
    const refundOf = async (amount: number, refundedSoFar: number) => {
      await stripe.refunds.create({ charge: sale.chargeId!, amount });
      const event = (await stripe.events.list({ type: 'charge.refunded', limit: 20 })).data.find(
        (e) => (e.data.object as Stripe.Charge).id === sale.chargeId && (e.data.object as Stripe.Charge).amount_refunded === refundedSoFar,
      )!;
      const refundDelivery = await deliver(event, { stripe });
      for (const task of refundDelivery.scheduled) await task();
    };
    await refundOf(1500, 1500);
    expect((await transferRows(sale.id)).map((r) => [r.reversedAmount, r.status])).toEqual([
      [500, 'sent'],
      [500, 'sent'],
    ]);
    await refundOf(1500, 3000);
    expect((await transferRows(sale.id)).map((r) => [r.reversedAmount, r.status])).toEqual([
      [1000, 'reversed'],
      [1000, 'reversed'],
    ]);
    for (const transfer of (await stripe.transfers.list({ transfer_group: sale.transferGroup })).data) {
      expect(transfer.amount_reversed).toBe(1000);
      expect(transfer.reversed).toBe(true);
    }
    const [saleRow] = await testDb().select().from(connectSales).where(eq(connectSales.id, sale.id));
    expect(saleRow!.status).toBe('refunded');
    const audit = await testDb().select().from(auditLog);
    // The crash recovery records the row's move again, naming the same Stripe transfer: two transfers in all.
    const sentIds = audit.filter((e) => e.action === 'connect_transfer.sent').map((e) => (e.data as { stripeTransferId: string }).stripeTransferId);
    expect(new Set(sentIds).size).toBe(2);
    expect(audit.filter((e) => e.action === 'connect_transfer.reversed')).toHaveLength(4);
  });
});

describe('a credit note on a split sale', () => {
  it('reverses the payees\' transfers in proportion, once however often its event arrives', async () => {
    const { organizationId } = await facility();
    await splitDiagnosis();
    const sato = await doctor('Sato', 'reading_doctor');
    const suzuki = await doctor('Suzuki', 'second_reader');
    await onboard(sato);
    await onboard(suzuki);
    const sale = await diagnosisSale(organizationId, sato, suzuki);
    expect((await transferRows(sale.id)).map((r) => r.status)).toEqual(['sent', 'sent']);

    // Half the invoice credited to the customer's balance (no refund): ¥500 back from each doctor.
    const note = await stripe.creditNotes.create({ invoice: sale.invoiceId!, amount: 1500, credit_amount: 1500 });
    const event = (await stripe.events.list({ type: 'credit_note.created', limit: 20 })).data.find((e) => (e.data.object as Stripe.CreditNote).id === note.id)!;
    const delivery = await deliver(event, { stripe });
    for (const task of delivery.scheduled) await task();
    await replayStripeEvent({ eventId: event.id, actor: { type: 'operator', id: admin.id }, stripe });
    expect((await transferRows(sale.id)).map((r) => [r.reversedAmount, r.status])).toEqual([
      [500, 'sent'],
      [500, 'sent'],
    ]);
    for (const transfer of (await stripe.transfers.list({ transfer_group: sale.transferGroup })).data) {
      expect(transfer.amount_reversed).toBe(500);
      expect(transfer.reversals.data).toHaveLength(1);
    }
  });
});

describe('a partial refund while a payee waits for onboarding', () => {
  it('sends the waiting transfer when the payee is enabled and reverses it at once to its share of the refund', async () => {
    const { organizationId } = await facility();
    await splitDiagnosis();
    const sato = await doctor('Sato', 'reading_doctor');
    const suzuki = await doctor('Suzuki', 'second_reader');
    await onboard(sato);
    const sale = await diagnosisSale(organizationId, sato, suzuki);

    // Half the charge refunded while Suzuki is still onboarding: Sato's transfer gives ¥500 back; Suzuki's waits.
    await stripe.refunds.create({ charge: sale.chargeId!, amount: 1500 });
    const refunded = (await stripe.events.list({ type: 'charge.refunded', limit: 20 })).data.find((e) => (e.data.object as Stripe.Charge).id === sale.chargeId)!;
    const delivery = await deliver(refunded, { stripe });
    for (const task of delivery.scheduled) await task();
    expect((await transferRows(sale.id)).map((r) => [r.role, r.status, r.reversedAmount])).toEqual([
      ['reading_doctor', 'sent', 500],
      ['second_reader', 'pending', 0],
    ]);

    // Suzuki is enabled: the release job pays the ¥1,000 and takes back ¥500 in the same run, so each doctor keeps
    // ¥500 of the ¥1,500 left; running it again changes nothing.
    await onboard(suzuki);
    await JOB_DEFINITIONS['connect.release-pending'].run({ payeeId: suzuki.id });
    await JOB_DEFINITIONS['connect.release-pending'].run({ payeeId: suzuki.id });
    expect((await transferRows(sale.id)).map((r) => [r.role, r.status, r.amount, r.reversedAmount])).toEqual([
      ['reading_doctor', 'sent', 1000, 500],
      ['second_reader', 'sent', 1000, 500],
    ]);
    const transfers = (await stripe.transfers.list({ transfer_group: sale.transferGroup })).data;
    expect(transfers.map((t) => [t.amount, t.amount_reversed, t.reversals.data.length])).toEqual([
      [1000, 500, 1],
      [1000, 500, 1],
    ]);
  });
});
