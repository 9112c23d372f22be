// The account's own tax ids (POST/GET/DELETE /v1/tax_ids): the issuer's registration number, as the SDK sends it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, stripeError, type TestEmulator } from './helpers.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

describe('account tax ids', () => {
  it('creates, lists, retrieves and deletes a jp_trn owned by the account itself', async () => {
    const { stripe } = emu;
    const created = await stripe.taxIds.create({ type: 'jp_trn', value: 'T1234567890123', owner: { type: 'self' } });
    expect(created).toMatchObject({ object: 'tax_id', type: 'jp_trn', value: 'T1234567890123', country: 'JP', customer: null, owner: { type: 'self' } });
    const customer = await stripe.customers.create({ name: 'Not the account' });
    await stripe.customers.createTaxId(customer.id, { type: 'jp_trn', value: 'T9999999999999' });

    const listed = await stripe.taxIds.list({ owner: { type: 'self' } });
    expect(listed.data.map((t) => t.value)).toEqual(['T1234567890123']);
    expect(await stripe.taxIds.retrieve(created.id)).toMatchObject({ id: created.id, value: 'T1234567890123' });

    expect(await stripe.taxIds.del(created.id)).toEqual({ id: created.id, object: 'tax_id', deleted: true });
    expect((await stripe.taxIds.list()).data).toEqual([]);
    expect(await stripeError(stripe.taxIds.retrieve(created.id))).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  it('rejects a malformed registration number with tax_id_invalid', async () => {
    expect(await stripeError(emu.stripe.taxIds.create({ type: 'jp_trn', value: 'T123' }))).toMatchObject({ statusCode: 400, code: 'tax_id_invalid', param: 'value' });
  });
});
