// A request answered with an error has changed nothing: no object left behind, no event, no webhook — for
// `expand[]` failures too, which the server applies after the handler ran (see FRAMEWORK.md, "Atomic requests").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startTestEmulator, startWebhookReceiver, flushWebhooks, type TestEmulator, type WebhookReceiver } from './helpers.js';
import { createPlan, customerWithCard } from './billing/setup.js';

let emu: TestEmulator;
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  emu = await startTestEmulator({ webhookUrl: receiver.url });
});
afterAll(async () => {
  await emu.close();
  await receiver.close();
});

async function post(path: string, body: string) {
  return rawRequest(emu.url, 'POST', path, { body });
}

async function eventCount(): Promise<number> {
  const events = await emu.stripe.events.list({ limit: 100 });
  return events.data.length;
}

describe('a request answered with an error changes nothing', () => {
  it('POST /v1/payment_intents confirm=true expand[]=invoice: 400, no PaymentIntent, no charge, no event, no webhook', async () => {
    const { customer } = await customerWithCard(emu.stripe, 'pm_card_visa');
    await flushWebhooks(emu.url);
    const eventsBefore = await eventCount();
    const webhooksBefore = receiver.received.length;
    const res = await post(
      '/v1/payment_intents',
      `amount=2000&currency=usd&customer=${customer.id}&payment_method=pm_card_visa&confirm=true&expand[]=invoice`,
    );
    expect(res.status).toBe(400);
    expect((res.json as { error: { param: string } }).error.param).toBe('expand');
    expect((await emu.stripe.paymentIntents.list({ customer: customer.id })).data).toEqual([]);
    expect((await emu.stripe.charges.list({ customer: customer.id })).data).toEqual([]);
    expect(await eventCount()).toBe(eventsBefore);
    await flushWebhooks(emu.url);
    expect(receiver.received.length).toBe(webhooksBefore);
  });

  it('POST /v1/subscriptions expand[]=latest_invoice.payment_intent: 400, no subscription, no invoice', async () => {
    const price = await createPlan(emu.stripe, { amount: 1500 });
    const { customer } = await customerWithCard(emu.stripe, 'pm_card_visa');
    const eventsBefore = await eventCount();
    const res = await post(
      '/v1/subscriptions',
      `customer=${customer.id}&items[0][price]=${price.id}&payment_behavior=default_incomplete&expand[]=latest_invoice.payment_intent`,
    );
    expect(res.status).toBe(400);
    expect((res.json as { error: { param: string } }).error.param).toBe('expand');
    expect((await emu.stripe.subscriptions.list({ customer: customer.id, status: 'all' })).data).toEqual([]);
    expect((await emu.stripe.invoices.list({ customer: customer.id })).data).toEqual([]);
    expect((await emu.stripe.paymentIntents.list({ customer: customer.id })).data).toEqual([]);
    expect(await eventCount()).toBe(eventsBefore);
  });

  it('POST /v1/customers with a bad expand path: 400, no customer', async () => {
    const email = `atomic-${Date.now()}@example.com`;
    const res = await post('/v1/customers', `email=${encodeURIComponent(email)}&expand[]=no_such_field`);
    expect(res.status).toBe(400);
    expect((await emu.stripe.customers.list({ email })).data).toEqual([]);
  });

  it('every mutating route rolls back when its expand fails (generic: products, prices, coupons, invoice items)', async () => {
    const product = await emu.stripe.products.create({ name: 'Atomic' });
    const customer = await emu.stripe.customers.create({ email: 'generic@example.com' });
    const cases: Array<{ path: string; body: string; list: () => Promise<unknown[]> }> = [
      { path: '/v1/products', body: 'name=Ghost&expand[]=nope', list: async () => (await emu.stripe.products.list({ limit: 100 })).data.filter((p) => p.name === 'Ghost') },
      { path: '/v1/prices', body: `product=${product.id}&currency=usd&unit_amount=100&expand[]=customer`, list: async () => (await emu.stripe.prices.list({ product: product.id })).data },
      { path: '/v1/coupons', body: 'id=GHOST&percent_off=10&expand[]=nope', list: async () => (await emu.stripe.coupons.list({ limit: 100 })).data.filter((c) => c.id === 'GHOST') },
      { path: '/v1/invoiceitems', body: `customer=${customer.id}&amount=100&currency=usd&expand[]=nope`, list: async () => (await emu.stripe.invoiceItems.list({ customer: customer.id })).data },
    ];
    for (const c of cases) {
      const res = await post(c.path, c.body);
      expect(res.status, c.path).toBe(400);
      expect(await c.list(), c.path).toEqual([]);
    }
    // Updates too: the product keeps its name.
    const res = await post(`/v1/products/${product.id}`, 'name=Renamed&expand[]=nope');
    expect(res.status).toBe(400);
    expect((await emu.stripe.products.retrieve(product.id)).name).toBe('Atomic');
  });
});
