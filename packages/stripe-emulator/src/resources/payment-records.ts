// Payment Records: /v1/payment_records report_payment, retrieve, list, and the attempt variants
// (report_payment_attempt, …_canceled, …_failed, …_guaranteed, …_informational, report_refund). Logic in
// payments/payment-records.ts.
import type { Emulator } from '../emulator.js';
import { paginate } from '../http/list.js';
import { addressParams, listParams, p } from '../http/params.js';
import {
  completePaymentAttempt,
  paymentRecordsCollection,
  reportPayment,
  reportPaymentAttempt,
  reportPaymentRecordRefund,
  retrievePaymentRecord,
  updatePaymentAttemptInformation,
} from '../payments/payment-records.js';

const outcomeShape = {
  outcome: p.enumOf(['canceled', 'failed', 'guaranteed'] as const),
  canceled: p.object({ canceled_at: p.required(p.timestamp()) }),
  failed: p.object({ failed_at: p.required(p.timestamp()) }),
  guaranteed: p.object({ guaranteed_at: p.required(p.timestamp()) }),
} as const;

const paymentMethodDetailsParams = p.object({
  billing_details: p.object({ address: addressParams, email: p.string(), name: p.string(), phone: p.string() }),
  custom: p.object({ display_name: p.string({ maxLength: 100 }), type: p.string() }),
  payment_method: p.string(),
  type: p.enumOf(['custom'] as const),
});

const customerDetailsParams = p.object({ customer: p.string(), email: p.string(), name: p.string(), phone: p.string() });
const shippingParams = p.object({ address: addressParams, name: p.string(), phone: p.string() });

export function registerPaymentRecords(emu: Emulator): void {
  emu.objects.register({ object: 'payment_record', prefix: 'pr', collection: paymentRecordsCollection });

  emu.router.api(
    'POST',
    '/v1/payment_records/report_payment',
    {
      amount_requested: p.required(p.object({ currency: p.required(p.string()), value: p.required(p.integer()) })),
      initiated_at: p.required(p.timestamp()),
      payment_method_details: p.required(paymentMethodDetailsParams),
      customer_details: customerDetailsParams,
      customer_presence: p.enumOf(['off_session', 'on_session'] as const),
      description: p.string(),
      metadata: p.metadata(),
      processor_details: p.object({
        type: p.required(p.enumOf(['custom'] as const)),
        custom: p.object({ payment_reference: p.required(p.string()) }),
      }),
      shipping_details: shippingParams,
      ...outcomeShape,
    },
    ({ params }) => reportPayment(emu, params),
  );

  emu.router.api('GET', '/v1/payment_records/:id', {}, ({ path }) => retrievePaymentRecord(emu, path.id));

  emu.router.api(
    'GET',
    '/v1/payment_records',
    { ...listParams, created_after: p.timestamp(), created_before: p.timestamp() },
    ({ params, urlPath }) =>
      paginate(
        emu.store.newestFirst(paymentRecordsCollection, (r) => {
          if (params.created_after !== undefined && r.created <= params.created_after) return false;
          if (params.created_before !== undefined && r.created >= params.created_before) return false;
          return true;
        }),
        params,
        urlPath,
      ),
  );

  emu.router.api(
    'POST',
    '/v1/payment_records/:id/report_payment_attempt',
    {
      initiated_at: p.required(p.timestamp()),
      description: p.string(),
      metadata: p.metadata(),
      payment_method_details: paymentMethodDetailsParams,
      shipping_details: shippingParams,
      ...outcomeShape,
    },
    ({ params, path }) => reportPaymentAttempt(emu, path.id, params),
  );

  const metadata = p.metadata();
  emu.router.api(
    'POST',
    '/v1/payment_records/:id/report_payment_attempt_guaranteed',
    { guaranteed_at: p.required(p.timestamp()), metadata },
    ({ params, path }) => completePaymentAttempt(emu, path.id, 'guaranteed', params.metadata),
  );
  emu.router.api(
    'POST',
    '/v1/payment_records/:id/report_payment_attempt_failed',
    { failed_at: p.required(p.timestamp()), metadata },
    ({ params, path }) => completePaymentAttempt(emu, path.id, 'failed', params.metadata),
  );
  emu.router.api(
    'POST',
    '/v1/payment_records/:id/report_payment_attempt_canceled',
    { canceled_at: p.required(p.timestamp()), metadata },
    ({ params, path }) => completePaymentAttempt(emu, path.id, 'canceled', params.metadata),
  );

  emu.router.api(
    'POST',
    '/v1/payment_records/:id/report_payment_attempt_informational',
    {
      customer_details: customerDetailsParams,
      description: p.emptyable(p.string()),
      metadata: p.metadata(),
      shipping_details: p.emptyable(shippingParams),
    },
    ({ params, path }) => updatePaymentAttemptInformation(emu, path.id, params),
  );

  emu.router.api(
    'POST',
    '/v1/payment_records/:id/report_refund',
    {
      outcome: p.required(p.enumOf(['refunded'] as const)),
      processor_details: p.required(
        p.object({ type: p.required(p.enumOf(['custom'] as const)), custom: p.object({ refund_reference: p.required(p.string()) }) }),
      ),
      amount: p.object({ currency: p.required(p.string()), value: p.required(p.integer()) }),
      initiated_at: p.timestamp(),
      metadata: p.metadata(),
      refunded: p.object({ refunded_at: p.required(p.timestamp()) }),
    },
    ({ params, path }) => reportPaymentRecordRefund(emu, path.id, params.amount?.value),
  );
}
