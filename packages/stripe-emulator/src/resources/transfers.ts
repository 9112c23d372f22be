// Transfers (/v1/transfers), their reversals (/v1/transfers/:id/reversals) and the balance (/v1/balance, also
// on behalf of a connected account). The money rules are in connect/transfers.ts and connect/balance.ts.
import type { Emulator } from '../emulator.js';
import { applyMetadata } from '../core/metadata.js';
import { SUPPORTED_CURRENCIES } from '../core/currency.js';
import { invalidRequest, resourceMissing } from '../http/errors.js';
import { paginate } from '../http/list.js';
import { listParams, matchesRange, p } from '../http/params.js';
import { transferReversalsCollection, transfersCollection } from '../connect/collections.js';
import { createTransfer, reverseTransfer, reversalsOf, updateTransfer } from '../connect/transfers.js';
import { balanceOf } from '../connect/balance.js';

export function registerTransfers(emu: Emulator): void {
  emu.objects.register({ object: 'transfer', prefix: 'tr', collection: transfersCollection });
  emu.objects.register({ object: 'transfer_reversal', prefix: 'trr', collection: transferReversalsCollection });
  const { router, store } = emu;

  router.api(
    'POST',
    '/v1/transfers',
    {
      amount: p.required(p.integer({ min: 1 })),
      currency: p.required(p.string()),
      destination: p.required(p.string()),
      source_transaction: p.string(),
      transfer_group: p.string({ maxLength: 5000 }),
      description: p.string({ maxLength: 5000 }),
      metadata: p.metadata(),
      source_type: p.unsupported(),
    },
    ({ params }) => {
      const currency = params.currency.toLowerCase();
      if (!SUPPORTED_CURRENCIES.has(currency)) throw invalidRequest(`Invalid currency: ${params.currency}.`, { param: 'currency' });
      return createTransfer(emu, {
        amount: params.amount,
        currency,
        destination: params.destination,
        sourceTransaction: params.source_transaction ?? null,
        transferGroup: params.transfer_group ?? null,
        description: params.description ?? null,
        metadata: applyMetadata({}, params.metadata),
      });
    },
  );

  router.api('GET', '/v1/transfers/:id', {}, ({ path }) => store.require(transfersCollection, path.id, 'transfer'));

  router.api(
    'POST',
    '/v1/transfers/:id',
    { description: p.emptyable(p.string({ maxLength: 5000 })), metadata: p.metadata() },
    ({ path, params }) => updateTransfer(emu, path.id, params),
  );

  router.api(
    'GET',
    '/v1/transfers',
    { ...listParams, destination: p.string(), transfer_group: p.string(), created: p.range() },
    ({ params, urlPath }) =>
      paginate(
        store.newestFirst(
          transfersCollection,
          (t) =>
            (params.destination === undefined || t.destination === params.destination) &&
            (params.transfer_group === undefined || t.transfer_group === params.transfer_group) &&
            matchesRange(t.created, params.created),
        ),
        params,
        urlPath,
      ),
  );

  router.api(
    'POST',
    '/v1/transfers/:id/reversals',
    { amount: p.integer({ min: 1 }), description: p.string({ maxLength: 5000 }), metadata: p.metadata(), refund_application_fee: p.boolean() },
    ({ path, params }) => reverseTransfer(emu, path.id, { amount: params.amount, description: params.description, metadata: applyMetadata({}, params.metadata) }),
  );

  router.api('GET', '/v1/transfers/:id/reversals', { ...listParams }, ({ path, params, urlPath }) => {
    store.require(transfersCollection, path.id, 'transfer');
    return paginate(reversalsOf(emu, path.id), params, urlPath);
  });

  router.api('GET', '/v1/transfers/:id/reversals/:reversal', {}, ({ path }) => {
    store.require(transfersCollection, path.id, 'transfer');
    const reversal = store.get(transferReversalsCollection, path.reversal);
    if (!reversal || reversal.transfer !== path.id) throw resourceMissing('transfer_reversal', path.reversal, 'id');
    return reversal;
  });

  router.api('POST', '/v1/transfers/:id/reversals/:reversal', { metadata: p.metadata() }, ({ path, params }) => {
    store.require(transfersCollection, path.id, 'transfer');
    const reversal = store.get(transferReversalsCollection, path.reversal);
    if (!reversal || reversal.transfer !== path.id) throw resourceMissing('transfer_reversal', path.reversal, 'id');
    return store.update(transferReversalsCollection, reversal.id, (cur) => ({ ...cur, metadata: applyMetadata(cur.metadata ?? {}, params.metadata) }));
  });

  // The platform's balance, or (with `Stripe-Account`) the connected account's.
  router.api('GET', '/v1/balance', {}, ({ stripeAccount }) => balanceOf(emu, stripeAccount, emu.clock.wallNow()), { connectedAccount: true });
}
