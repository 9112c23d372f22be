// Scenario: a quote's PDF through `stripe.quotes.pdf()` (which the SDK sends to the client's host, the emulator),
// and expiry — a quote on a test-clock customer is canceled when the clock passes `expires_at`, one on wall time
// when the time comes — after which it cannot be accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import { rawRequest, startTestEmulator, stripeError, type TestEmulator } from '../helpers.js';
import { extractPdfText } from '../../src/pdf/pdf-text.js';
import { DAY, advanceClock, createPlan, eventTypesFor } from './setup.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

async function readStream(stream: Stripe.StripeStreamResponse): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

describe('quotes: PDF and expiry', () => {
  it('serves the PDF of a finalized quote to the SDK (number, lines, tax, validity) and refuses a draft', async () => {
    const { stripe } = emu;
    const plan = await createPlan(stripe, { amount: 12_000, currency: 'jpy', name: 'Scheduling Pro' });
    const jct = await stripe.taxRates.create({ display_name: 'JCT', percentage: 10, inclusive: false });
    const customer = await stripe.customers.create({ name: 'Acme KK', email: 'ap@acme.test' });
    const draft = await stripe.quotes.create({
      customer: customer.id,
      line_items: [{ price: plan.id, quantity: 2 }],
      default_tax_rates: [jct.id],
      header: 'Quotation for Acme',
      footer: 'Prices exclude shipping',
    });
    const refused = await stripeError(stripe.quotes.pdf(draft.id));
    expect(refused.statusCode).toBe(400);
    const quote = await stripe.quotes.finalizeQuote(draft.id);
    const pdf = await readStream(await stripe.quotes.pdf(quote.id));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = extractPdfText(pdf);
    for (const expected of [quote.number ?? 'missing', 'Scheduling Pro', 'Quotation for Acme', 'Prices exclude shipping', 'JCT (10%)', '26,400', 'Valid until']) {
      expect(text).toContain(expected);
    }
    // Like every API call, the PDF needs a secret key.
    const anonymous = await rawRequest(emu.url, 'GET', `/v1/quotes/${quote.id}/pdf`, { key: null });
    expect(anonymous.status).toBe(401);
    const missing = await stripeError(stripe.quotes.pdf('qt_missing'));
    expect(missing.statusCode).toBe(404);
  });

  it('cancels an open quote of a test-clock customer when the clock passes expires_at; accepting it is then refused', async () => {
    const { stripe } = emu;
    const start = Math.floor(Date.UTC(2026, 0, 10) / 1000);
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: start });
    const plan = await createPlan(stripe, { amount: 5_000, currency: 'jpy' });
    const customer = await stripe.customers.create({ email: 'clock@acme.test', test_clock: clock.id });
    const draft = await stripe.quotes.create({ customer: customer.id, line_items: [{ price: plan.id }] });
    expect(draft.test_clock).toBe(clock.id);
    expect(draft.created).toBe(start);
    const quote = await stripe.quotes.finalizeQuote(draft.id, { expires_at: start + 7 * DAY });
    const untouched = await stripe.quotes.create({ customer: customer.id, line_items: [{ price: plan.id }], expires_at: start + 20 * DAY });

    await advanceClock(stripe, clock.id, start + 6 * DAY);
    expect((await stripe.quotes.retrieve(quote.id)).status).toBe('open');
    await advanceClock(stripe, clock.id, start + 8 * DAY);
    const expired = await stripe.quotes.retrieve(quote.id);
    expect(expired.status).toBe('canceled');
    expect(expired.status_transitions.canceled_at).toBe(start + 7 * DAY);
    expect((await stripe.quotes.retrieve(untouched.id)).status).toBe('draft');
    expect(await eventTypesFor(stripe, quote.id, 'quote.')).toEqual(['quote.created', 'quote.finalized', 'quote.canceled']);
    const refused = await stripeError(stripe.quotes.accept(quote.id));
    expect(refused.statusCode).toBe(400);
    expect(refused.message).toMatch(/canceled/);
    expect((await stripe.subscriptions.list({ customer: customer.id, status: 'all' })).data).toEqual([]);
  });

  it('expires a wall-clock quote when its time comes', async () => {
    const { stripe } = emu;
    const plan = await createPlan(stripe, { amount: 5_000, currency: 'jpy' });
    const customer = await stripe.customers.create({ email: 'wall@acme.test' });
    const expiresAt = Math.floor(Date.now() / 1000) + 2;
    const quote = await stripe.quotes.finalizeQuote(
      (await stripe.quotes.create({ customer: customer.id, line_items: [{ price: plan.id }] })).id,
      { expires_at: expiresAt },
    );
    expect(quote.status).toBe('open');
    await new Promise((r) => setTimeout(r, 3_500));
    const after = await stripe.quotes.retrieve(quote.id);
    expect(after.status).toBe('canceled');
    expect(after.status_transitions.canceled_at).toBe(expiresAt);
    expect((await stripeError(stripe.quotes.accept(quote.id))).statusCode).toBe(400);
  });
});
