// Charges: created by PaymentIntent confirmations (never directly); GET /v1/charges, /v1/charges/:id, and an
// HTML receipt at `receipt_url` served by the emulator.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { defineCollection } from '../core/store.js';
import { newId } from '../core/ids.js';
import { formatAmount } from '../core/currency.js';
import { diffAttributes } from '../core/events.js';
import { hostedUrl } from '../core/public-url.js';
import type { Full } from '../core/types.js';
import { paginate } from '../http/list.js';
import { listParams, matchesRange, p } from '../http/params.js';
import type { DeclineOutcome } from '../cards.js';

export const chargesCollection = defineCollection<Stripe.Charge>('charges');

export interface ChargeInput {
  amount: number;
  currency: string;
  customer: string | null;
  description: string | null;
  paymentIntent: string;
  paymentMethod: Stripe.PaymentMethod;
  metadata: Stripe.Metadata;
  receiptEmail: string | null;
  statementDescriptorSuffix: string | null;
  /** Null for a successful charge. */
  decline: DeclineOutcome | null;
  /** Whether 3D Secure was completed for this charge. */
  authenticated: boolean;
  capture: boolean;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Creates the charge of a confirmation attempt and emits charge.succeeded / charge.failed. */
export function createCharge(emu: Emulator, input: ChargeInput): Stripe.Charge {
  const card = input.paymentMethod.card;
  const id = newId('ch');
  const succeeded = input.decline === null;
  const charge = {
    id,
    object: 'charge',
    amount: input.amount,
    amount_captured: succeeded && input.capture ? input.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    // An authorisation (manual capture) moves no money yet: its balance transaction comes from the capture.
    balance_transaction: succeeded && input.capture ? newId('txn') : null,
    billing_details: input.paymentMethod.billing_details,
    calculated_statement_descriptor: 'SEIKYU',
    captured: succeeded && input.capture,
    created: emu.clock.now(input.customer),
    currency: input.currency,
    customer: input.customer,
    description: input.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: input.decline?.code ?? null,
    failure_message: input.decline?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: input.metadata,
    on_behalf_of: null,
    outcome: {
      advice_code: input.decline ? 'try_again_later' : null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: input.decline ? 'declined_by_network' : 'approved_by_network',
      reason: input.decline?.declineCode ?? null,
      risk_level: 'normal',
      risk_score: 20,
      seller_message: input.decline ? 'The bank did not return any further details with this decline.' : 'Payment complete.',
      type: input.decline ? 'issuer_declined' : 'authorized',
    },
    paid: succeeded,
    payment_intent: input.paymentIntent,
    payment_method: input.paymentMethod.id,
    payment_method_details: {
      type: 'card',
      card: {
        amount_authorized: succeeded ? input.amount : null,
        authorization_code: succeeded ? String(100000 + Math.floor(Math.random() * 899999)) : null,
        brand: card?.brand ?? null,
        checks: card?.checks ?? null,
        country: card?.country ?? null,
        exp_month: card?.exp_month ?? 0,
        exp_year: card?.exp_year ?? 0,
        extended_authorization: { status: 'disabled' },
        incremental_authorization: { status: 'unavailable' },
        multicapture: { status: 'unavailable' },
        overcapture: { maximum_amount_capturable: input.amount, status: 'unavailable' },
        fingerprint: card?.fingerprint ?? null,
        funding: card?.funding ?? null,
        installments: null,
        last4: card?.last4 ?? null,
        mandate: null,
        network: card?.brand ?? null,
        network_token: { used: false },
        network_transaction_id: succeeded ? String(Math.floor(Math.random() * 1e15)) : null,
        regulated_status: 'unregulated',
        three_d_secure: input.authenticated
          ? {
              authentication_flow: 'challenge',
              electronic_commerce_indicator: '05',
              exemption_indicator: null,
              result: 'authenticated',
              result_reason: null,
              transaction_id: newId('3ds'),
              version: '2.2.0',
            }
          : null,
        electronic_commerce_indicator: input.authenticated ? '05' : null,
        transaction_link_id: null,
        wallet: null,
      },
    },
    receipt_email: input.receiptEmail,
    receipt_number: null,
    receipt_url: hostedUrl(`/receipts/charges/${id}`),
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: input.statementDescriptorSuffix,
    status: succeeded ? 'succeeded' : 'failed',
    transfer_data: null,
    transfer_group: null,
  } satisfies Full<Stripe.Charge, 'authorization_code' | 'level3' | 'presentment_details' | 'radar_options' | 'refunds' | 'transfer'>;
  emu.store.insert(chargesCollection, charge);
  if (succeeded) emu.events.emit('charge.succeeded', charge);
  else emu.events.emit('charge.failed', charge);
  return charge;
}

/**
 * Captures an authorised charge (a `capture_method: manual` PaymentIntent's capture): `captured`,
 * `amount_captured`, its balance transaction; an uncaptured remainder is released, which Stripe reports as
 * `amount_refunded`. Emits charge.captured.
 */
export function captureCharge(emu: Emulator, chargeId: string, amount: number): Stripe.Charge {
  const before = emu.store.require(chargesCollection, chargeId, 'charge');
  const after = emu.store.update(chargesCollection, chargeId, (cur) => ({
    ...cur,
    captured: true,
    amount_captured: amount,
    amount_refunded: cur.amount - amount,
    balance_transaction: newId('txn'),
  }));
  emu.events.emit('charge.captured', after, { previousAttributes: diffAttributes(before, after) });
  return after;
}

export function registerCharges(emu: Emulator): void {
  emu.objects.register({ object: 'charge', prefix: 'ch', collection: chargesCollection });
  const { router, store } = emu;

  router.api('GET', '/v1/charges/:id', {}, ({ path }) => store.require(chargesCollection, path.id, 'charge'));

  router.api(
    'GET',
    '/v1/charges',
    { ...listParams, customer: p.string(), payment_intent: p.string(), created: p.range(), transfer_group: p.string() },
    ({ params, urlPath }) =>
      paginate(
        store.newestFirst(
          chargesCollection,
          (c) =>
            (!params.customer || c.customer === params.customer) &&
            (!params.payment_intent || c.payment_intent === params.payment_intent) &&
            (!params.transfer_group || c.transfer_group === params.transfer_group) &&
            matchesRange(c.created, params.created),
        ),
        params,
        urlPath,
      ),
  );

  // The receipt a customer opens from `receipt_url`.
  router.raw('GET', '/receipts/charges/:id', ({ path }, res) => {
    const charge = store.get(chargesCollection, path.id);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    if (!charge || charge.status !== 'succeeded') {
      res.statusCode = 404;
      res.end('<!doctype html><title>Receipt not found</title><p>No receipt for this charge.</p>');
      return;
    }
    const card = charge.payment_method_details?.card;
    const date = new Date(charge.created * 1000).toISOString().slice(0, 10);
    res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Receipt ${escapeHtml(charge.id)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;color:#1a1a1a}dt{color:#555}dd{margin:0 0 .75rem}</style></head>
<body><h1>Receipt</h1><p>Stripe emulator (test mode) — not a real payment.</p>
<dl><dt>Amount paid</dt><dd data-testid="amount">${escapeHtml(formatAmount(charge.amount, charge.currency))}</dd>
<dt>Date paid</dt><dd>${date}</dd>
<dt>Payment method</dt><dd>${escapeHtml(card?.brand ?? 'card')} •••• ${escapeHtml(card?.last4 ?? '')}</dd>
${charge.description ? `<dt>Description</dt><dd>${escapeHtml(charge.description)}</dd>` : ''}
<dt>Charge</dt><dd>${escapeHtml(charge.id)}</dd></dl></body></html>`);
  });
}
