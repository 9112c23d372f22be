// Scenarios: invoices sent for bank transfer with a due date and marked paid outside Stripe; manual invoices
// from invoice items; JPY amounts; metered usage billed in arrears; the PDF and receipt the emulator serves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, stripeError, type TestEmulator } from '../helpers.js';
import { extractPdfText } from '../../src/pdf/pdf-text.js';
import { DAY, advanceClock, createPlan, customerWithCard, eventTypesFor } from './setup.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

const T0 = Date.parse('2026-04-01T00:00:00Z') / 1000;

describe('[admin] bank-transfer customers (send_invoice)', () => {
  it('opens the first invoice with a due date, reports it overdue, and takes an out-of-band payment', async () => {
    const { stripe } = emu;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const price = await createPlan(stripe, { amount: 12_000 });
    const { customer } = await customerWithCard(stripe, null, clock.id);
    await stripe.customers.update(customer.id, { invoice_settings: { footer: 'Bank transfer: Mizuho 1234567' } });
    const sub = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      collection_method: 'send_invoice',
      days_until_due: 30,
      expand: ['latest_invoice'],
    });
    expect(sub.status).toBe('active');
    const inv = sub.latest_invoice;
    if (!inv || typeof inv === 'string') throw new Error('expected invoice');
    expect(inv.status).toBe('open');
    expect(inv.collection_method).toBe('send_invoice');
    expect(inv.due_date).toBe(T0 + 30 * DAY);
    expect(inv.footer).toBe('Bank transfer: Mizuho 1234567');
    expect(inv.hosted_invoice_url).toContain(`/_emulator/invoices/${inv.id}/hosted`);

    await advanceClock(stripe, clock.id, T0 + 31 * DAY);
    expect(await eventTypesFor(stripe, inv.id, 'invoice.overdue')).toEqual(['invoice.overdue']);

    const paid = await stripe.invoices.pay(inv.id, { paid_out_of_band: true });
    expect(paid.status).toBe('paid');
    expect(paid.amount_paid).toBe(12_000);
    expect(paid.amount_remaining).toBe(0);
    expect(paid.status_transitions.paid_at).toBe(T0 + 31 * DAY);
    expect((await stripeError(stripe.invoices.pay(inv.id, { paid_out_of_band: true }))).statusCode).toBe(400);
    expect(await eventTypesFor(stripe, inv.id, 'invoice.paid')).toEqual(['invoice.paid']);
  });

  it("takes a new invoice's footer from the customer's invoice_settings.footer unless the invoice sets its own", async () => {
    // Stripe: customer.invoice_settings.footer is the "default footer to be displayed on invoices for this
    // customer"; a footer given on the invoice overrides it, and changing the default later leaves existing
    // invoices as they are.
    const { stripe } = emu;
    const { customer } = await customerWithCard(stripe, null);
    await stripe.customers.update(customer.id, { invoice_settings: { footer: 'Registered in England, company no. 01234567' } });
    await stripe.invoiceItems.create({ customer: customer.id, amount: 3_000, currency: 'usd', description: 'Setup' });
    const inherited = await stripe.invoices.create({
      customer: customer.id,
      collection_method: 'send_invoice',
      days_until_due: 7,
      pending_invoice_items_behavior: 'include',
    });
    expect(inherited.footer).toBe('Registered in England, company no. 01234567');
    const own = await stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 7, footer: 'Pay by 31 May' });
    expect(own.footer).toBe('Pay by 31 May');

    await stripe.customers.update(customer.id, { invoice_settings: { footer: '' } });
    expect((await stripe.invoices.retrieve(inherited.id)).footer).toBe('Registered in England, company no. 01234567');
    const plain = await stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 7 });
    expect(plain.footer).toBeNull();

    const finalized = await stripe.invoices.finalizeInvoice(inherited.id);
    const pdf = await fetch(finalized.invoice_pdf ?? '');
    expect(pdf.status).toBe(200);
    expect(extractPdfText(Buffer.from(await pdf.arrayBuffer()))).toContain('Registered in England, company no. 01234567');
  });

  it('builds a manual invoice from pending items, edits the draft, finalizes with a number, serves a real PDF', async () => {
    const { stripe } = emu;
    const { customer } = await customerWithCard(stripe, null);
    await stripe.invoiceItems.create({ customer: customer.id, amount: 45_000, currency: 'usd', description: 'Onboarding workshop' });
    await stripe.invoiceItems.create({ customer: customer.id, amount: 5_000, currency: 'usd', description: 'Travel' });
    const draft = await stripe.invoices.create({
      customer: customer.id,
      collection_method: 'send_invoice',
      days_until_due: 14,
      pending_invoice_items_behavior: 'include',
      footer: 'Bank transfer: First Bank, account 1234567',
    });
    expect(draft.status).toBe('draft');
    expect(draft.total).toBe(50_000);
    expect(draft.number).toBeNull();
    const extra = await stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, amount: 2_500, currency: 'usd', description: 'Materials' });
    expect((await stripe.invoices.retrieve(draft.id)).total).toBe(52_500);
    const updates = (await stripe.events.list({ type: 'invoice.updated', limit: 10 })).data.filter((e) => 'id' in e.data.object && e.data.object.id === draft.id);
    expect(updates[0]?.data.previous_attributes).toMatchObject({ total: 50_000 });
    await stripe.invoiceItems.del(extra.id);
    const edited = await stripe.invoices.update(draft.id, { description: 'Thanks for your business', custom_fields: [{ name: 'PO', value: 'PO-77' }] });
    expect(edited.total).toBe(50_000);

    const open = await stripe.invoices.finalizeInvoice(draft.id);
    expect(open.status).toBe('open');
    expect(open.number).toMatch(/^[A-Z0-9]{8}-0001$/);
    expect(open.due_date).toBe((open.status_transitions.finalized_at ?? 0) + 14 * DAY);
    expect((await stripeError(stripe.invoices.update(open.id, { collection_method: 'charge_automatically' }))).statusCode).toBe(400);
    expect((await stripeError(stripe.invoices.del(open.id))).statusCode).toBe(400);

    const lines = await stripe.invoices.listLineItems(open.id, { limit: 1 });
    expect(lines.data[0].description).toBe('Onboarding workshop');
    expect(lines.has_more).toBe(true);

    const res = await fetch(open.invoice_pdf ?? '');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = extractPdfText(bytes);
    expect(text).toContain(open.number ?? 'missing');
    expect(text).toContain('$500.00');
    expect(text).toContain('Onboarding workshop');
    expect(text).toContain('Bank transfer: First Bank, account 1234567');

    const hosted = await fetch(open.hosted_invoice_url ?? '');
    expect(hosted.status).toBe(200);
    const page = await hosted.text();
    expect(page).toContain(open.number ?? 'missing');
    expect(page).toContain('$500.00');

    // No receipt until it is paid; then a receipt PDF.
    expect((await fetch(`${emu.url}/_emulator/receipts/${open.id}`)).status).toBe(404);
    await stripe.invoices.pay(open.id, { paid_out_of_band: true });
    const receipt = Buffer.from(await (await fetch(`${emu.url}/_emulator/receipts/${open.id}`)).arrayBuffer());
    expect(extractPdfText(receipt)).toContain('Receipt');
    expect(extractPdfText(receipt)).toContain('Paid outside Stripe');

    const voidable = await stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 1 });
    await stripe.invoiceItems.create({ customer: customer.id, invoice: voidable.id, amount: 100, currency: 'usd' });
    await stripe.invoices.finalizeInvoice(voidable.id);
    expect((await stripe.invoices.voidInvoice(voidable.id)).status).toBe('void');
    expect((await stripe.invoices.list({ customer: customer.id, status: 'void' })).data.map((i) => i.id)).toEqual([voidable.id]);
  });
});

describe('[customer] pays in yen', () => {
  it('bills JPY in whole yen and prorates to whole yen', async () => {
    const { stripe } = emu;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const starter = await createPlan(stripe, { amount: 1_000, currency: 'jpy', name: 'Starter' });
    const team = await createPlan(stripe, { amount: 3_333, currency: 'jpy', name: 'Team' });
    const { customer } = await customerWithCard(stripe, 'pm_card_jp', clock.id);
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: starter.id }], expand: ['latest_invoice'] });
    const inv = sub.latest_invoice;
    if (!inv || typeof inv === 'string') throw new Error('expected invoice');
    expect(inv.currency).toBe('jpy');
    expect(inv.amount_paid).toBe(1_000);
    expect(inv.lines.data[0].description).toBe('1 × Starter (at ¥1,000 / month)');
    const item = sub.items.data[0];
    const at = T0 + 7 * DAY + 1234;
    await advanceClock(stripe, clock.id, at);
    await stripe.subscriptions.update(sub.id, { items: [{ id: item.id, price: team.id }], proration_date: at });
    const pending = await stripe.invoiceItems.list({ customer: customer.id, pending: true });
    const len = item.current_period_end - item.current_period_start;
    const left = item.current_period_end - at;
    expect(pending.data.map((i) => i.amount).sort((a, b) => a - b)).toEqual([-Math.round((1000 * left) / len), Math.round((3333 * left) / len)]);
    expect(pending.data.every((i) => Number.isInteger(i.amount) && i.currency === 'jpy')).toBe(true);
    // A JPY customer cannot start a USD subscription.
    const usd = await createPlan(stripe, { amount: 500 });
    expect((await stripeError(stripe.subscriptions.create({ customer: customer.id, items: [{ price: usd.id }] }))).statusCode).toBe(400);
  });
});

describe('[customer] on-demand plan billed from meter events in arrears', () => {
  it('sums the period usage into the renewal invoice and dedupes identifiers', async () => {
    const { stripe } = emu;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const eventName = `device_hours_${Date.now()}`;
    const meter = await stripe.billing.meters.create({
      display_name: 'Device hours',
      event_name: eventName,
      default_aggregation: { formula: 'sum' },
      customer_mapping: { event_payload_key: 'stripe_customer_id', type: 'by_id' },
      value_settings: { event_payload_key: 'value' },
    });
    const product = await stripe.products.create({ name: 'Device hours' });
    const price = await stripe.prices.create({
      product: product.id,
      currency: 'usd',
      unit_amount: 25,
      recurring: { interval: 'month', usage_type: 'metered', meter: meter.id },
    });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa', clock.id);
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], expand: ['latest_invoice'] });
    const first = sub.latest_invoice;
    if (!first || typeof first === 'string') throw new Error('expected invoice');
    expect(first.amount_due).toBe(0);
    expect(sub.items.data[0].quantity).toBeUndefined();

    await advanceClock(stripe, clock.id, T0 + 2 * DAY);
    await stripe.billing.meterEvents.create({ event_name: eventName, payload: { stripe_customer_id: customer.id, value: '5' }, identifier: 'run-1', timestamp: T0 + DAY });
    await stripe.billing.meterEvents.create({ event_name: eventName, payload: { stripe_customer_id: customer.id, value: '7' }, identifier: 'run-2' });
    const dup = await stripeError(
      stripe.billing.meterEvents.create({ event_name: eventName, payload: { stripe_customer_id: customer.id, value: '7' }, identifier: 'run-2' }),
    );
    expect(dup.statusCode).toBe(400);

    const summaries = await stripe.billing.meters.listEventSummaries(meter.id, {
      customer: customer.id,
      start_time: T0,
      end_time: T0 + 3 * DAY,
      value_grouping_window: 'day',
    });
    expect(summaries.data.map((s) => s.aggregated_value)).toEqual([0, 5, 7]);

    const periodEnd = sub.items.data[0].current_period_end;
    await advanceClock(stripe, clock.id, periodEnd + 2 * 3600);
    const [renewal] = (await stripe.invoices.list({ subscription: sub.id, limit: 1 })).data;
    expect(renewal.billing_reason).toBe('subscription_cycle');
    const usage = renewal.lines.data[0];
    expect(usage.quantity).toBe(12);
    expect(usage.amount).toBe(300);
    expect(usage.period).toEqual({ start: T0, end: periodEnd });
    expect(renewal.status).toBe('paid');
  });
});
