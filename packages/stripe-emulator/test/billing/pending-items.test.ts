// Issue 7 §2: a one-off invoice created with pending_invoice_items_behavior=include pulls in the customer's
// pending invoice items, subscription prorations included; and a customer expands its subscriptions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers.js';
import { createPlan, customerWithCard } from './setup.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

describe('POST /v1/invoices with pending_invoice_items_behavior=include', () => {
  it('pulls in pending invoice items and pending prorations; exclude leaves them pending', async () => {
    const { stripe } = emu;
    const basic = await createPlan(stripe, { amount: 1000, name: 'Basic' });
    const pro = await createPlan(stripe, { amount: 3000, name: 'Pro' });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa');
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: basic.id }] });
    await stripe.subscriptions.update(sub.id, {
      items: [{ id: sub.items.data[0].id, price: pro.id }],
      proration_behavior: 'create_prorations',
    });
    const prorations = (await stripe.invoiceItems.list({ customer: customer.id, pending: true })).data;
    expect(prorations.length).toBeGreaterThan(0);
    const oneOff = await stripe.invoiceItems.create({ customer: customer.id, amount: 500, currency: 'usd', description: 'Setup fee' });

    const excluded = await stripe.invoices.create({ customer: customer.id, pending_invoice_items_behavior: 'exclude' });
    expect(excluded.lines.data).toEqual([]);

    const invoice = await stripe.invoices.create({ customer: customer.id, pending_invoice_items_behavior: 'include' });
    const pulled = invoice.lines.data.map((l) => l.parent?.invoice_item_details?.invoice_item ?? l.parent?.subscription_item_details?.invoice_item);
    expect(pulled).toEqual(expect.arrayContaining([oneOff.id, ...prorations.map((ii) => ii.id)]));
    expect(invoice.lines.data.some((l) => l.parent?.invoice_item_details?.proration === true || l.parent?.subscription_item_details?.proration === true)).toBe(true);
    const expected = prorations.reduce((sum, ii) => sum + ii.amount, 0) + 500;
    expect(invoice.subtotal).toBe(expected);
    expect((await stripe.invoiceItems.list({ customer: customer.id, pending: true })).data).toEqual([]);
  });
});

describe('GET /v1/customers/:id?expand[]=subscriptions', () => {
  it('returns the customer with its subscriptions as a list', async () => {
    const { stripe } = emu;
    const price = await createPlan(stripe, { amount: 1200 });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa');
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    const expanded = await stripe.customers.retrieve(customer.id, { expand: ['subscriptions'] });
    if (expanded.deleted) throw new Error('unexpected deleted customer');
    expect(expanded.subscriptions).toMatchObject({ object: 'list', url: `/v1/customers/${customer.id}/subscriptions`, has_more: false });
    expect(expanded.subscriptions?.data.map((s) => s.id)).toEqual([sub.id]);
    const plain = await stripe.customers.retrieve(customer.id);
    if (plain.deleted) throw new Error('unexpected deleted customer');
    expect(plain.subscriptions).toBeUndefined();
  });
});
