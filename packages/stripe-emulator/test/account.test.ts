// The account itself (GET /v1/account): one fixed id, so callers can tell their own account from another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_ACCOUNT_ID } from '../src/index.js';
import { startTestEmulator, stripeError, type TestEmulator } from './helpers.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

describe('GET /v1/account', () => {
  it("answers the emulator's own account with its documented id, the same on every call", async () => {
    const account = await emu.stripe.accounts.retrieve(null);
    expect(EMULATOR_ACCOUNT_ID).toBe('acct_1SeikyuEmulator0');
    expect(account).toMatchObject({ id: 'acct_1SeikyuEmulator0', object: 'account', type: 'standard', country: 'JP', default_currency: 'jpy', charges_enabled: true });
    const { lastResponse: _first, ...first } = account;
    const { lastResponse: _second, ...second } = await emu.stripe.accounts.retrieve(null);
    expect(second).toEqual(first);
  });

  it('retrieves the account by its id and refuses any other account id', async () => {
    expect((await emu.stripe.accounts.retrieve(EMULATOR_ACCOUNT_ID)).id).toBe(EMULATOR_ACCOUNT_ID);
    expect(await stripeError(emu.stripe.accounts.retrieve('acct_someone_else'))).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });
});
