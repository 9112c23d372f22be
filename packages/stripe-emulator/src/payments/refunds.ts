// Refunds of card payments: money of a succeeded charge given back. A refund succeeds at once (test mode),
// grows the charge's `amount_refunded` (and sets `refunded` when all of it is back), and emits `refund.created`
// and `charge.refunded` as Stripe does.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { defineCollection } from '../core/store.js';
import { newId } from '../core/ids.js';
import { applyMetadata } from '../core/metadata.js';
import { diffAttributes } from '../core/events.js';
import type { Full } from '../core/types.js';
import { invalidRequest, resourceMissing } from '../http/errors.js';
import { chargesCollection } from '../resources/charges.js';
import { paymentIntentsCollection } from './payment-intents.js';

export const refundsCollection = defineCollection<Stripe.Refund>('refunds');

export type RefundReason = 'duplicate' | 'fraudulent' | 'requested_by_customer';

export interface CreateRefundInput {
  charge?: string;
  payment_intent?: string;
  amount?: number;
  reason?: RefundReason;
  metadata?: Record<string, string> | null;
}

/** The succeeded charge a refund request points at (directly or through its PaymentIntent). */
function refundableCharge(emu: Emulator, input: CreateRefundInput): Stripe.Charge {
  if (input.charge && input.payment_intent) {
    throw invalidRequest('You can only pass one of charge or payment_intent.', { param: 'payment_intent' });
  }
  if (input.payment_intent) {
    const pi = emu.store.get(paymentIntentsCollection, input.payment_intent);
    if (!pi) throw resourceMissing('payment_intent', input.payment_intent, 'payment_intent');
    const latest = pi.latest_charge;
    const chargeId = latest ? (typeof latest === 'string' ? latest : latest.id) : null;
    const charge = chargeId ? emu.store.get(chargesCollection, chargeId) : undefined;
    if (pi.status !== 'succeeded' || !charge) {
      throw invalidRequest(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, {
        code: 'charge_not_refundable',
        param: 'payment_intent',
      });
    }
    return charge;
  }
  if (!input.charge) throw invalidRequest('One of charge or payment_intent is required.', { param: 'charge' });
  const charge = emu.store.get(chargesCollection, input.charge);
  if (!charge) throw resourceMissing('charge', input.charge, 'charge');
  if (charge.status !== 'succeeded' || !charge.captured) {
    throw invalidRequest(`Charge ${charge.id} has not succeeded; there is nothing to refund.`, { code: 'charge_not_refundable', param: 'charge' });
  }
  return charge;
}

/** Validates before writing: the amount must be positive and at most what is left to refund. */
export function createRefund(emu: Emulator, input: CreateRefundInput): Stripe.Refund {
  const charge = refundableCharge(emu, input);
  const left = charge.amount_captured - charge.amount_refunded;
  if (left <= 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' });
  }
  const amount = input.amount ?? left;
  if (amount <= 0) throw invalidRequest('Refund amount must be a positive integer.', { param: 'amount' });
  if (amount > left) {
    throw invalidRequest(`Refund amount (${amount}) is greater than unrefunded amount on charge (${left}).`, {
      code: 'amount_too_large',
      param: 'amount',
    });
  }
  const customer = typeof charge.customer === 'string' ? charge.customer : (charge.customer?.id ?? null);
  const paymentIntent = typeof charge.payment_intent === 'string' ? charge.payment_intent : (charge.payment_intent?.id ?? null);
  const refund = {
    id: newId('re'),
    object: 'refund',
    amount,
    balance_transaction: newId('txn'),
    charge: charge.id,
    created: emu.clock.now(customer),
    currency: charge.currency,
    customer,
    customer_account: null,
    destination_details: { type: 'card', card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' } },
    metadata: applyMetadata({}, input.metadata),
    payment_intent: paymentIntent,
    payment_method: typeof charge.payment_method === 'string' ? charge.payment_method : null,
    reason: input.reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  } satisfies Full<
    Stripe.Refund,
    'description' | 'failure_balance_transaction' | 'failure_reason' | 'instructions_email' | 'next_action' | 'pending_reason' | 'presentment_details'
  >;
  emu.store.insert(refundsCollection, refund);
  const refunded = charge.amount_refunded + amount;
  const next: Stripe.Charge = { ...charge, amount_refunded: refunded, refunded: refunded === charge.amount_captured };
  emu.store.insert(chargesCollection, next);
  emu.events.emit('refund.created', refund);
  emu.events.emit('charge.refunded', next, { previousAttributes: diffAttributes(charge, next) });
  return refund;
}

export function retrieveRefund(emu: Emulator, id: string): Stripe.Refund {
  const refund = emu.store.get(refundsCollection, id);
  if (!refund) throw resourceMissing('refund', id, 'id');
  return refund;
}
