// Refunds: POST /v1/refunds (a charge or a PaymentIntent), GET /v1/refunds/:id, GET /v1/refunds (charge,
// payment_intent, created). Logic in payments/refunds.ts.
import type { Emulator } from '../emulator.js';
import { paginate } from '../http/list.js';
import { listParams, matchesRange, p } from '../http/params.js';
import { createRefund, refundsCollection, retrieveRefund } from '../payments/refunds.js';

export function registerRefunds(emu: Emulator): void {
  emu.objects.register({ object: 'refund', prefix: 're', collection: refundsCollection });

  emu.router.api(
    'POST',
    '/v1/refunds',
    {
      amount: p.integer(),
      charge: p.string(),
      payment_intent: p.string(),
      reason: p.enumOf(['duplicate', 'fraudulent', 'requested_by_customer'] as const),
      metadata: p.metadata(),
      currency: p.unsupported(),
      customer: p.unsupported(),
      instructions_email: p.unsupported(),
      origin: p.unsupported(),
      refund_application_fee: p.unsupported(),
      reverse_transfer: p.unsupported(),
    },
    ({ params }) => createRefund(emu, params),
  );

  emu.router.api('GET', '/v1/refunds/:id', {}, ({ path }) => retrieveRefund(emu, path.id));

  emu.router.api(
    'GET',
    '/v1/refunds',
    { ...listParams, charge: p.string(), payment_intent: p.string(), created: p.range() },
    ({ params, urlPath }) =>
      paginate(
        emu.store.newestFirst(refundsCollection, (r) => {
          if (params.charge && r.charge !== params.charge) return false;
          if (params.payment_intent && r.payment_intent !== params.payment_intent) return false;
          return matchesRange(r.created, params.created);
        }),
        params,
        urlPath,
      ),
  );
}
