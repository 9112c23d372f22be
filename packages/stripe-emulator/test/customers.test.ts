import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, stripeError, type TestEmulator } from './helpers.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

describe('customers', () => {
  it('creates, retrieves, updates and deletes a customer', async () => {
    const { stripe } = emu;
    const created = await stripe.customers.create({
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      preferred_locales: ['ja', 'en'],
      address: { line1: '1-2-3 Shibuya', city: 'Tokyo', country: 'JP', postal_code: '150-0002' },
      metadata: { org: 'org_1', plan: 'free' },
      tax_exempt: 'none',
    });
    expect(created.id).toMatch(/^cus_[A-Za-z0-9]{24}$/);
    expect(created).toMatchObject({
      object: 'customer',
      livemode: false,
      email: 'ada@example.com',
      balance: 0,
      currency: null,
      test_clock: null,
      preferred_locales: ['ja', 'en'],
      address: { line1: '1-2-3 Shibuya', line2: null, city: 'Tokyo', country: 'JP', postal_code: '150-0002', state: null },
      invoice_settings: { default_payment_method: null },
    });
    expect(Math.abs(created.created - Date.now() / 1000)).toBeLessThan(5);

    const fetched = await stripe.customers.retrieve(created.id);
    expect(fetched).toEqual(created);

    const updated = await stripe.customers.update(created.id, { metadata: { plan: '', team: 'yes' }, phone: '+81 3 0000 0000' });
    expect(updated.metadata).toEqual({ org: 'org_1', team: 'yes' });
    expect(updated.phone).toBe('+81 3 0000 0000');

    const partial = await stripe.customers.update(created.id, { address: { line1: '4-5-6 Ebisu', line2: '', country: 'jp' } });
    expect(partial.address).toMatchObject({ line1: '4-5-6 Ebisu', line2: null, country: 'JP' });
    const badCountry = await stripeError(stripe.customers.update(created.id, { address: { country: 'Japan' } }));
    expect(badCountry.param).toBe('address[country]');

    const cleared = await stripe.customers.update(created.id, { metadata: '', address: '' });
    expect(cleared.metadata).toEqual({});
    expect(cleared.address).toBeNull();

    const deleted = await stripe.customers.del(created.id);
    expect(deleted).toEqual({ id: created.id, object: 'customer', deleted: true });
    const afterDelete = await stripe.customers.retrieve(created.id);
    expect(afterDelete.deleted).toBe(true);
    const err = await stripeError(stripe.customers.update(created.id, { name: 'x' }));
    expect(err.statusCode).toBe(404);
  });

  it('answers 404 resource_missing for an unknown customer', async () => {
    const err = await stripeError(emu.stripe.customers.retrieve('cus_doesnotexist'));
    expect(err.statusCode).toBe(404);
    expect(err.type).toBe('StripeInvalidRequestError');
    expect(err.code).toBe('resource_missing');
    expect(err.param).toBe('id');
    expect(err.message).toBe("No such customer: 'cus_doesnotexist'");
  });

  it('rejects unknown parameters by name, nested ones too, and changes nothing', async () => {
    const before = await emu.stripe.customers.list({ limit: 100 });
    const top = await stripeError(emu.stripe.customers.create({ email: 'x@example.com', foo: 'bar' } as never));
    expect(top.statusCode).toBe(400);
    expect(top.code).toBe('parameter_unknown');
    expect(top.param).toBe('foo');
    expect(top.message).toBe('Received unknown parameter: foo');
    const nested = await stripeError(emu.stripe.customers.create({ address: { line1: 'x', zip: '1' } } as never));
    expect(nested.param).toBe('address[zip]');
    expect(nested.message).toBe('Received unknown parameter: address[zip]');
    const after = await emu.stripe.customers.list({ limit: 100 });
    expect(after.data.length).toBe(before.data.length);
  });

  it('rejects a malformed integer, an invalid email and an invalid enum', async () => {
    const badInt = await stripeError(emu.stripe.customers.create({ balance: 'lots' as unknown as number }));
    expect(badInt.code).toBe('parameter_invalid_integer');
    expect(badInt.param).toBe('balance');
    const badEmail = await stripeError(emu.stripe.customers.create({ email: 'not-an-email' }));
    expect(badEmail.code).toBe('email_invalid');
    const badEnum = await stripeError(emu.stripe.customers.create({ tax_exempt: 'sometimes' }));
    expect(badEnum.param).toBe('tax_exempt');
    expect(badEnum.message).toMatch(/must be one of none, exempt, or reverse/);
  });

  it('lists newest first with has_more, starting_after, ending_before, email filter and auto-pagination', async () => {
    const fresh = await startTestEmulator();
    try {
      const ids: string[] = [];
      for (let i = 0; i < 25; i++) {
        const c = await fresh.stripe.customers.create({ email: i % 5 === 0 ? 'five@example.com' : `c${i}@example.com` });
        ids.push(c.id);
      }
      const newest = [...ids].reverse();
      const page1 = await fresh.stripe.customers.list({ limit: 10 });
      expect(page1.object).toBe('list');
      expect(page1.url).toBe('/v1/customers');
      expect(page1.has_more).toBe(true);
      expect(page1.data.map((c) => c.id)).toEqual(newest.slice(0, 10));
      const page2 = await fresh.stripe.customers.list({ limit: 10, starting_after: page1.data[9].id });
      expect(page2.data.map((c) => c.id)).toEqual(newest.slice(10, 20));
      const page3 = await fresh.stripe.customers.list({ limit: 10, starting_after: page2.data[9].id });
      expect(page3.data.map((c) => c.id)).toEqual(newest.slice(20));
      expect(page3.has_more).toBe(false);
      const back = await fresh.stripe.customers.list({ limit: 3, ending_before: page2.data[0].id });
      expect(back.data.map((c) => c.id)).toEqual(newest.slice(7, 10));
      expect(back.has_more).toBe(true);
      const defaultPage = await fresh.stripe.customers.list();
      expect(defaultPage.data).toHaveLength(10);

      const all: string[] = [];
      for await (const c of fresh.stripe.customers.list({ limit: 4 })) all.push(c.id);
      expect(all).toEqual(newest);

      const filtered = await fresh.stripe.customers.list({ email: 'five@example.com' });
      expect(filtered.data.map((c) => c.id)).toEqual(newest.filter((_, i) => (24 - i) % 5 === 0));

      const tooMany = await stripeError(fresh.stripe.customers.list({ limit: 101 }));
      expect(tooMany.param).toBe('limit');
    } finally {
      await fresh.close();
    }
  });

  it('creates, lists, expands and deletes tax ids, refusing malformed ones', async () => {
    const { stripe } = emu;
    const customer = await stripe.customers.create({ tax_id_data: [{ type: 'eu_vat', value: 'DE123456789' }] });
    const trn = await stripe.customers.createTaxId(customer.id, { type: 'jp_trn', value: 'T1234567890123' });
    expect(trn).toMatchObject({ object: 'tax_id', type: 'jp_trn', value: 'T1234567890123', country: 'JP', customer: customer.id });
    const list = await stripe.customers.listTaxIds(customer.id);
    expect(list.data.map((t) => t.type)).toEqual(['jp_trn', 'eu_vat']);
    expect(list.data[1].country).toBe('DE');
    const expanded = await stripe.customers.retrieve(customer.id, { expand: ['tax_ids'] });
    if (expanded.deleted) throw new Error('unexpected deleted customer');
    expect(expanded.tax_ids?.data).toHaveLength(2);
    const bad = await stripeError(stripe.customers.createTaxId(customer.id, { type: 'jp_trn', value: '1234' }));
    expect(bad.code).toBe('tax_id_invalid');
    expect(await stripe.customers.deleteTaxId(customer.id, trn.id)).toEqual({ id: trn.id, object: 'tax_id', deleted: true });
    expect((await stripe.customers.listTaxIds(customer.id)).data).toHaveLength(1);
    const badOnCreate = await stripeError(stripe.customers.create({ email: 'vat@example.com', tax_id_data: [{ type: 'eu_vat', value: 'XX1' }] }));
    expect(badOnCreate.param).toBe('tax_id_data[0][value]');
    expect((await stripe.customers.list({ email: 'vat@example.com' })).data).toHaveLength(0);
  });
});
